/** Splits a word too long for `width` after its last comma or slash that fits, else at `width`. */
const breakWord = (word: string, width: number): [string, string] => {
  const head = word.slice(0, width);
  const at = Math.max(head.lastIndexOf(','), head.lastIndexOf('/'));
  const cut = at > width / 3 ? at + 1 : width;
  return [word.slice(0, cut), word.slice(cut)];
};

/** Wraps `text` at spaces to lines of at most `width` characters, breaking longer words. */
export const wrapText = (text: string, width: number): string[] => {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    let rest = word;
    if (line !== '' && line.length + 1 + rest.length <= width) {
      line += ` ${rest}`;
      continue;
    }
    if (line !== '') lines.push(line);
    while (rest.length > width) {
      const [head, tail] = breakWord(rest, width);
      lines.push(head);
      rest = tail;
    }
    line = rest;
  }
  if (line !== '' || lines.length === 0) lines.push(line);
  return lines;
};
