import { Buffer } from 'node:buffer';
import { multipartBoundary } from './form-disposition.js';
import { MultipartParser, type MultipartPartInfo } from './multipart-parser.js';
import { createSha256 } from './sha256.js';

/** A multipart part as recorded: its measurements, plus its bytes when the body was kept whole. */
export interface MultipartPart extends MultipartPartInfo {
  /** The content bytes; `undefined` when the body was longer than the recording limit. */
  readonly bytes: Uint8Array | undefined;
  /** The content as UTF-8 for a field without a filename (e.g. `collection_id`). */
  readonly text: string | undefined;
}

/** What a request body amounted to. */
export interface BodySummary {
  /** The kept bytes: the whole body, or its first `limit` bytes when truncated. */
  readonly body: Uint8Array;
  readonly size: number;
  readonly sha256: string;
  readonly truncated: boolean;
  /** The parts of a `multipart/form-data` body, `undefined` for any other content type. */
  readonly multipart: readonly MultipartPart[] | undefined;
}

/** The default for how many body bytes a record keeps. */
export const DEFAULT_RECORDED_BODY_BYTES = 4 * 1024 * 1024;

/**
 * Takes a request body piece by piece: keeps up to `limit` bytes, hashes and counts all of them,
 * and measures multipart parts as they stream, so large uploads cost no memory.
 */
export class BodySink {
  readonly #kept: Buffer[] = [];
  readonly #hash = createSha256();
  readonly #limit: number;
  readonly #parser: MultipartParser | undefined;
  #size = 0;
  #keptSize = 0;

  constructor(contentType: string | undefined, limit = DEFAULT_RECORDED_BODY_BYTES) {
    const boundary = multipartBoundary(contentType);
    this.#parser = boundary === undefined ? undefined : new MultipartParser(boundary);
    this.#limit = limit;
  }

  write(piece: Uint8Array): void {
    this.#size += piece.byteLength;
    this.#hash.update(piece);
    this.#parser?.write(piece);
    const room = this.#limit - this.#keptSize;
    if (room <= 0) return;
    // Pieces are fresh per read (node streams, fetch bodies), so a view is safe to keep.
    const kept = Buffer.from(piece.buffer, piece.byteOffset, Math.min(room, piece.byteLength));
    this.#kept.push(kept);
    this.#keptSize += kept.length;
  }

  finish(): BodySummary {
    const body = Buffer.concat(this.#kept, this.#keptSize);
    const truncated = this.#size > this.#keptSize;
    const multipart = this.#parser?.parts.map((part): MultipartPart => {
      const bytes = truncated
        ? undefined
        : new Uint8Array(body.buffer, body.byteOffset + part.start, part.end - part.start);
      const text = bytes && part.filename === undefined ? Buffer.from(bytes).toString('utf8') : undefined;
      return { ...part, bytes, text };
    });
    return {
      body: new Uint8Array(body.buffer, body.byteOffset, body.byteLength),
      size: this.#size,
      sha256: this.#hash.digest(),
      truncated,
      multipart,
    };
  }
}
