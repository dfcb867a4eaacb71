import type { APIPromise } from '../api-promise.js';
import type { ClientContext } from '../client-context.js';
import { InvalidRequestError } from '../errors/request-errors.js';
import type { RequestOptions } from '../options.js';
import type {
  CollectionCreateParams,
  CollectionUpdateParams,
  FileCollection,
} from '../schema/uploaded-file.js';
import { fileStoreCall } from './file-store-call.js';
import { paginate, readCaesarPage } from './paginate.js';
import { pathId } from './path-id.js';
import { requestJson } from './request-json.js';

/** `client.collections`: named groups of Caesar files, in Caesar's own shape. */
export interface Collections {
  /**
   * @example
   * const collection = await client.collections.create({ name: 'Q3 filings' });
   * await client.files.upload('./10-q.pdf', { collectionId: collection.id });
   * await client.research.create({ query: 'Margins?', collection_ids: [collection.id] });
   */
  create(params: CollectionCreateParams, options?: RequestOptions): APIPromise<FileCollection>;
  retrieve(id: string, options?: RequestOptions): APIPromise<FileCollection>;
  /** Renames it or changes its description. */
  update(id: string, params: CollectionUpdateParams, options?: RequestOptions): APIPromise<FileCollection>;
  /** Every collection, page after page. */
  list(options?: RequestOptions & { pageSize?: number }): AsyncIterable<FileCollection>;
}

export function createCollections(context: ClientContext): Collections {
  const call = (
    spec: Parameters<typeof requestJson>[1],
    options: RequestOptions | undefined,
    check?: () => void,
  ): APIPromise<FileCollection> =>
    fileStoreCall(context, 'collections', () => {
      check?.();
      return requestJson(context, spec, options, readCollection);
    });
  const path = (id: string) => `/research/collections/${pathId(id, 'collection id')}`;
  return {
    create: (params, options) =>
      call({ method: 'POST', path: '/research/collections', json: params }, options, () =>
        checkParams(params, 'create'),
      ),
    retrieve: (id, options) => call({ method: 'GET', path: path(id) }, options),
    update: (id, params, options) =>
      call({ method: 'PATCH', path: path(id), json: params }, options, () => checkParams(params, 'update')),
    list: (options = {}) =>
      paginate((page) =>
        fileStoreCall(context, 'collections', () =>
          requestJson(
            context,
            { method: 'GET', path: `/research/collections?page=${page}&limit=${options.pageSize ?? 50}` },
            options,
            (body) => readCaesarPage(body, readCollection),
          ),
        ),
      ),
  };
}

function readCollection(body: unknown): FileCollection {
  return body as FileCollection;
}

function checkParams(
  params: CollectionCreateParams | CollectionUpdateParams,
  method: 'create' | 'update',
): void {
  const { name, description } = (params ?? {}) as Record<string, unknown>;
  const issues = [];
  if ((method === 'create' || name !== undefined) && (typeof name !== 'string' || name.trim() === '')) {
    issues.push({ path: 'name', message: 'must be a non-empty string' });
  }
  if (
    description !== undefined &&
    typeof description !== 'string' &&
    !(method === 'update' && description === null)
  ) {
    issues.push({
      path: 'description',
      message: method === 'update' ? 'must be a string or null' : 'must be a string',
    });
  }
  if (method === 'update' && name === undefined && description === undefined) {
    issues.push({ path: '', message: 'give `name` and/or `description`' });
  }
  if (issues.length === 0) return;
  throw new InvalidRequestError(
    `collections.${method}: ${issues.map((i) => (i.path ? `${i.path} ${i.message}` : i.message)).join('; ')}.`,
    issues,
  );
}
