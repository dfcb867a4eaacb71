import { Buffer } from 'node:buffer';
import { parseFormDisposition } from './form-disposition.js';
import { createSha256, type Sha256Hash } from './sha256.js';

/** One part of a `multipart/form-data` body, measured as it streamed past. */
export interface MultipartPartInfo {
  /** The form field name. */
  readonly name: string;
  /** The filename sent for a file field (Unicode kept). */
  readonly filename?: string;
  readonly contentType?: string;
  /** The part's headers, lower-cased names. */
  readonly headers: Readonly<Record<string, string>>;
  /** Bytes of content. */
  readonly size: number;
  /** Hex SHA-256 of the content. */
  readonly sha256: string;
  /** Offsets of the content within the whole body, `[start, end)`. */
  readonly start: number;
  readonly end: number;
}

interface OpenPart {
  readonly headers: Record<string, string>;
  readonly start: number;
  readonly hash: Sha256Hash;
  size: number;
}

type State = 'preamble' | 'after-boundary' | 'headers' | 'content' | 'done';

/**
 * A streaming `multipart/form-data` reader: it keeps only a delimiter's worth of bytes between
 * writes, so a 200 MB upload is hashed and measured without being held in memory.
 */
export class MultipartParser {
  readonly #delimiter: Buffer;
  readonly #parts: MultipartPartInfo[] = [];
  // The body is read as if it began with CRLF, so the first boundary looks like every other one.
  #pending: Buffer = Buffer.from('\r\n');
  #offset = -2;
  #state: State = 'preamble';
  #part: OpenPart | undefined;

  constructor(boundary: string) {
    this.#delimiter = Buffer.from(`\r\n--${boundary}`);
  }

  /** True once the closing boundary was seen. */
  get complete(): boolean {
    return this.#state === 'done';
  }

  get parts(): readonly MultipartPartInfo[] {
    return this.#parts;
  }

  write(chunk: Uint8Array): void {
    if (this.#state === 'done') return;
    this.#pending = this.#pending.length === 0 ? Buffer.from(chunk) : Buffer.concat([this.#pending, chunk]);
    while (this.#step()) {}
  }

  /** Runs one state transition; false when more bytes are needed. */
  #step(): boolean {
    const pending = this.#pending;
    switch (this.#state) {
      case 'preamble':
      case 'content': {
        const at = pending.indexOf(this.#delimiter);
        const usable = at === -1 ? pending.length - (this.#delimiter.length - 1) : at;
        if (usable > 0 && this.#part) this.#feed(pending.subarray(0, usable));
        if (at === -1) {
          if (usable > 0) this.#consume(usable);
          return false;
        }
        if (this.#part) this.#closePart(this.#offset + at);
        this.#consume(at + this.#delimiter.length);
        this.#state = 'after-boundary';
        return true;
      }
      case 'after-boundary': {
        if (pending.length < 2) return false;
        if (pending[0] === 0x2d && pending[1] === 0x2d) {
          this.#state = 'done';
          return false;
        }
        const lineEnd = pending.indexOf('\r\n');
        if (lineEnd === -1) return false;
        this.#consume(lineEnd + 2);
        this.#state = 'headers';
        return true;
      }
      case 'headers': {
        // An empty header block ends at once; otherwise at the first blank line.
        const end = pending.subarray(0, 2).toString('latin1') === '\r\n' ? -2 : pending.indexOf('\r\n\r\n');
        if (end === -2) return this.#openPart('', 2);
        return end === -1 ? false : this.#openPart(pending.subarray(0, end).toString('utf8'), end + 4);
      }
      default:
        return false;
    }
  }

  #openPart(headerText: string, length: number): boolean {
    const headers: Record<string, string> = {};
    for (const line of headerText.split('\r\n')) {
      const colon = line.indexOf(':');
      if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
    }
    this.#consume(length);
    this.#part = { headers, start: this.#offset, hash: createSha256(), size: 0 };
    this.#state = 'content';
    return true;
  }

  #feed(bytes: Buffer): void {
    const part = this.#part as OpenPart;
    part.hash.update(bytes);
    part.size += bytes.length;
  }

  #closePart(end: number): void {
    const { headers, start, hash, size } = this.#part as OpenPart;
    const disposition = parseFormDisposition(headers['content-disposition'] ?? '');
    const contentType = headers['content-type'];
    this.#parts.push({
      ...disposition,
      ...(contentType === undefined ? {} : { contentType }),
      headers,
      size,
      sha256: hash.digest(),
      start,
      end,
    });
    this.#part = undefined;
  }

  #consume(count: number): void {
    this.#pending = this.#pending.subarray(count);
    this.#offset += count;
  }
}
