import type { CaesarFilePart } from '../dialects/caesar-params.js';
import { isFileId } from '../dialects/caesar-rules.js';
import { InvalidRequestError } from '../errors/request-errors.js';
import type { UploadedFile } from '../schema/uploaded-file.js';

/**
 * Builds the content part that attaches an uploaded file to a Caesar chat message:
 * `{ type: 'file', file: { filename, fileData: id } }`. Pass the `UploadedFile` from
 * `client.files.upload()`, or its id and a filename.
 * @example
 * const file = await client.files.upload(bytes, { filename: 'report.pdf' });
 * const message = { role: 'user', content: [{ type: 'text', text: 'Summarise' }, filePart(file)] };
 */
export function filePart(file: UploadedFile, filename?: string): CaesarFilePart;
/** A bare id needs its filename: Caesar shows it with the file. */
export function filePart(id: string, filename: string): CaesarFilePart;
export function filePart(file: UploadedFile | string, filename?: string): CaesarFilePart {
  const uploaded = typeof file === 'object' && file !== null ? file : undefined;
  const id = typeof file === 'string' ? file : uploaded?.id;
  const name = filename ?? uploaded?.filename;
  const issues = [];
  if (!isFileId(id))
    issues.push({
      path: 'file',
      message: 'must be an uploaded file or its UUID (not bytes, base64 or a URL)',
    });
  if (!name) issues.push({ path: 'filename', message: 'is required when passing a bare file id' });
  if (issues.length > 0) {
    throw new InvalidRequestError(
      `filePart: ${issues.map((i) => `${i.path} ${i.message}`).join('; ')}.`,
      issues,
    );
  }
  return { type: 'file', file: { filename: name!, fileData: id! } };
}
