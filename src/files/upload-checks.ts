import { isFileId } from '../dialects/caesar-rules.js';
import { InvalidRequestError } from '../errors/request-errors.js';

/** The stored name: the option, else the input's own; refused when neither says. */
export function chooseFilename(option: unknown, own: string | undefined, kind: string): string {
  if (option !== undefined) {
    if (typeof option === 'string' && option.trim() !== '') return option;
    throw new InvalidRequestError('files.upload: `filename` must be a non-empty string.', [
      { path: 'filename', message: 'must be a non-empty string' },
    ]);
  }
  if (own !== undefined && own.trim() !== '') return own;
  throw new InvalidRequestError(
    `files.upload: a ${kind} carries no file name; pass one, e.g. \`{ filename: 'report.pdf' }\`.`,
    [{ path: 'filename', message: `is required for a ${kind}` }],
  );
}

/** `onProgress` is called while bytes are on the wire: a wrong value must fail before any are. */
export function checkOnProgress(onProgress: unknown): void {
  if (onProgress === undefined || typeof onProgress === 'function') return;
  throw new InvalidRequestError('files.upload: `onProgress` must be a function.', [
    { path: 'onProgress', message: 'must be a function' },
  ]);
}

/** Caesar's collection ids are UUIDs; anything else would only come back as a 400 after the upload. */
export function checkCollectionId(collectionId: unknown): void {
  if (collectionId === undefined || isFileId(collectionId)) return;
  throw new InvalidRequestError(
    `files.upload: \`collectionId\` ${JSON.stringify(collectionId)} is not a collection UUID ` +
      '(use the `id` from client.collections.create or list).',
    [{ path: 'collectionId', message: 'must be a collection UUID' }],
  );
}
