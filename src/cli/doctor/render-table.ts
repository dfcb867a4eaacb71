import type { Style } from '../style.js';
import type { CheckResult, CheckStatus } from './check-result.js';
import { wrapText } from './wrap-text.js';

const GAP = '  ';
const LABEL: Record<CheckStatus, string> = { pass: 'pass', warn: 'warn', fail: 'FAIL', skip: 'skip' };

const paint = (status: CheckStatus, style: Style) =>
  ({
    pass: style.green,
    warn: style.yellow,
    fail: (text: string) => style.bold(style.red(text)),
    skip: style.dim,
  })[status];

/** The report as a table (check, expected, got, result), wrapped to `width` columns. */
export const renderTable = (rows: readonly CheckResult[], width: number, style: Style): string => {
  const checkWidth = Math.max(5, ...rows.map((row) => row.id.length));
  const resultWidth = 4;
  const room = Math.max(40, width - checkWidth - resultWidth - GAP.length * 3);
  const longestExpected = Math.max(8, ...rows.map((row) => row.expected.length));
  const expectedWidth = Math.min(longestExpected, Math.floor(room * 0.42));
  const gotWidth = room - expectedWidth;
  const line = (cells: readonly string[], result: string) =>
    `${cells.map((cell, index) => cell.padEnd([checkWidth, expectedWidth, gotWidth][index] ?? 0)).join(GAP)}${GAP}${result}`.trimEnd();

  const out = [style.bold(line(['check', 'expected', 'got'], 'result'))];
  for (const row of rows) {
    const expected = wrapText(row.expected, expectedWidth);
    const got = wrapText(row.got, gotWidth);
    const height = Math.max(expected.length, got.length);
    for (let index = 0; index < height; index += 1) {
      const result = index === 0 ? paint(row.status, style)(LABEL[row.status]) : '';
      out.push(line([index === 0 ? row.id : '', expected[index] ?? '', got[index] ?? ''], result));
    }
  }
  return `${out.join('\n')}\n`;
};
