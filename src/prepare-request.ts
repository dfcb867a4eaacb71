import { type ClientContext, nonNegative } from './client-context.js';
import { createRedactor, type Redactor } from './errors/redact.js';
import { InvalidRequestError } from './errors/request-errors.js';
import type { RequestOptions } from './options.js';
import { mergeHeaders } from './transport/headers.js';
import type { HttpRequest, SendPolicy } from './transport/send.js';
import { VERSION } from './version.js';

export interface RequestSpec {
  method: HttpRequest['method'];
  path: string;
  /** A body, or a function making a fresh one per attempt (see `HttpRequest.body`). */
  body?: HttpRequest['body'];
  /** JSON bodies are strings and can be replayed; a one-shot stream cannot. */
  replayable?: boolean;
  accept?: string;
  contentType?: string;
  headers?: Record<string, string>;
  redirect?: RequestRedirect;
}

export interface PreparedCall {
  request: HttpRequest;
  policy: SendPolicy;
  redactor: Redactor;
}

/**
 * Resolves the key and assembles URL, headers and policy for one call. Throws before anything is
 * sent. With a plain string key (the common case) it answers at once, not in a promise: a caller
 * that checks can reach `fetch()` in the same tick as the user's call (every microtask on the way
 * lets other queued work run first, which shows in time to first token).
 */
export function prepareCall(
  context: ClientContext,
  spec: RequestSpec,
  options: RequestOptions = {},
): PreparedCall | Promise<PreparedCall> {
  const source = context.apiKey;
  if (typeof source === 'string' && source !== '') return assemble(context, spec, options, source);
  return resolveKey(context).then((key) => assemble(context, spec, options, key));
}

function assemble(
  context: ClientContext,
  spec: RequestSpec,
  options: RequestOptions,
  apiKey: string | undefined,
): PreparedCall {
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
      ...(spec.redirect === undefined ? {} : { redirect: spec.redirect }),
    },
    policy: {
      fetch: context.fetch,
      // Checked per call as at createClient: NaN would silently mean "no timeout", -1 "no retries".
      timeout: nonNegative('timeout', options.timeout) ?? context.timeout,
      maxRetries: nonNegative('maxRetries', options.maxRetries) ?? context.maxRetries,
      maxResponseBytes: nonNegative('maxResponseBytes', options.maxResponseBytes) ?? context.maxResponseBytes,
      signal: options.signal,
    },
    redactor: redactorFor(context, apiKey, headers),
  };
}

// Headers that carry a credential: what is masked is what goes on the wire (a Morpheus key given
// as "Bearer sk-…" is sent bare; a per-call Bifrost virtual key never passes through `apiKey`).
const SECRET_HEADERS = ['authorization', 'proxy-authorization', 'x-bf-vk', 'api-key', 'x-api-key'];
const SCHEME = /^(?:bearer|basic|token)\s+/i;

// One redactor per client and set of secrets: built again only when they change (a key function
// handing out a new key, a per-call virtual key).
const redactors = new WeakMap<ClientContext, { secrets: string; redactor: Redactor }>();

function redactorFor(
  context: ClientContext,
  key: string | undefined,
  headers: Record<string, string>,
): Redactor {
  // The cache key is the raw values; the secrets (each also without its scheme) only on a change.
  let joined = key ?? '';
  for (const name of SECRET_HEADERS) joined += `\n${headers[name] ?? ''}`;
  const cached = redactors.get(context);
  if (cached && cached.secrets === joined) return cached.redactor;
  const sent = SECRET_HEADERS.flatMap((name) => {
    const value = headers[name];
    return value === undefined ? [] : [value, value.replace(SCHEME, '')];
  });
  const redactor = createRedactor([key, ...sent]);
  redactors.set(context, { secrets: joined, redactor });
  return redactor;
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
