import type { Style } from '../style.js';

/** The summary as aligned `label  text` lines, labels dimmed. */
export const renderSummary = (lines: ReadonlyArray<readonly [string, string]>, style: Style): string => {
  const width = Math.max(...lines.map(([label]) => label.length));
  return lines.map(([label, text]) => `${style.dim(label.padEnd(width))}  ${text}\n`).join('');
};
