import { isoTime, mockUuid } from '../ids.js';
import type { MockDialectContext } from '../mock-dialect.js';
import { readPage, slicePage } from '../paging.js';
import type { RecordedRequest } from '../recorded-request.js';
import type { Reply } from '../reply.js';
import { notFound, paginationError } from './caesar-errors.js';

interface Collection {
  id: string;
  name: string;
  description: string | null;
  created_at: string;
  updated_at: string;
}

type Fields = { name?: unknown; description?: unknown } | undefined;

/** Caesar's file collections: create, list (paged), retrieve and update. */
export class CaesarCollections {
  readonly #items: Collection[] = [];

  /** `POST /research/collections` with `{ name, description? }`. */
  create(request: RecordedRequest, context: MockDialectContext): Reply {
    const { name, description } = (request.json ?? {}) as NonNullable<Fields>;
    if (typeof name !== 'string' || name === '') {
      return { error: 400, message: 'Body is missing required field "name"' };
    }
    const now = isoTime();
    const collection: Collection = {
      id: mockUuid(context.nextId()),
      name,
      description: typeof description === 'string' ? description : null,
      created_at: now,
      updated_at: now,
    };
    this.#items.push(collection);
    return { json: collection };
  }

  list(query: URLSearchParams): Reply {
    const page = readPage(query, { limitKey: 'limit', defaultLimit: 10, maxLimit: 200 });
    if (typeof page === 'string') return paginationError(page);
    const { data, hasNext, total } = slicePage(this.#items, page);
    return { json: { data, pagination: { ...page, has_next: hasNext, total } } };
  }

  retrieve(id: string): Reply {
    const collection = this.#items.find((item) => item.id === id);
    return collection ? { json: collection } : notFound;
  }

  /** `PATCH /research/collections/{id}`: changes `name` and/or `description`. */
  update(id: string, request: RecordedRequest): Reply {
    const collection = this.#items.find((item) => item.id === id);
    if (!collection) return notFound;
    const { name, description } = (request.json ?? {}) as NonNullable<Fields>;
    if (typeof name === 'string' && name !== '') collection.name = name;
    if (typeof description === 'string' || description === null) collection.description = description;
    collection.updated_at = isoTime();
    return { json: collection };
  }

  reset(): void {
    this.#items.length = 0;
  }
}
