import type { APIPromise } from './api-promise.js';
import { type ClientContext, resolveContext } from './client-context.js';
import type { DialectInput, OptionsOf, ParamsOf } from './dialects/registry.js';
import type { ClientOptions, RequestOptions } from './options.js';
import { createCompletion } from './resources/chat-completions.js';
import { createStream, lazyStream } from './resources/chat-streams.js';
import type { Collections } from './resources/collections.js';
import { createRun } from './resources/create-run.js';
import type { Files } from './resources/files.js';
import { lazyResources } from './resources/lazy-resources.js';
import { parseChat } from './resources/parse.js';
import type { Research } from './resources/research.js';
import { runTools } from './resources/run-tools.js';
import type { Runs } from './resources/runs.js';
import type { StructuredChatMethods, StructuredParams } from './resources/structured-methods.js';
import type { ChatCompletion } from './schema/chat-completion.js';
import type { Run } from './schema/run.js';
import type { ChatCompletionStream } from './streaming/chat-completion-stream.js';
import type { JsonSchemaFormat, ParsedOf } from './structured/response-format.js';

/** `P` with `async: true`, only for dialects whose parameters have `async` (others get `never`). */
type AsyncParams<P> = 'async' extends keyof P ? P & { async: true } : never;

/** Chat completions for a dialect's parameters `P` and request-option extras `O`. */
export interface ChatCompletions<P, O = {}> extends StructuredChatMethods<P, O> {
  /** Streams: resolves once response headers arrive; an HTTP error rejects it. */
  create(params: P & { stream: true }, options?: RequestOptions & O): APIPromise<ChatCompletionStream>;
  /** Queues an async run (inTandem, Bifrost); poll it with `client.runs.wait(run)`. */
  create(params: AsyncParams<P>, options?: RequestOptions & O): APIPromise<Run>;
  /** One JSON completion, normalised to the OpenAI shape. */
  create(params: P & { stream?: false | null }, options?: RequestOptions & O): APIPromise<ChatCompletion>;
  create(params: P, options?: RequestOptions & O): APIPromise<ChatCompletion | ChatCompletionStream | Run>;
  /** A structured stream: `partialObjects` grows, `finalCompletion()` carries the validated `parsed`. */
  stream<F extends JsonSchemaFormat<any>>(
    params: StructuredParams<P, F>,
    options?: RequestOptions & O,
  ): ChatCompletionStream<ParsedOf<F>>;
  /** A stream that sends its request when first read (iterated, or `finalCompletion()` awaited). */
  stream(params: P, options?: RequestOptions & O): ChatCompletionStream;
}

/** A client bound to one dialect, base URL and policy. Never mutated: `withOptions` derives a new one. */
export interface Client<P = unknown, O = {}> {
  readonly chat: { readonly completions: ChatCompletions<P, O> };
  /** Async runs and jobs: retrieve, list, wait, watch (with the dialect's request-option extras). */
  readonly runs: Runs<O>;
  /** Caesar's native research jobs (caesar dialect). */
  readonly research: Research;
  /** Caesar's file store: upload documents, list them (caesar dialect). */
  readonly files: Files;
  /** Named groups of Caesar files (caesar dialect). */
  readonly collections: Collections;
  /** The dialect's name and the base URL this client talks to. */
  readonly dialect: string;
  readonly baseURL: string;
  /** A new client with these options laid over this one's. */
  withOptions(options: Partial<ClientOptions>): Client<P, O>;
}

/**
 * Creates a client for an OpenAI-compatible chat API.
 * @example
 * const client = createClient({ dialect: 'bifrost', baseURL: 'http://localhost:8080', apiKey: 'sk-bf-…' });
 * const completion = await client.chat.completions.create({ model: 'openai/gpt-4o-mini', messages });
 */
export function createClient<const D extends DialectInput = 'openai'>(
  options: ClientOptions<D> = {},
): Client<ParamsOf<D>, OptionsOf<D>> {
  return buildClient(resolveContext(options));
}

function buildClient<P, O>(context: ClientContext): Client<P, O> {
  const { runs, research, files, collections } = lazyResources(context);
  const completions: ChatCompletions<P, O> = {
    create: ((params: P, options?: RequestOptions) => {
      const flags = params as { stream?: unknown; async?: unknown };
      if (flags.stream === true) return createStream(context, params, options);
      if (flags.async === true) return createRun(context, params, options);
      return createCompletion(context, params, options);
    }) as ChatCompletions<P, O>['create'],
    stream: ((params: P, options?: RequestOptions) =>
      lazyStream(context, params, options)) as ChatCompletions<P, O>['stream'],
    parse: (params, options) => parseChat(context, params, options) as never,
    runTools: ((params: unknown, options?: RequestOptions) =>
      runTools(context, params, options)) as unknown as ChatCompletions<P, O>['runTools'],
  };
  return Object.freeze({
    chat: Object.freeze({ completions: Object.freeze(completions) }),
    runs: Object.freeze(runs),
    research: Object.freeze(research),
    files: Object.freeze(files),
    collections: Object.freeze(collections),
    dialect: context.dialect.name,
    baseURL: context.baseURL,
    withOptions: (options: Partial<ClientOptions>) =>
      buildClient<P, O>(resolveContext({ ...context.options, ...options } as ClientOptions)),
  });
}
