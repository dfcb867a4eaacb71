import type { APIPromise } from '../api-promise.js';
import type { ClientContext } from '../client-context.js';
import { readUploadedFile } from '../files/read-uploaded-file.js';
import { uploadFile } from '../files/upload-file.js';
import type { UploadInput, UploadOptions } from '../files/upload-options.js';
import type { RequestOptions } from '../options.js';
import type { UploadedFile } from '../schema/uploaded-file.js';
import { fileStoreCall } from './file-store-call.js';
import { paginate, readCaesarPage } from './paginate.js';
import { requestJson } from './request-json.js';

/** `client.files`: Caesar's research file store (caesar dialect). */
export interface Files {
  /**
   * Uploads one file; resolves with its id, to attach with `filePart(file)` or pass in research
   * `files`. Paths and streams are sent as they are read, never held whole in memory.
   * @example
   * const file = await client.files.upload('./reports/q3.pdf');
   * const slides = await client.files.upload(await fetch(url), { filename: 'slides.pdf', collectionId });
   * const message = { role: 'user', content: [{ type: 'text', text: 'Summarise' }, filePart(file)] };
   */
  upload(input: UploadInput, options?: UploadOptions): APIPromise<UploadedFile>;
  /**
   * Every uploaded file, fetching page after page as the loop goes.
   * @example
   * for await (const file of client.files.list()) console.log(file.id, file.filename);
   */
  list(options?: RequestOptions & { pageSize?: number }): AsyncIterable<UploadedFile>;
}

export function createFiles(context: ClientContext): Files {
  return {
    upload: (input, options) =>
      fileStoreCall(context, 'file uploads', () => uploadFile(context, input, options)),
    list: (options = {}) =>
      paginate((page) =>
        fileStoreCall(context, 'file listing', () =>
          requestJson(
            context,
            { method: 'GET', path: `/research/files?page=${page}&limit=${options.pageSize ?? 50}` },
            options,
            (body) => readCaesarPage(body, (item) => readUploadedFile(item)),
          ),
        ),
      ),
  };
}
