import type { MockErrorInput } from '../mock-dialect.js';
import type { ErrorReply } from '../reply.js';

/** inTandem's `errors[].code` for each status its spec shows. */
const codes: Record<number, string> = {
  400: 'invalid',
  401: 'unauthorized',
  404: 'not_found',
  422: 'invalid',
  429: 'rate_limit_exceeded',
  502: 'provider_error',
};

/** One entry of the v3 envelope's `errors`. */
export interface IntandemErrorItem {
  readonly code: string;
  readonly message: string;
  readonly field?: string;
}

/** The v3 error envelope `{ success: false, errors: [{ code, message, field? }] }`. */
export const intandemErrorBody = ({ status, message, code }: MockErrorInput): unknown => ({
  success: false,
  errors: [{ code: code ?? codes[status] ?? 'internal_error', message }],
});

/** An error reply with these `errors`. */
export const intandemErrors = (status: number, ...errors: IntandemErrorItem[]): ErrorReply => ({
  error: status,
  body: { success: false, errors },
});

/** The documented 404 for a run, which (as in the spec) carries no `success` key. */
export const runNotFound: ErrorReply = {
  error: 404,
  body: { errors: [{ field: 'uid', code: 'not_found', message: 'Chat completion run not found.' }] },
};

/** The documented rate-limit answer (10 requests per minute). */
export const intandemRateLimited = (perMinute: number): ErrorReply =>
  intandemErrors(429, {
    code: 'rate_limit_exceeded',
    message: `Maximum ${perMinute} requests per minute. Please retry after 60 seconds.`,
  });
