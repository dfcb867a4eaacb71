/** A source the mock Caesar cites. */
export interface CaesarReference {
  readonly title: string;
  readonly url: string;
}

/** The two sources every mock Caesar answer cites unless `references` says otherwise. */
export const defaultCaesarReferences: readonly CaesarReference[] = [
  { title: 'Mock Source One', url: 'https://example.com/mock-source-1' },
  { title: 'Mock Source Two', url: 'https://example.com/mock-source-2' },
];

/** `[1] [2]` markers for every reference. */
const markers = (references: readonly CaesarReference[]): string =>
  references.map((_, index) => `[${index + 1}]`).join(' ');

/**
 * The native research `content`: `Echo: <query>` with inline `[n]` citations, which map to
 * `results[].citation_index`.
 */
export const researchContent = (query: string, references: readonly CaesarReference[]): string =>
  references.length === 0 ? `Echo: ${query}` : `Echo: ${query} ${markers(references)}`;

/**
 * The `/compat` answer: citations inside the content, as a "References" section of
 * `[n] Title – URL` lines (en dash) after the text. Attached files are named after the query.
 *
 * @example
 * compatContent('Why?', ['a.pdf'], defaultCaesarReferences);
 * // 'Echo: Why? (files: a.pdf) [1] [2]\n\nReferences\n[1] Mock Source One – https://example.com/mock-source-1\n…'
 */
export const compatContent = (
  query: string,
  filenames: readonly string[],
  references: readonly CaesarReference[],
): string => {
  const files = filenames.length === 0 ? '' : ` (files: ${filenames.join(', ')})`;
  const text = researchContent(`${query}${files}`, references);
  if (references.length === 0) return text;
  const lines = references.map((reference, index) => `[${index + 1}] ${reference.title} – ${reference.url}`);
  return `${text}\n\nReferences\n${lines.join('\n')}`;
};
