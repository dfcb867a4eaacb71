import { ChatwireError } from './chatwire-error.js';

/** The request never got a complete HTTP answer: refused, reset, DNS, TLS, or the body was cut. */
export class APIConnectionError extends ChatwireError {
  override name = 'APIConnectionError';
  readonly isRetryable: boolean = true;

  constructor(message = 'Connection error.', options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** `timeout` elapsed before headers (or a non-streamed body) arrived, or a stream sat idle past `idleTimeout`. */
export class APIConnectionTimeoutError extends APIConnectionError {
  override name = 'APIConnectionTimeoutError';

  constructor(message = 'Request timed out.', options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** The caller aborted (their `signal`, or `stream.abort()` surfaced as an error). Never retried. */
export class APIUserAbortError extends ChatwireError {
  override name = 'APIUserAbortError';
  readonly isRetryable = false;

  constructor(message = 'Request was aborted.', options?: { cause?: unknown }) {
    super(message, options);
  }
}
