/** A requested page: 1-based `page`, `limit` items per page. */
export interface PageRequest {
  readonly page: number;
  readonly limit: number;
}

/** How one vendor names and bounds its paging query parameters. */
export interface PagingRules {
  /** @defaultValue `'page'` */
  readonly pageKey?: string;
  /** e.g. `'limit'` (Caesar) or `'per_page'` (inTandem). */
  readonly limitKey: string;
  readonly defaultLimit: number;
  readonly maxLimit: number;
}

/** Reads and checks the paging parameters; a string is the problem to report as a 400. */
export const readPage = (query: URLSearchParams, rules: PagingRules): PageRequest | string => {
  const pageKey = rules.pageKey ?? 'page';
  const page = readInteger(query.get(pageKey), 1);
  const limit = readInteger(query.get(rules.limitKey), rules.defaultLimit);
  if (page === undefined || page < 1) return `${pageKey} must be an integer of at least 1`;
  if (limit === undefined || limit < 1 || limit > rules.maxLimit) {
    return `${rules.limitKey} must be an integer between 1 and ${rules.maxLimit}`;
  }
  return { page, limit };
};

const readInteger = (raw: string | null, fallback: number): number | undefined => {
  if (raw === null || raw === '') return fallback;
  return /^-?\d+$/.test(raw) ? Number(raw) : undefined;
};

/** One page of `items` and whether another follows. */
export const slicePage = <T>(
  items: readonly T[],
  { page, limit }: PageRequest,
): { data: T[]; hasNext: boolean; total: number } => {
  const start = (page - 1) * limit;
  return {
    data: items.slice(start, start + limit),
    hasNext: start + limit < items.length,
    total: items.length,
  };
};
