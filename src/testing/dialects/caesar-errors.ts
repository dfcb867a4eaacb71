import type { MockErrorInput } from '../mock-dialect.js';
import type { ErrorReply } from '../reply.js';

/** How the mock Caesar spells errors: documented `{ error: "…" }`, or the nested form of the old paging docs. */
export type CaesarErrorShape = 'string' | 'nested';

const codes: Record<number, string> = {
  400: 'INVALID_REQUEST',
  401: 'UNAUTHORIZED',
  402: 'PAYMENT_REQUIRED',
  404: 'NOT_FOUND',
  429: 'RATE_LIMITED',
};

/** `{ error: message }`, or `{ error: { code, message } }` for the nested shape. */
export const caesarErrorBody =
  (shape: CaesarErrorShape) =>
  ({ status, message, code }: MockErrorInput): unknown =>
    shape === 'string'
      ? { error: message }
      : { error: { code: code ?? codes[status] ?? 'INTERNAL_ERROR', message } };

/** Caesar's documented 404 for an unknown id. */
export const notFound: ErrorReply = { error: 404, message: 'Resource not found' };

/** Bad paging parameters, in the nested form Caesar's paging docs show. */
export const paginationError = (message: string): ErrorReply => ({
  error: 400,
  body: { error: { code: 'INVALID_PAGINATION', message, details: {} } },
});
