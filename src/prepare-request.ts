import type { ClientContext } from './client-context.js';
import { createRedactor, type Redactor } from './errors/redact.js';
import { InvalidRequestError } from './errors/request-errors.js';
import type { RequestOptions } from './options.js';
import { mergeHeaders } from './transport/headers.js';
import type { HttpRequest, SendPolicy } from './transport/send.js';
import { VERSION } from './version.js';

export interface RequestSpec {
  method: HttpRequest['method'];
  path: string;
  body?: BodyInit;
  /** JSON bodies are strings and can be replayed; a one-shot stream cannot. */
  replayable?: boolean;
  accept?: string;
  contentType?: string;
  headers?: Record<string, string>;
}

export interface PreparedCall {
  request: HttpRequest;
  policy: SendPolicy;
  redactor: Redactor;
}

/** Resolves the key and assembles URL, headers and policy for one call. Throws before anything is sent. */
export async function prepareCall(
  context: ClientContext,
  spec: RequestSpec,
  options: RequestOptions = {},
): Promise<PreparedCall> {
  const apiKey = await resolveKey(context);
  const { dialect } = context;
  const headers = mergeHeaders(
    // In a browser, only CORS-safelisted headers plus the vendor's required ones, so preflights pass.
    context.browser ? undefined : { 'user-agent': `chatwire/${VERSION}` },
    { accept: spec.accept ?? 'application/json' },
    spec.contentType ? { 'content-type': spec.contentType } : undefined,
    dialect.headers,
    apiKey === undefined ? undefined : dialect.auth(apiKey),
    spec.headers,
    context.headers,
    options.headers,
  );
  return {
    request: {
      method: spec.method,
      url: context.baseURL + spec.path,
      headers,
      body: spec.body,
      replayable: spec.replayable ?? true,
    },
    policy: {
      fetch: context.fetch,
      timeout: options.timeout ?? context.timeout,
      maxRetries: options.maxRetries ?? context.maxRetries,
      maxResponseBytes: options.maxResponseBytes ?? context.maxResponseBytes,
      signal: options.signal,
    },
    redactor: createRedactor([apiKey]),
  };
}

async function resolveKey(context: ClientContext): Promise<string | undefined> {
  const source = context.apiKey;
  const key = typeof source === 'function' ? await source() : source;
  if (typeof key === 'string' && key !== '') return key;
  if (context.dialect.keyOptional) return undefined;
  const envName = context.dialect.env.apiKey;
  const where = context.browser
    ? 'pass `apiKey` to createClient() (environment variables are not read in a browser)'
    : `pass \`apiKey\` to createClient() or set the ${envName} environment variable`;
  throw new InvalidRequestError(`No API key for the ${context.dialect.name} dialect: ${where}.`, [
    { path: 'apiKey', message: `is required (option \`apiKey\` or env ${envName})` },
  ]);
}
