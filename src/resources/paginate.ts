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
  const items = Array.isArray(page.data) ? page.data.map(read) : [];
  return { items, hasNext: page.pagination?.has_next === true };
}
