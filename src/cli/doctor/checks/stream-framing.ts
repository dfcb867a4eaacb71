import { type CheckResult, check } from '../check-result.js';
import type { SseScan } from '../sse-scan.js';

/** `stream.keepalive`: comment lines are allowed anywhere; clients skip them. */
export const keepAliveCheck = (scan: SseScan): CheckResult => {
  const expected = 'comment lines (": …") allowed, ignored';
  const count = scan.comments.length;
  if (count === 0) return check('stream.keepalive', 'pass', expected, 'none sent');
  const kinds = [...new Set(scan.comments)].slice(0, 2).map((text) => JSON.stringify(`: ${text}`));
  return check('stream.keepalive', 'pass', expected, `${count} comment line(s): ${kinds.join(', ')}`);
};

/** `stream.line-endings`: one line-ending style, every event closed by a blank line. */
export const lineEndingsCheck = (scan: SseScan): CheckResult => {
  const expected = 'LF, CRLF or CR (one style); a blank line after each event';
  const { lf, crlf, cr } = scan.lineEndings;
  const styles = [lf && `LF ×${lf}`, crlf && `CRLF ×${crlf}`, cr && `CR ×${cr}`].filter(Boolean).join(', ');
  if (scan.unterminated !== undefined) {
    return check(
      'stream.line-endings',
      'fail',
      expected,
      `${styles}; last event has no blank line after it (dropped)`,
    );
  }
  const notes: string[] = [];
  if ([lf, crlf, cr].filter((n) => n > 0).length > 1) notes.push('mixed styles');
  if (scan.strayLines.length > 0)
    notes.push(`${scan.strayLines.length} stray line(s): ${JSON.stringify(scan.strayLines[0])}`);
  if (scan.bom) notes.push('byte-order mark');
  if (notes.length > 0)
    return check('stream.line-endings', 'warn', expected, `${styles}; ${notes.join('; ')}`);
  return check('stream.line-endings', 'pass', expected, `${styles || 'none'}, events closed by blank lines`);
};
