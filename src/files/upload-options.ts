import type { RequestOptions } from '../options.js';

/**
 * What `client.files.upload` accepts. A `string` is a file path and a `URL` a `file:` URL (both
 * need `node:fs`: Node, Bun, Deno); everything else works in every runtime. Blobs, bytes and
 * paths can be read again, so their uploads are retried; streams, iterables and `Response`s are
 * read once, so theirs are not.
 */
export type UploadInput =
  | Blob
  | Uint8Array
  | ArrayBuffer
  | ReadableStream<Uint8Array>
  | Response
  | AsyncIterable<Uint8Array>
  | string
  | URL;

/** How far an upload got: file bytes handed to the connection, of `total` when it is known. */
export interface UploadProgress {
  readonly loaded: number;
  /** The file's size; `undefined` for a stream of unknown length until its last event. */
  readonly total: number | undefined;
}

/** Options of `client.files.upload`: the file's name and type, its collection, and progress. */
export interface UploadOptions extends RequestOptions {
  /**
   * The name stored with the file, Unicode intact. @defaultValue the `File`'s name, the path's
   * base name, or the last segment of the URL; required for bytes and streams.
   */
  filename?: string;
  /** @defaultValue the input's own type (`Blob.type`, the `Response`'s header), else guessed from the extension */
  contentType?: string;
  /** The UUID of a collection (from `client.collections.create`) to add the file to. */
  collectionId?: string;
  /**
   * Called as the body is sent; `loaded` never decreases (a retry reports nothing until it passes
   * the last count) and the last call has `loaded === total` (for a stream of unknown length, the
   * last count again, now with its total).
   * Live progress needs a runtime that streams request bodies (Node, Deno, Bun, Chromium; Chromium
   * only over HTTP/2); elsewhere the only call comes once the server has answered.
   */
  onProgress?: (progress: UploadProgress) => void;
  /**
   * In a browser, stream the body (live progress, no copy of a stream input) — only when the
   * server speaks HTTP/2 or later: Chromium fails a streamed upload over HTTP/1.1, and browsers
   * cannot tell beforehand. Elsewhere (Node, Deno, Bun, workers) bodies stream whenever they can.
   * @defaultValue false
   */
  streamBody?: boolean;
}
