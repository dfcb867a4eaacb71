import { describe, expect, it } from 'vitest';
import { EXPECTATIONS } from '../../src/cli/doctor/expectations.js';
import { renderTable } from '../../src/cli/doctor/render-table.js';
import { scanSse } from '../../src/cli/doctor/sse-scan.js';
import { wrapText } from '../../src/cli/doctor/wrap-text.js';
import { styleFor } from '../../src/cli/style.js';

describe('scanSse', () => {
  it('reads events, comments and every line-ending style as the SSE spec does', () => {
    const scan = scanSse(': keep-alive\r\ndata: {"a":1}\r\n\r\nevent: error\rdata: x\r\rdata: [DONE]\n\n');
    expect(scan.events).toEqual([
      { event: undefined, data: '{"a":1}' },
      { event: 'error', data: 'x' },
      { event: undefined, data: '[DONE]' },
    ]);
    expect(scan.comments).toEqual(['keep-alive']);
    expect(scan.lineEndings).toEqual({ lf: 2, crlf: 3, cr: 3 });
    expect(scan.unterminated).toBeUndefined();
  });

  it('notices a last event with no blank line after it, and stray lines', () => {
    const scan = scanSse('data: {"a":1}\n\nhello\ndata: {"b":2}\n');
    expect(scan.events).toHaveLength(1);
    expect(scan.unterminated).toBe('{"b":2}');
    expect(scan.strayLines).toEqual(['hello']);
  });

  it('joins multi-line data and drops one leading space only', () => {
    expect(scanSse('data:a\ndata:  b\n\n').events).toEqual([{ event: undefined, data: 'a\n b' }]);
  });
});

describe('report layout', () => {
  it('wraps at spaces, then after commas, then anywhere', () => {
    expect(wrapText('one two three', 7)).toEqual(['one two', 'three']);
    expect(wrapText('{"a","b","c"}', 8)).toEqual(['{"a",', '"b","c"}']);
    expect(wrapText('abcdefghij', 4)).toEqual(['abcd', 'efgh', 'ij']);
  });

  it('keeps the result column aligned when cells wrap', () => {
    const style = styleFor({ write: () => undefined, isTTY: false, columns: undefined }, {});
    const table = renderTable(
      [
        {
          id: 'stream.done',
          status: 'fail',
          expected: 'data: [DONE] after the last chunk',
          got: 'body ended after finish_reason without data: [DONE]',
        },
        { id: 'cors', status: 'pass', expected: 'x', got: 'y' },
      ],
      72,
      style,
    );
    expect(table).toBe(
      [
        'check        expected               got                             result',
        'stream.done  data: [DONE] after     body ended after finish_reason  FAIL',
        '             the last chunk         without data: [DONE]',
        'cors         x                      y                               pass',
        '',
      ].join('\n'),
    );
  });
});

describe('colour', () => {
  const terminal = { write: () => undefined, isTTY: true, columns: 80 };
  it('only on a terminal, and never with NO_COLOR', () => {
    expect(styleFor(terminal, {}).red('x')).toBe('\u001b[31mx\u001b[39m');
    expect(styleFor(terminal, { NO_COLOR: '1' }).red('x')).toBe('x');
    expect(styleFor({ ...terminal, isTTY: false }, {}).red('x')).toBe('x');
  });
});

describe("each vendor's documented error shapes", () => {
  it.each([
    ['morpheus', { detail: 'Session expired' }],
    ['morpheus', { detail: [{ loc: ['body', 'model'], msg: 'field required', type: 'missing' }] }],
    ['morpheus', { error: { message: 'proxy failed', type: 'proxy_error' } }],
    ['morpheus', { error: 'upstream node said no' }],
    ['caesar', { error: 'Missing API key' }],
    ['intandem', { success: false, errors: [{ code: 'invalid', message: 'Unsupported model format' }] }],
  ] as const)('%s: %j passes the doctor', (dialect, body) => {
    expect(EXPECTATIONS[dialect].errorShape.matches(body)).toBe(true);
  });

  it('a body in none of them is flagged', () => {
    expect(EXPECTATIONS.morpheus.errorShape.matches({ message: 'nope' })).toBe(false);
  });
});
