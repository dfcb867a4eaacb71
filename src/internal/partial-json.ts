/** What {@link parsePartialJson} read from the start of a JSON document. */
export interface PartialJson {
  /** The value so far; `undefined` until the text holds something to show. */
  readonly value: unknown;
  /** True when the text is a whole JSON document (trailing whitespace allowed). */
  readonly complete: boolean;
}

// Thrown inside the parser when the text ends in the middle of a value; `partial` is what that
// value amounts to so far (`has` is false when nothing of it can be shown yet).
class Incomplete {
  constructor(
    readonly partial: unknown,
    readonly has: boolean,
  ) {}
}
class Invalid {}

const INVALID = new Invalid();
const NOTHING = new Incomplete(undefined, false);
// Deeper than this, give up rather than risk the call stack (JSON.parse has no such limit).
const MAX_DEPTH = 512;
// The one-letter escapes and what they stand for, position by position.
const ESCAPE_LETTERS = '"\\/bfnrt';
const ESCAPED = '"\\/\b\f\n\r\t';
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
// What a number cut short by the end of the text can look like: `-`, `1.`, `1.5e`, `2e+`…
const NUMBER_PREFIX = /^-?(?:(?:0|[1-9]\d*)(?:\.\d*)?)?$|^-?(?:0|[1-9]\d*)(?:\.\d+)?[eE][+-]?\d*$/;

/**
 * Reads the beginning of a JSON document as it streams in, and returns the value it amounts to
 * so far, or `undefined` when the text cannot be the start of any JSON document.
 *
 * Every value shown is one the finished document keeps: strings grow, arrays and objects gain
 * members, and a number, `true`, `false` or `null` appears only once it is whole (`12` may still
 * become `123`). A key appears once its value has begun.
 *
 * @example
 * parsePartialJson('{"city": "Par') // { value: { city: 'Par' }, complete: false }
 * parsePartialJson('{"n": 12')      // { value: {}, complete: false }
 */
export function parsePartialJson(text: string): PartialJson | undefined {
  const parser = new Parser(text);
  try {
    const value = parser.value(0);
    parser.skipSpace();
    if (parser.pos < text.length) return undefined;
    return { value, complete: true };
  } catch (error) {
    if (error instanceof Incomplete) return { value: error.partial, complete: false };
    if (error === INVALID) return undefined;
    throw error;
  }
}

class Parser {
  pos = 0;
  constructor(readonly text: string) {}

  skipSpace(): void {
    const { text } = this;
    while (this.pos < text.length) {
      const c = text.charCodeAt(this.pos);
      if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) return;
      this.pos++;
    }
  }

  /** Skips whitespace; throws `Incomplete(partial)` if the text ends there. */
  #next(partial: unknown, has: boolean): string {
    this.skipSpace();
    if (this.pos >= this.text.length) throw has ? new Incomplete(partial, true) : NOTHING;
    return this.text[this.pos] as string;
  }

  value(depth: number): unknown {
    const c = this.#next(undefined, false);
    if (c === '{') return this.#object(depth + 1);
    if (c === '[') return this.#array(depth + 1);
    if (c === '"') return this.#string();
    if (c === 't') return this.#literal('true', true);
    if (c === 'f') return this.#literal('false', false);
    if (c === 'n') return this.#literal('null', null);
    return this.#number();
  }

  #object(depth: number): Record<string, unknown> {
    if (depth > MAX_DEPTH) throw INVALID;
    const object: Record<string, unknown> = {};
    this.pos++;
    if (this.#next(object, true) === '}') return this.#close(object);
    for (;;) {
      if (this.#next(object, true) !== '"') throw INVALID;
      const key = this.#member(object, () => this.#string());
      if (this.#next(object, true) !== ':') throw INVALID;
      this.pos++;
      setKey(
        object,
        key,
        this.#member(object, () => this.value(depth), key),
      );
      const c = this.#next(object, true);
      this.pos++;
      if (c === '}') return object;
      if (c !== ',') throw INVALID;
    }
  }

  #array(depth: number): unknown[] {
    if (depth > MAX_DEPTH) throw INVALID;
    const array: unknown[] = [];
    this.pos++;
    if (this.#next(array, true) === ']') return this.#close(array);
    for (;;) {
      array.push(this.#member(array, () => this.value(depth), array.length));
      const c = this.#next(array, true);
      this.pos++;
      if (c === ']') return array;
      if (c !== ',') throw INVALID;
    }
  }

  /** Reads a member; if the text ends inside it, puts what there is of it (at `key`) in `container`. */
  #member<T>(container: object, read: () => T, key?: string | number): T {
    try {
      return read();
    } catch (error) {
      if (!(error instanceof Incomplete)) throw error;
      if (error.has && key !== undefined) setKey(container as Record<string, unknown>, key, error.partial);
      throw new Incomplete(container, true);
    }
  }

  #close<T>(container: T): T {
    this.pos++;
    return container;
  }

  #string(): string {
    const { text } = this;
    let out = '';
    let start = ++this.pos;
    while (this.pos < text.length) {
      const c = text.charCodeAt(this.pos);
      if (c === 0x22) {
        out += text.slice(start, this.pos++);
        return out;
      }
      if (c < 0x20) throw INVALID;
      if (c !== 0x5c) {
        this.pos++;
        continue;
      }
      out += text.slice(start, this.pos);
      out += this.#escape(out);
      start = this.pos;
    }
    throw new Incomplete(wholeCharacters(out + text.slice(start)), true);
  }

  /** Reads the escape at `pos`; if the text ends inside it, the string so far is `before`. */
  #escape(before: string): string {
    const { text } = this;
    const kind = text[this.pos + 1];
    if (kind === undefined) throw new Incomplete(wholeCharacters(before), true);
    if (kind !== 'u') {
      const at = ESCAPE_LETTERS.indexOf(kind);
      if (at < 0) throw INVALID;
      this.pos += 2;
      return ESCAPED[at] as string;
    }
    const hex = text.slice(this.pos + 2, this.pos + 6);
    if (!/^[0-9a-fA-F]*$/.test(hex)) throw INVALID;
    if (hex.length < 4) throw new Incomplete(wholeCharacters(before), true);
    this.pos += 6;
    return String.fromCharCode(Number.parseInt(hex, 16));
  }

  #literal<T>(word: string, value: T): T {
    const seen = this.text.slice(this.pos, this.pos + word.length);
    if (!word.startsWith(seen)) throw INVALID;
    if (seen.length < word.length) throw NOTHING;
    this.pos += word.length;
    return value;
  }

  #number(): number {
    const { text } = this;
    let end = this.pos;
    while (end < text.length && isNumberChar(text.charCodeAt(end))) end++;
    // A number that runs to the end of the text may still grow: show it only once something follows.
    if (end === text.length) throw NUMBER_PREFIX.test(text.slice(this.pos)) ? NOTHING : INVALID;
    NUMBER.lastIndex = this.pos;
    const match = NUMBER.exec(text);
    if (!match) throw INVALID;
    this.pos += match[0].length;
    return Number(match[0]);
  }
}

/** A string cut short, without a trailing high surrogate: half an emoji is not text to show yet. */
function wholeCharacters(partial: string): string {
  const last = partial.charCodeAt(partial.length - 1);
  return last >= 0xd800 && last <= 0xdbff ? partial.slice(0, -1) : partial;
}

// 0-9 + - . e E
const isNumberChar = (c: number): boolean =>
  (c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2d || c === 0x2e || c === 0x65 || c === 0x45;

function setKey(object: Record<string, unknown>, key: string | number, value: unknown): void {
  // A `__proto__` key is data in JSON; plain assignment would replace the prototype instead.
  if (key === '__proto__') {
    Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
  } else object[key] = value;
}
