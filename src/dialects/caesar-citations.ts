/** One entry of the References section Caesar appends to its answers. */
export interface Citation {
  index: number;
  title: string;
  url: string;
}

// The section's exact format is undocumented, so this reads the common shapes leniently:
//   [1] Title – https://…   [1]: https://…   1. [Title](https://…)   - [1] [Title](https://…)
const HEADING = /^\s*(?:#{1,6}\s*|\*\*)?(?:references|sources|citations)\b[\s:*]*$/im;
const ENTRY = /^\s*(?:[-*]\s*)?(?:\[(\d+)\]|(\d+)[.)])\s*:?\s*(.*)$/;
const URL_PATTERN = /https?:\/\/[^\s)<>\]]+/;
const MARKDOWN_LINK = /\[([^\]]*)\]\((https?:\/\/[^)\s]+)\)/;

/**
 * Parses the numbered references at the end of a Caesar answer into `{ index, title, url }`, in the
 * order they appear. Lines that name no URL are skipped; an answer without references gives `[]`.
 */
export function parseCitations(content: string): Citation[] {
  const heading = HEADING.exec(content);
  const section = heading ? content.slice(heading.index + heading[0].length) : content;
  const citations: Citation[] = [];
  for (const line of section.split(/\r\n|\r|\n/)) {
    const entry = ENTRY.exec(line);
    if (!entry) continue;
    const index = Number(entry[1] ?? entry[2]);
    const rest = entry[3] ?? '';
    const link = MARKDOWN_LINK.exec(rest);
    const url = link?.[2] ?? URL_PATTERN.exec(rest)?.[0];
    if (!url) continue;
    const title = link ? link[1]! : rest.replace(url, '');
    citations.push({ index, title: cleanTitle(title), url: url.replace(/[.,;:]+$/, '') });
  }
  return citations;
}

function cleanTitle(raw: string): string {
  return raw
    .replace(/[<>]/g, '')
    .replace(/\s*[–—-]\s*$/, '')
    .replace(/^\s*[–—:-]\s*/, '')
    .replace(/^["“*_]+|["”*_]+$/g, '')
    .trim();
}
