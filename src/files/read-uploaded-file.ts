import { ResponseValidationError } from '../errors/request-errors.js';
import type { UploadedFile } from '../schema/uploaded-file.js';

/** What was sent, to fill in what an upload answer leaves out (the guide's shape has no type). */
export interface SentFile {
  filename: string;
  contentType: string;
  collectionId: string | undefined;
}

/**
 * Reads an uploaded file from either documented spelling: the API reference's
 * `{ id, file_name, content_type, collection_id }` or the guide's `{ id, filename, size, created_at }`
 * (shared/vendors/caesar.md §7). Only `id` is required.
 */
export function readUploadedFile(body: unknown, sent?: SentFile): UploadedFile {
  const raw = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  if (typeof raw.id !== 'string' || raw.id === '') {
    throw new ResponseValidationError('The file answer has no `id`.', {
      issues: [{ path: 'id', message: 'must be a non-empty string' }],
      rawText: safeJson(body),
    });
  }
  const filename = text(raw.file_name) ?? text(raw.filename) ?? text(raw.name) ?? sent?.filename ?? '';
  const contentType = text(raw.content_type) ?? text(raw.contentType) ?? sent?.contentType;
  // `collection_id: null` means "in no collection"; only the guide's shape leaves it out entirely.
  const collectionId =
    'collection_id' in raw ? text(raw.collection_id) : (text(raw.collectionId) ?? sent?.collectionId);
  const size = typeof raw.size === 'number' && Number.isFinite(raw.size) ? raw.size : undefined;
  const createdAt = text(raw.created_at) ?? text(raw.createdAt);
  return {
    id: raw.id,
    filename,
    ...(contentType === undefined ? {} : { contentType }),
    ...(collectionId === undefined ? {} : { collectionId }),
    ...(size === undefined ? {} : { size }),
    ...(createdAt === undefined ? {} : { createdAt }),
  };
}

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined;

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value)?.slice(0, 2000) ?? String(value);
  } catch {
    return String(value);
  }
}
