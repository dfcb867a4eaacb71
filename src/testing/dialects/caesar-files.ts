import { isoTime, mockUuid } from '../ids.js';
import type { MockDialectContext } from '../mock-dialect.js';
import { readPage, slicePage } from '../paging.js';
import type { RecordedRequest } from '../recorded-request.js';
import type { Reply } from '../reply.js';
import type { MockUpload } from '../upload.js';
import { paginationError } from './caesar-errors.js';

/** Which documented spelling the upload answer uses. */
export type CaesarUploadShape = 'reference' | 'guide';

/** Caesar's research files: `POST /research/files` (multipart) and the paged `GET /research/files`. */
export class CaesarFiles {
  readonly #files: MockUpload[] = [];
  readonly #createdAt = new Map<string, string>();
  readonly #shape: CaesarUploadShape;

  constructor(shape: CaesarUploadShape) {
    this.#shape = shape;
  }

  has(id: string): boolean {
    return this.#files.some((file) => file.id === id);
  }

  /** Accepts multipart field `file` (required) and `collection_id` (optional). */
  upload(request: RecordedRequest, context: MockDialectContext): Reply {
    const parts = request.multipart;
    if (parts === undefined) return { error: 400, message: 'Expected a multipart/form-data body' };
    const file = parts.find((part) => part.name === 'file');
    if (file === undefined) return { error: 400, message: 'Body is missing required field "file"' };
    const collection = parts.find((part) => part.name === 'collection_id')?.text?.trim();
    const upload: MockUpload = {
      id: mockUuid(context.nextId()),
      filename: file.filename ?? '',
      contentType: file.contentType,
      collectionId: collection ? collection : null,
      size: file.size,
      sha256: file.sha256,
      bytes: file.bytes,
      chunked:
        /chunked/i.test(request.headers['transfer-encoding'] ?? '') && !request.headers['content-length'],
      request,
    };
    this.#files.push(upload);
    this.#createdAt.set(upload.id, isoTime());
    context.recordUpload(upload);
    return { json: this.#view(upload) };
  }

  /** `GET /research/files?page=&limit=` → `{ data, pagination: { page, limit, has_next, total } }`. */
  list(query: URLSearchParams): Reply {
    const page = readPage(query, { limitKey: 'limit', defaultLimit: 10, maxLimit: 200 });
    if (typeof page === 'string') return paginationError(page);
    const { data, hasNext, total } = slicePage(this.#files, page);
    return {
      json: { data: data.map((file) => this.#view(file)), pagination: { ...page, has_next: hasNext, total } },
    };
  }

  reset(): void {
    this.#files.length = 0;
    this.#createdAt.clear();
  }

  #view(file: MockUpload): Record<string, unknown> {
    if (this.#shape === 'guide') {
      return {
        id: file.id,
        filename: file.filename,
        size: file.size,
        created_at: this.#createdAt.get(file.id),
      };
    }
    return {
      id: file.id,
      file_name: file.filename,
      content_type: file.contentType ?? 'application/octet-stream',
      collection_id: file.collectionId,
    };
  }
}
