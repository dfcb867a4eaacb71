import { InvalidRequestError } from '../errors/request-errors.js';

/**
 * An id as a URL path segment. An empty or missing id would change which endpoint is called
 * (`/research/collections/` is the list, whose answer would pass for one collection), so it is
 * refused before sending.
 */
export function pathId(id: unknown, name: string): string {
  if (typeof id === 'string' && id !== '') return encodeURIComponent(id);
  throw new InvalidRequestError(
    `${name} must be a non-empty string (got ${typeof id === 'string' ? '""' : String(id)}).`,
    [{ path: name, message: 'must be a non-empty string' }],
  );
}
