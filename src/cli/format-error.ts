import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  AuthenticationError,
  ChatwireError,
  InvalidRequestError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  StreamError,
} from '../index.js';
import { CliError, EXIT } from './cli-error.js';

/** What to print for a failure, and the exit code. */
export interface Failure {
  readonly exitCode: number;
  readonly message: string;
  readonly hint?: string;
}

/** Where the failing call went, so hints can name the variable and URL to check. */
export interface FailureContext {
  readonly baseURL?: string;
  readonly keyVariable?: string;
  readonly debug?: boolean;
}

/** Turns anything thrown into a message that says what to do; stack traces only with CHATWIRE_DEBUG. */
export const describeFailure = (error: unknown, context: FailureContext = {}): Failure => {
  if (error instanceof CliError) return withHint(error.exitCode, error.message, error.hint);
  if (error instanceof APIUserAbortError) return { exitCode: EXIT.interrupted, message: 'Interrupted.' };
  if (error instanceof InvalidRequestError) return { exitCode: EXIT.usage, message: error.message };
  if (error instanceof APIError) return apiFailure(error, context);
  if (error instanceof APIConnectionTimeoutError) {
    return withHint(EXIT.failed, error.message, 'Raise --timeout (milliseconds) if the endpoint is slow.');
  }
  if (error instanceof APIConnectionError) {
    return withHint(
      EXIT.failed,
      `Could not reach ${context.baseURL ?? 'the endpoint'}: ${rootCause(error)}`,
      'Is the server running, and is --base-url right?',
    );
  }
  if (error instanceof StreamError) {
    return withHint(
      EXIT.failed,
      `The stream broke: ${error.message}`,
      'Any answer printed above is incomplete.',
    );
  }
  if (ChatwireError.is(error)) return { exitCode: EXIT.failed, message: `${error.name}: ${error.message}` };
  const message = error instanceof Error ? error.message : String(error);
  return withHint(
    EXIT.failed,
    `Unexpected error: ${message}${context.debug && error instanceof Error ? `\n${error.stack}` : ''}`,
    context.debug ? undefined : 'Set CHATWIRE_DEBUG=1 to see where it came from.',
  );
};

/** The deepest cause's message and code: fetch hides `ECONNREFUSED` two levels down. */
const rootCause = (error: Error): string => {
  let current: unknown = error;
  while (current instanceof Error && current.cause instanceof Error) current = current.cause;
  const code = (current as { code?: unknown }).code;
  const message = current instanceof Error ? current.message : String(current);
  return typeof code === 'string' && !message.includes(code) ? `${message} (${code})` : message;
};

const withHint = (exitCode: number, message: string, hint: string | undefined): Failure =>
  hint === undefined ? { exitCode, message } : { exitCode, message, hint };

const apiFailure = (error: APIError, context: FailureContext): Failure => {
  const id = error.requestId ? ` (request id ${error.requestId})` : '';
  const message = `The endpoint answered ${error.message}${id}`;
  const key = context.keyVariable ?? 'your key variable';
  if (error instanceof AuthenticationError || error instanceof PermissionDeniedError) {
    return withHint(EXIT.failed, message, `Check the key in ${key}, or pick another with --api-key-env.`);
  }
  if (error instanceof NotFoundError) {
    return withHint(
      EXIT.failed,
      message,
      `Check --base-url (${context.baseURL ?? 'not set'}) and --dialect: the path is added to the base URL.`,
    );
  }
  if (error instanceof RateLimitError) {
    const wait = error.retryAfterMs === undefined ? 'a little' : `${Math.ceil(error.retryAfterMs / 1000)} s`;
    return withHint(EXIT.failed, message, `Rate limited: try again in ${wait}.`);
  }
  return { exitCode: EXIT.failed, message };
};
