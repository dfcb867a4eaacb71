import type { AnyDialect } from './dialects/dialect.js';
import { resolveDialect } from './dialects/registry.js';
import { InvalidRequestError } from './errors/request-errors.js';
import { isBrowserLike, readEnv } from './internal/env.js';
import {
  type ApiKeySource,
  type ClientOptions,
  DEFAULT_MAX_RESPONSE_BYTES,
  DEFAULT_MAX_RETRIES,
} from './options.js';
import type { ValidateMode } from './schema/normalise-completion.js';

/** Client options resolved once, at `createClient`: every later call reads these. */
export interface ClientContext {
  readonly options: ClientOptions;
  readonly dialect: AnyDialect;
  readonly baseURL: string;
  readonly apiKey: ApiKeySource | undefined;
  readonly headers: Readonly<Record<string, string>>;
  readonly timeout: number;
  readonly idleTimeout: number;
  readonly maxRetries: number;
  readonly fetch: typeof fetch | undefined;
  readonly validate: ValidateMode;
  readonly maxResponseBytes: number;
  readonly browser: boolean;
}

export function resolveContext(options: ClientOptions): ClientContext {
  const dialect = resolveDialect(options.dialect);
  const apiKey = options.apiKey ?? readEnv(dialect.env.apiKey);
  const browser = isBrowserLike();
  if (browser && apiKey !== undefined && !options.dangerouslyAllowBrowser) throw browserKeyError();
  const baseURL = (options.baseURL ?? readEnv(dialect.env.baseURL) ?? dialect.baseURL).replace(/\/+$/, '');
  checkURL(baseURL);
  return {
    options,
    dialect,
    baseURL,
    apiKey,
    headers: options.headers ?? {},
    timeout: nonNegative('timeout', options.timeout) ?? dialect.defaults.timeout,
    idleTimeout: nonNegative('idleTimeout', options.idleTimeout) ?? dialect.defaults.idleTimeout,
    maxRetries: nonNegative('maxRetries', options.maxRetries) ?? DEFAULT_MAX_RETRIES,
    fetch: options.fetch,
    validate: options.validate ?? 'loose',
    maxResponseBytes: nonNegative('maxResponseBytes', options.maxResponseBytes) ?? DEFAULT_MAX_RESPONSE_BYTES,
    browser,
  };
}

export function browserKeyError(): InvalidRequestError {
  return new InvalidRequestError(
    'Refusing to use an API key in a browser page: anyone who loads the page can read it. Call the API from ' +
      'your server (see `toReadableStream()`), or pass `dangerouslyAllowBrowser: true` if you accept the risk.',
    [{ path: 'dangerouslyAllowBrowser', message: 'must be true to use a key in a browser' }],
  );
}

/** `value` if it is a number ≥ 0 (or absent); anything else is refused before sending. */
export function nonNegative(name: string, value: number | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || Number.isNaN(value) || value < 0) {
    throw new InvalidRequestError(`Option \`${name}\` must be a number ≥ 0.`, [
      { path: name, message: 'must be ≥ 0' },
    ]);
  }
  return value;
}

function checkURL(baseURL: string): void {
  try {
    new URL(baseURL);
  } catch {
    throw new InvalidRequestError(`Option \`baseURL\` is not an absolute URL: ${JSON.stringify(baseURL)}.`, [
      { path: 'baseURL', message: 'must be an absolute URL' },
    ]);
  }
}
