import type { CaesarFilePart } from '../dialects/caesar-params.js';
import { isFileId } from '../dialects/caesar-rules.js';
import { InvalidRequestError } from '../errors/request-errors.js';
import type { UploadedFile } from '../schema/uploaded-file.js';

/**
 * Builds the content part that attaches an uploaded file to a Caesar chat message:
 * `{ type: 'file', file: { filename, fileData: id } }`. Pass the `UploadedFile` from
 * `client.files.upload()`, or its id (and its filename, which Caesar shows with the file).
 * A bare id without a filename is sent with the id as its filename: whether Caesar requires one is
 * undocumented, and a name that is there satisfies both readings.
 * @example
 * const file = await client.files.upload(bytes, { filename: 'report.pdf' });
 * const message = { role: 'user', content: [{ type: 'text', text: 'Summarise' }, filePart(file)] };
 */
export function filePart(file: UploadedFile | string, filename?: string): CaesarFilePart {
  const uploaded = typeof file === 'object' && file !== null ? file : undefined;
  const id = typeof file === 'string' ? file : uploaded?.id;
  if (!isFileId(id)) {
    const message = 'must be an uploaded file or its UUID (not bytes, base64 or a URL)';
    throw new InvalidRequestError(`filePart: file ${message}.`, [{ path: 'file', message }]);
  }
  return { type: 'file', file: { filename: filename || uploaded?.filename || id, fileData: id } };
}
