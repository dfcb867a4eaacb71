import { InvalidRequestError } from '../errors/request-errors.js';

/**
 * A chunk of an upload stream as bytes: `Uint8Array` (and Node's `Buffer`) as is, an
 * `ArrayBuffer` or other view wrapped without copying. Text is refused rather than guessed at:
 * an `fs.createReadStream(path, 'utf8')` would otherwise upload re-encoded bytes.
 */
export function toBytes(chunk: unknown): Uint8Array {
  if (chunk instanceof Uint8Array) return chunk;
  if (chunk instanceof ArrayBuffer) return new Uint8Array(chunk);
  if (ArrayBuffer.isView(chunk)) return new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  const what = typeof chunk === 'string' ? 'a string' : chunk === null ? 'null' : typeof chunk;
  throw new InvalidRequestError(
    `files.upload: the stream yielded ${what}; an upload stream must yield bytes (Uint8Array). ` +
      'For a Node file stream, drop the encoding option.',
    [{ path: 'input', message: 'must yield Uint8Array chunks' }],
  );
}
