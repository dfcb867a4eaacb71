/** Fields of an OpenAI-shaped error body. */
export interface ErrorBodyInput {
  message: string;
  /** @defaultValue `'invalid_request_error'` */
  type?: string;
  code?: string | null;
  param?: string | null;
}

/** The OpenAI error envelope. */
export interface MockErrorBody {
  error: { message: string; type: string; param: string | null; code: string | null };
}

/**
 * Builds `{ error: { message, type, param, code } }`, the body OpenAI (and most compatible
 * vendors) send with an error status or inside an SSE error frame.
 *
 * @example
 * server.enqueue({ error: 429, body: errorBody({ message: 'Slow down', type: 'requests', code: 'rate_limit_exceeded' }) });
 */
export const errorBody = ({
  message,
  type = 'invalid_request_error',
  code = null,
  param = null,
}: ErrorBodyInput): MockErrorBody => ({ error: { message, type, param, code } });
