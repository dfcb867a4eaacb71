import type { RecordedRequest } from './recorded-request.js';

/** A request's path split into what dialect routers look at. */
export interface RouteTarget {
  readonly method: string;
  readonly pathname: string;
  readonly query: URLSearchParams;
}

/** The method, pathname and query of a recorded request. */
export const routeTarget = (request: RecordedRequest): RouteTarget => {
  const url = new URL(request.path, 'http://mock.invalid');
  return { method: request.method.toUpperCase(), pathname: url.pathname, query: url.searchParams };
};

/**
 * Matches `pathname` against `pattern`, where `{name}` captures one non-empty segment
 * (URL-decoded): `matchPath('/research/{id}/events', '/research/abc/events')` → `{ id: 'abc' }`.
 * Returns `undefined` when it does not match.
 */
export const matchPath = (pattern: string, pathname: string): Record<string, string> | undefined => {
  const want = pattern.split('/');
  const got = pathname.split('/');
  if (want.length !== got.length) return undefined;
  const params: Record<string, string> = {};
  for (const [index, segment] of want.entries()) {
    const actual = got[index] ?? '';
    if (segment.startsWith('{') && segment.endsWith('}')) {
      if (actual === '') return undefined;
      params[segment.slice(1, -1)] = safeDecode(actual);
    } else if (segment !== actual) return undefined;
  }
  return params;
};

const safeDecode = (segment: string): string => {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
};

/** The bearer token of `Authorization`, or the raw header when it has no `Bearer ` prefix. */
export const bearerToken = (request: RecordedRequest): string | undefined => {
  const header = request.headers.authorization;
  if (header === undefined) return undefined;
  return header.replace(/^Bearer\s+/i, '');
};
