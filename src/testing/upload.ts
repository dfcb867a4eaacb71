import type { RecordedRequest } from './recorded-request.js';

/**
 * A file a mock vendor accepted (Caesar's `POST /research/files`), as it arrived: tests compare
 * `size` and `sha256` with what they sent to prove the bytes came through intact, and `chunked`
 * to prove the client streamed the body rather than buffering it to compute a length.
 */
export interface MockUpload {
  /** The id the mock issued (a UUID, deterministic per server: see `mockUuid`). */
  readonly id: string;
  /** The multipart filename, Unicode intact. */
  readonly filename: string;
  /** The part's `Content-Type`, when the client sent one. */
  readonly contentType: string | undefined;
  /** The `collection_id` field, or `null`. */
  readonly collectionId: string | null;
  /** Bytes of file content. */
  readonly size: number;
  /** Hex SHA-256 of the file content. */
  readonly sha256: string;
  /** The content, or `undefined` when the body exceeded the server's `maxRecordedBodyBytes`. */
  readonly bytes: Uint8Array | undefined;
  /** True when the request came with `Transfer-Encoding: chunked` (a streamed body) and no `Content-Length`. */
  readonly chunked: boolean;
  /** The request that carried it. */
  readonly request: RecordedRequest;
}
