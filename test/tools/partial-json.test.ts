import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePartialJson } from '../../src/internal/partial-json.js';

/**
 * `partial` shows nothing the finished value `full` would not keep: strings are prefixes, arrays
 * and objects hold some of the members (all whole but one), scalars are exact.
 */
function isPartialOf(partial: unknown, full: unknown): boolean {
  if (partial === undefined) return true;
  if (typeof full === 'string') return typeof partial === 'string' && full.startsWith(partial);
  if (Array.isArray(full)) {
    if (!Array.isArray(partial) || partial.length > full.length) return false;
    return partial.every((item, i) =>
      i < partial.length - 1
        ? Object.is(JSON.stringify(item), JSON.stringify(full[i]))
        : isPartialOf(item, full[i]),
    );
  }
  if (typeof full === 'object' && full !== null) {
    if (typeof partial !== 'object' || partial === null || Array.isArray(partial)) return false;
    // Key order is not compared: integer-like keys come first in any JS object.
    const entries = Object.entries(partial);
    const unfinished = entries.filter(([key, value]) => {
      const whole = (full as Record<string, unknown>)[key];
      return JSON.stringify(value) !== JSON.stringify(whole);
    });
    return (
      entries.every(
        ([key, value]) =>
          Object.hasOwn(full, key) && isPartialOf(value, (full as Record<string, unknown>)[key]),
      ) && unfinished.length <= 1
    );
  }
  return Object.is(partial, full);
}

/** Documents as a model might write them: compact, pretty-printed, or with odd whitespace. */
const texts = fc
  .tuple(fc.jsonValue(), fc.constantFrom<number | string | undefined>(undefined, 2, '\t', ' \r\n '))
  .map(([value, indent]) => JSON.stringify(value, null, indent));

describe('parsePartialJson', () => {
  it.each([
    ['', undefined, false],
    ['  ', undefined, false],
    ['{', {}, false],
    ['{"ci', {}, false],
    ['{"city"', {}, false],
    ['{"city":', {}, false],
    ['{"city": "Pa', { city: 'Pa' }, false],
    ['{"city": "Pa\\', { city: 'Pa' }, false],
    ['{"city": "Pa\\u00', { city: 'Pa' }, false],
    ['{"city": "Pa\\u00e9"', { city: 'Paé' }, false],
    ['{"n": 12', {}, false],
    ['{"n": 12,', { n: 12 }, false],
    ['{"n": -', {}, false],
    ['{"n": 1.5e', {}, false],
    ['{"ok": tr', {}, false],
    ['{"ok": true', { ok: true }, false],
    ['{"list": [1, {"a": [nu', { list: [1, { a: [] }] }, false],
    ['[null, "x", {}]', [null, 'x', {}], true],
    ['12', undefined, false],
    ['12 ', 12, true],
    ['"done"', 'done', true],
    ['"a\\/b\\b\\f"', 'a/b\b\f', true],
  ])('%j → %j (complete: %s)', (text, value, complete) => {
    expect(parsePartialJson(text)).toEqual({ value, complete });
  });

  it.each([
    '{"a":1,}',
    '[1,]',
    '[01]',
    '{a: 1}',
    '[1.e5]',
    '{"a" 1}',
    'nulx',
    '"bad \\x escape"',
    '"\\u12g4"',
    '"raw\nnewline"',
    '{"a":1}}',
    '[.5]',
    '[+1]',
  ])('refuses %j, which no JSON document starts with', (text) => {
    expect(parsePartialJson(text)).toBeUndefined();
  });

  it('never shows half an emoji: a cut after a high surrogate, raw or escaped, waits for its pair', () => {
    for (const cut of ['{"s":"hi 😀'.slice(0, -1), '{"s":"hi \\ud83d', '{"s":"hi \\ud83d\\ude']) {
      const { value } = parsePartialJson(cut) as { value: { s: string } };
      expect(value.s).toBe('hi ');
      expect(/[\ud800-\udbff]$/.test(value.s)).toBe(false);
    }
    expect(parsePartialJson('{"s":"hi \\ud83d\\ude00')?.value).toEqual({ s: 'hi 😀' });
    expect(parsePartialJson('{"s":"hi 😀"}')?.value).toEqual({ s: 'hi 😀' });
  });

  it('keeps a "__proto__" key as data, as JSON.parse does', () => {
    const { value } = parsePartialJson('{"__proto__": {"polluted": true}, "b": 1}')!;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(value).toEqual(JSON.parse('{"__proto__": {"polluted": true}, "b": 1}'));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('gives up (undefined) on nesting deeper than 512 instead of overflowing the stack', () => {
    expect(parsePartialJson('['.repeat(600))).toBeUndefined();
    expect(parsePartialJson('['.repeat(100))?.complete).toBe(false);
  });

  it('every prefix of a document is accepted, shows only what the document keeps, and only grows', () => {
    fc.assert(
      fc.property(texts, (text) => {
        const full: unknown = JSON.parse(text);
        let previous: unknown;
        for (let end = 0; end <= text.length; end++) {
          const partial = parsePartialJson(text.slice(0, end));
          if (partial === undefined) return false;
          if (!isPartialOf(partial.value, full)) return false;
          if (!isPartialOf(previous, partial.value)) return false;
          previous = partial.value;
        }
        return true;
      }),
      { numRuns: 400 },
    );
  });

  it('a whole document parses to what JSON.parse gives (a bare number waits for what follows)', () => {
    fc.assert(
      fc.property(texts, (text) => {
        const result = parsePartialJson(text);
        const full: unknown = JSON.parse(text);
        if (typeof full === 'number' && /\d$/.test(text)) {
          expect(result).toEqual({ value: undefined, complete: false });
          expect(parsePartialJson(`${text} `)).toEqual({ value: full, complete: true });
        } else expect(result).toEqual({ value: full, complete: true });
      }),
      { numRuns: 400 },
    );
  });

  it('agrees with JSON.parse on arbitrary text: complete only for valid JSON, invalid stays invalid', () => {
    const arbitrary = fc.oneof(
      fc.string({ unit: fc.constantFrom(...'{}[]",:0123456789.-+eEtruefalsn \\u'.split('')), maxLength: 30 }),
      texts.chain((text) =>
        fc
          .tuple(fc.nat(text.length), fc.string({ maxLength: 2 }))
          .map(([at, noise]) => text.slice(0, at) + noise + text.slice(at)),
      ),
    );
    fc.assert(
      fc.property(arbitrary, fc.string({ maxLength: 4 }), (text, more) => {
        let parsed: { value: unknown } | undefined;
        try {
          parsed = { value: JSON.parse(text) };
        } catch {
          parsed = undefined;
        }
        const result = parsePartialJson(text);
        if (result?.complete) expect(result.value).toEqual(parsed?.value);
        if (parsed && !/\d$/.test(text)) expect(result).toEqual({ value: parsed.value, complete: true });
        // Rejection is final: no continuation makes a refused text the start of a document.
        if (result === undefined) expect(parsePartialJson(text + more)).toBeUndefined();
      }),
      { numRuns: 2000 },
    );
  });
});
