import type { APIPromise } from './api-promise.js';
import { type ClientContext, resolveContext } from './client-context.js';
import type { DialectInput, ParamsOf } from './dialects/registry.js';
import type { ClientOptions, RequestOptions } from './options.js';
import { createCompletion } from './resources/chat-completions.js';
import { createStream, lazyStream } from './resources/chat-streams.js';
import type { ChatCompletion } from './schema/chat-completion.js';
import type { ChatCompletionStream } from './streaming/chat-completion-stream.js';

export interface ChatCompletions<P> {
  /** Streams: resolves once response headers arrive; an HTTP error rejects it. */
  create(params: P & { stream: true }, options?: RequestOptions): APIPromise<ChatCompletionStream>;
  /** One JSON completion, normalised to the OpenAI shape. */
  create(params: P & { stream?: false | null }, options?: RequestOptions): APIPromise<ChatCompletion>;
  create(params: P, options?: RequestOptions): APIPromise<ChatCompletion | ChatCompletionStream>;
  /** A stream that sends its request when first read (iterated, or `finalCompletion()` awaited). */
  stream(params: P, options?: RequestOptions): ChatCompletionStream;
}

/** A client bound to one dialect, base URL and policy. Never mutated: `withOptions` derives a new one. */
export interface Client<P = unknown> {
  readonly chat: { readonly completions: ChatCompletions<P> };
  /** The dialect's name and the base URL this client talks to. */
  readonly dialect: string;
  readonly baseURL: string;
  /** A new client with these options laid over this one's. */
  withOptions(options: Partial<ClientOptions>): Client<P>;
}

/**
 * Creates a client for an OpenAI-compatible chat API.
 * @example
 * const client = createClient({ dialect: 'bifrost', baseURL: 'http://localhost:8080', apiKey: 'sk-bf-…' });
 * const completion = await client.chat.completions.create({ model: 'openai/gpt-4o-mini', messages });
 */
export function createClient<const D extends DialectInput = 'openai'>(
  options: ClientOptions<D> = {},
): Client<ParamsOf<D>> {
  return buildClient(resolveContext(options));
}

function buildClient<P>(context: ClientContext): Client<P> {
  const completions: ChatCompletions<P> = {
    create: ((params: P, options?: RequestOptions) =>
      (params as { stream?: unknown }).stream === true
        ? createStream(context, params, options)
        : createCompletion(context, params, options)) as ChatCompletions<P>['create'],
    stream: (params, options) => lazyStream(context, params, options),
  };
  return Object.freeze({
    chat: Object.freeze({ completions: Object.freeze(completions) }),
    dialect: context.dialect.name,
    baseURL: context.baseURL,
    withOptions: (options: Partial<ClientOptions>) =>
      buildClient<P>(resolveContext({ ...context.options, ...options } as ClientOptions)),
  });
}
