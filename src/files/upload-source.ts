import { InvalidRequestError } from '../errors/request-errors.js';
import { blobSource, bytesSource } from './blob-source.js';
import { pathSource } from './path-source.js';
import { iterableSource, responseSource, streamSource } from './stream-source.js';
import type { UploadInput } from './upload-options.js';

/** An upload's content and what the input says about it, before anything is read or sent. */
export interface UploadSource {
  /** What the input was, for messages: `'Blob'`, `'Uint8Array'`, `'ReadableStream'`… */
  readonly kind: string;
  /** The name the input carries: a `File`'s name, a path's base name, a URL's last segment. */
  readonly filename: string | undefined;
  /** The type the input carries: `Blob.type`, a `Response`'s `Content-Type`. */
  readonly contentType: string | undefined;
  /** Bytes of content; `undefined` for a stream of unknown length. */
  readonly size: number | undefined;
  /** True when `open` may be called again (Blob, bytes, file): the upload can then be retried. */
  readonly replayable: boolean;
  /** The content as a Blob without reading it into memory, where that is possible. */
  readonly toBlob: (() => Blob) | undefined;
  /**
   * Send `open()`'s stream rather than `toBlob()` wherever request bodies can stream. Files: Node's
   * file-backed Blob reads ahead into buffers it frees late (~50 MB RSS for 200 MB), while a pull
   * per chunk stays near fetch's own floor (bench/upload-memory).
   */
  readonly preferStream?: boolean;
  /** A stream of the content, chunks as the input gives them; once per attempt. */
  open(): ReadableStream<unknown>;
}

/** Sorts an upload input into a source; a path is stat-ed (not read). Throws `InvalidRequestError` for anything else. */
export async function toUploadSource(input: UploadInput): Promise<UploadSource> {
  if (typeof input === 'string') return pathSource(input);
  if (isURL(input)) {
    if (input.protocol === 'file:') return pathSource(input);
    throw new InvalidRequestError(
      `files.upload: only file: URLs are read; to upload ${input.protocol}// content, pass \`await fetch(url)\`.`,
      [{ path: 'input', message: 'must be a file: URL' }],
    );
  }
  if (isBlob(input)) return blobSource(input);
  if (input instanceof ArrayBuffer) return bytesSource(new Uint8Array(input), 'ArrayBuffer');
  if (ArrayBuffer.isView(input)) {
    const bytes = new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
    return bytesSource(bytes, input.constructor?.name ?? 'Uint8Array');
  }
  if (isResponse(input)) return responseSource(input);
  if (isReadableStream(input)) return streamSource(input, { kind: 'ReadableStream' });
  if (isAsyncIterable(input)) return iterableSource(input);
  throw new InvalidRequestError(
    'files.upload: expected a Blob, File, Uint8Array, ArrayBuffer, ReadableStream, Response, async ' +
      `iterable of bytes, or a file path; got ${describe(input)}.`,
    [{ path: 'input', message: 'is not an uploadable value' }],
  );
}

// Duck-typed where a value may come from another realm or a fetch polyfill.
const has = (value: unknown, key: string): boolean =>
  typeof (value as Record<string, unknown> | null)?.[key] === 'function';

const isURL = (value: unknown): value is URL =>
  value instanceof URL || Object.prototype.toString.call(value) === '[object URL]';

const isBlob = (value: unknown): value is Blob =>
  (typeof Blob === 'function' && value instanceof Blob) ||
  (has(value, 'stream') && has(value, 'slice') && typeof (value as Blob).size === 'number');

const isResponse = (value: unknown): value is Response =>
  (typeof Response === 'function' && value instanceof Response) ||
  (has(value, 'arrayBuffer') &&
    typeof (value as Response).status === 'number' &&
    'bodyUsed' in Object(value));

const isReadableStream = (value: unknown): value is ReadableStream<unknown> => has(value, 'getReader');

const isAsyncIterable = (value: unknown): value is AsyncIterable<unknown> =>
  typeof (value as { [Symbol.asyncIterator]?: unknown } | null)?.[Symbol.asyncIterator] === 'function';

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value !== 'object') return typeof value;
  return (value as object).constructor?.name ?? 'an object';
}
