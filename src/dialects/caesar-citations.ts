/** One entry of the References section Caesar appends to its answers. */
export interface Citation {
  index: number;
  title: string;
  url: string;
}

// The section's exact format is undocumented, so this reads the common shapes leniently:
//   [1] Title – https://…   [1]: https://…   1. [Title](https://…)   - [1] [Title](https://…)
// A heading line: "References", "## Sources", "**Citations:**", "5. Reference" …
const HEADING = /^\s*(?:#{1,6}\s*|\*\*)?(?:\d+[.)]\s*)?(?:references?|sources?|citations?)\b[\s:*]*$/im;
const ENTRY = /^\s*(?:[-*]\s*)?(?:\[(\d+)\]|(\d+)[.)])\s*:?\s*(.*)$/;
// URLs may hold balanced parentheses (`…/wiki/Foo_(bar)`); a `)` that closes nothing ends them.
const URL_PATTERN = /https?:\/\/[^\s<>\]]+/;
const MARKDOWN_LINK = /\[([^\]]*)\]\((https?:\/\/(?:[^()\s]|\([^()\s]*\))+)\)/;

/**
 * Parses the numbered references at the end of a Caesar answer into `{ index, title, url }`, in the
 * order they appear. Lines that name no URL are skipped; an answer without a References heading
 * gives `[]` (a numbered list with links in the body is not a list of sources).
 */
export function parseCitations(content: string): Citation[] {
  const heading = HEADING.exec(content);
  if (!heading) return [];
  const section = content.slice(heading.index + heading[0].length);
  const citations: Citation[] = [];
  for (const line of section.split(/\r\n|\r|\n/)) {
    const entry = ENTRY.exec(line);
    if (!entry) continue;
    const index = Number(entry[1] ?? entry[2]);
    const rest = entry[3] ?? '';
    const link = MARKDOWN_LINK.exec(rest);
    const found = URL_PATTERN.exec(rest)?.[0];
    const url = link?.[2] ?? balanced(found);
    if (!url) continue;
    // The title is the line without the URL as written, trailing `.` or `)` included.
    const title = link ? link[1]! : rest.replace(found ?? url, '');
    citations.push({ index, title: cleanTitle(title), url: url.replace(/[.,;:]+$/, '') });
  }
  return citations;
}

/** Drops trailing `)` (and punctuation) that no `(` inside the URL opened. */
function balanced(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  let out = url.replace(/[.,;:]+$/, '');
  const count = (c: string) => out.split(c).length - 1;
  while (out.endsWith(')') && count(')') > count('(')) out = out.slice(0, -1).replace(/[.,;:]+$/, '');
  return out;
}

function cleanTitle(raw: string): string {
  return raw
    .replace(/[<>]/g, '')
    .replace(/\s*[–—-]\s*$/, '')
    .replace(/^\s*[–—:-]\s*/, '')
    .replace(/^["“*_]+|["”*_]+$/g, '')
    .trim();
}
