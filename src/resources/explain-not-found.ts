import { APIError, NotFoundError } from '../errors/api-error.js';

/**
 * A 404 that means something particular for this vendor (Bifrost: an expired job, or async routes
 * that are not registered): the vendor's own message stays first (API.md), the meaning follows.
 * Anything other than a `NotFoundError` passes unchanged.
 */
export function explainNotFound(error: unknown, about: string, hint: string | undefined): unknown {
  if (!(error instanceof NotFoundError) || hint === undefined) return error;
  return APIError.fromInit({
    status: error.status,
    headers: error.headers,
    body: error.body,
    info: {
      message: `${error.message.replace(/^\d{3} /, '')} — ${about}: ${hint}`,
      ...(error.code ? { code: error.code } : {}),
      ...(error.type ? { type: error.type } : {}),
      ...(error.param ? { param: error.param } : {}),
    },
    fallbackMessage: '',
    dialect: error.dialect,
    requestId: error.requestId,
  });
}
