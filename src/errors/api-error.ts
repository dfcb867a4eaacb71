import { isRetryableStatus, requestedDelay } from '../transport/retry-policy.js';
import { ChatwireError } from './chatwire-error.js';
import type { ErrorInfo } from './read-error-body.js';

export interface APIErrorInit {
  status: number;
  headers: Headers;
  /** The parsed body (or its text when it was not JSON), already redacted. */
  body: unknown;
  info: ErrorInfo;
  /** Used when the body carried no message: the status text and a short excerpt of a non-JSON body. */
  fallbackMessage: string;
  dialect: string;
  requestId: string | undefined;
  /** The dialect's documented rate-limit window: `RateLimitError.retryAfterMs` when no header says. */
  rateLimitWindowMs?: number | undefined;
}

/** The server answered with a non-2xx status, or with a vendor error envelope as a 2xx JSON answer. */
export class APIError extends ChatwireError {
  override name = 'APIError';
  readonly status: number;
  declare readonly headers: Headers;
  readonly requestId: string | undefined;
  readonly body: unknown;
  readonly code: string | undefined;
  readonly type: string | undefined;
  readonly param: string | undefined;
  readonly dialect: string;
  readonly #rateLimitWindowMs: number | undefined;

  constructor(init: APIErrorInit) {
    super(`${init.status} ${init.info.message ?? init.fallbackMessage}`);
    this.status = init.status;
    // Not enumerable: inspect output stays short and `toJSON` stays free of transport detail.
    Object.defineProperty(this, 'headers', { value: init.headers, enumerable: false });
    this.requestId = init.requestId;
    this.body = init.body;
    this.code = init.info.code;
    this.type = init.info.type;
    this.param = init.info.param;
    this.dialect = init.dialect;
    this.#rateLimitWindowMs = init.rateLimitWindowMs;
  }

  /** Whether the retry policy would try again (status and `x-should-retry`). */
  get isRetryable(): boolean {
    return isRetryableStatus(this.status, this.headers, this.#rateLimitWindowMs);
  }

  /** Builds the subclass that matches the status. */
  static fromInit(init: APIErrorInit): APIError {
    const Class = classForStatus(init.status);
    return new Class(init);
  }
}

export class BadRequestError extends APIError {
  override name = 'BadRequestError';
}
export class AuthenticationError extends APIError {
  override name = 'AuthenticationError';
}
export class PaymentRequiredError extends APIError {
  override name = 'PaymentRequiredError';
}
export class PermissionDeniedError extends APIError {
  override name = 'PermissionDeniedError';
}
export class NotFoundError extends APIError {
  override name = 'NotFoundError';
}
export class ConflictError extends APIError {
  override name = 'ConflictError';
}
export class UnprocessableEntityError extends APIError {
  override name = 'UnprocessableEntityError';
}
/** The `X-RateLimit-*` limits a vendor reported (OpenAI and Morpheus use these names). */
export interface RateLimitInfo {
  limitRequests?: number;
  remainingRequests?: number;
  limitTokens?: number;
  remainingTokens?: number;
  /** As sent: a duration ("6m0s") or an ISO time, depending on the vendor. */
  resetRequests?: string;
  resetTokens?: string;
}

export class RateLimitError extends APIError {
  override name = 'RateLimitError';
  /**
   * The delay the server asked for (`retry-after-ms` / `Retry-After`), however long — the retry
   * policy waits at most 60 s — or, without a header, the vendor's documented window (inTandem: 60 s).
   */
  readonly retryAfterMs: number | undefined;
  readonly rateLimit: RateLimitInfo;

  constructor(init: APIErrorInit) {
    super(init);
    this.retryAfterMs = requestedDelay(init.headers) ?? init.rateLimitWindowMs;
    this.rateLimit = readRateLimit(init.headers);
  }
}

function readRateLimit(headers: Headers): RateLimitInfo {
  const info: RateLimitInfo = {};
  // A blank header is absent, not 0 (`Number('')` is 0).
  const text = (name: string) => headers.get(`x-ratelimit-${name}`)?.trim() || undefined;
  const count = (name: string) => {
    const value = Number(text(name) ?? Number.NaN);
    return Number.isFinite(value) ? value : undefined;
  };
  const fields = [
    ['limitRequests', count('limit-requests')],
    ['remainingRequests', count('remaining-requests')],
    ['limitTokens', count('limit-tokens')],
    ['remainingTokens', count('remaining-tokens')],
    ['resetRequests', text('reset-requests')],
    ['resetTokens', text('reset-tokens')],
  ] as const;
  for (const [key, value] of fields) if (value !== undefined) Object.assign(info, { [key]: value });
  return info;
}
export class InternalServerError extends APIError {
  override name = 'InternalServerError';
}

const BY_STATUS: Record<number, typeof APIError> = {
  400: BadRequestError,
  401: AuthenticationError,
  402: PaymentRequiredError,
  403: PermissionDeniedError,
  404: NotFoundError,
  409: ConflictError,
  422: UnprocessableEntityError,
  429: RateLimitError,
};

function classForStatus(status: number): typeof APIError {
  return BY_STATUS[status] ?? (status >= 500 ? InternalServerError : APIError);
}
