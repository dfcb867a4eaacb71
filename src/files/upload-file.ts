import type { WithResponse } from '../api-promise.js';
import type { ClientContext } from '../client-context.js';
import { requestJson } from '../resources/request-json.js';
import type { UploadedFile } from '../schema/uploaded-file.js';
import { chooseContentType } from './content-type.js';
import { multipartFrame } from './multipart.js';
import { readUploadedFile } from './read-uploaded-file.js';
import { supportsRedirectError, supportsRequestStreams } from './request-streams.js';
import { requireContent } from './stream-source.js';
import { createUploadBody } from './upload-body.js';
import { checkCollectionId, checkOnProgress, chooseFilename } from './upload-checks.js';
import type { UploadInput, UploadOptions } from './upload-options.js';
import { toUploadSource } from './upload-source.js';

/**
 * `POST /research/files` with one multipart file (field `file`, and `collection_id` when given).
 * Every refusal (bad option, no name, empty file, unreadable path) happens before anything is
 * sent, and before a stream input is read from, except the one-chunk peek that proves it is not empty.
 */
export async function uploadFile(
  context: ClientContext,
  input: UploadInput,
  options: UploadOptions = {},
): Promise<WithResponse<UploadedFile>> {
  const {
    filename: nameOption,
    contentType: typeOption,
    collectionId,
    onProgress,
    streamBody: _streamBody,
    ...requestOptions
  } = options;
  checkCollectionId(collectionId);
  checkOnProgress(onProgress);
  const found = await toUploadSource(input);
  const filename = chooseFilename(nameOption, found.filename, found.kind);
  const contentType = chooseContentType(typeOption, found.contentType, filename);
  const source = await requireContent(found);
  const frame = multipartFrame({
    file: { field: 'file', filename, contentType },
    fields: collectionId === undefined ? {} : { collection_id: collectionId },
  });
  const streams = supportsRequestStreams(globalThis, options.streamBody === true);
  const upload = await createUploadBody({ source, frame, onProgress, streams });
  try {
    const result = await requestJson(
      context,
      {
        method: 'POST',
        path: '/research/files',
        body: upload.body,
        replayable: upload.replayable,
        contentType: frame.contentType,
        // A streamed body of known size still declares it: some servers refuse chunked uploads.
        ...(upload.length === undefined ? {} : { headers: { 'content-length': String(upload.length) } }),
        ...(supportsRedirectError() ? { redirect: 'error' as const } : {}),
      },
      requestOptions,
      (body) => readUploadedFile(body, { filename, contentType, collectionId }),
    );
    upload.settle();
    return result;
  } catch (error) {
    void upload.cancel(error);
    // fetch wraps an error the input raised mid-body as a network failure; the input's own is clearer.
    throw upload.failure ?? error;
  }
}
