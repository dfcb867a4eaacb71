import { ResponseValidationError } from '../errors/request-errors.js';

/**
 * Yields every item of a paged listing, fetching the next page only when the previous one is
 * used up. `fetchPage` returns the items and whether more pages follow.
 */
export async function* paginate<T>(
  fetchPage: (page: number) => Promise<{ items: T[]; hasNext: boolean }>,
  firstPage = 1,
): AsyncGenerator<T, void, undefined> {
  for (let page = firstPage; ; page++) {
    const { items, hasNext } = await fetchPage(page);
    yield* items;
    if (!hasNext || items.length === 0) return;
  }
}

/** Caesar's `{data, pagination:{page, limit, has_next}}` page. */
export function readCaesarPage<T>(
  body: unknown,
  read: (item: unknown) => T,
): { items: T[]; hasNext: boolean } {
  const page = (typeof body === 'object' && body !== null ? body : {}) as {
    data?: unknown;
    pagination?: { has_next?: unknown };
  };
  // A bare array (the collections list's shape is undocumented) is one page holding everything.
  if (Array.isArray(body)) return { items: body.map(read), hasNext: false };
  if (!Array.isArray(page.data)) {
    // Reading no items out of an answer we do not understand would lose them without a word.
    throw new ResponseValidationError('Expected a page of items ({ data: [...], pagination }) or an array.');
  }
  return { items: page.data.map(read), hasNext: page.pagination?.has_next === true };
}
