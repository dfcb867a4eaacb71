import { rememberRedactor } from '../errors/call-redactor.js';
import { ChatwireError } from '../errors/chatwire-error.js';
import { APIUserAbortError } from '../errors/connection-errors.js';
import { readErrorBody } from '../errors/read-error-body.js';
import { lazyIterator, loadChunk } from '../internal/lazy.js';
import type { ChatCompletion, ChatCompletionChunk } from '../schema/chat-completion.js';
import type { ValidateMode } from '../schema/normalise-completion.js';
import { type ParsedChatCompletion, schemaOf } from '../structured/response-format.js';
import { linkAbort } from '../transport/abort-link.js';
import { CompletionAccumulator } from './accumulate.js';
import { bodyLease } from './body-lease.js';
import { ChunkReader } from './chunk-reader.js';
import type { ChunkSource } from './chunk-source.js';
import { type ChunkPuller, encodeSse } from './encode.js';
import type { DeepPartial } from './partial-objects.js';
import { settleable } from './settleable.js';
import { teeSource } from './tee.js';
import { contentDeltas } from './text-stream.js';

/** Options of {@link ChatCompletionStream.fromReadableStream}. */
export interface FromReadableStreamOptions {
  /** Aborting it cancels the body; iteration then throws `APIUserAbortError`. */
  signal?: AbortSignal;
  /** @defaultValue `'loose'` */
  validate?: ValidateMode;
  /** Milliseconds a read may wait for an event. @defaultValue no limit */
  idleTimeout?: number;
}

type State = 'open' | 'ended' | 'failed' | 'cancelled';

/** @internal What the client hands a stream besides its source. */
interface StreamOptions {
  signal?: AbortSignal | undefined;
  /** The request's `response_format`: with a `jsonSchemaFormat()` schema, `finalCompletion()` parses. */
  responseFormat?: unknown;
}

/**
 * A streamed chat completion: an async iterable of `ChatCompletionChunk`s, read once, that also
 * assembles the final `ChatCompletion` as it goes.
 *
 * @example
 * const stream = await client.chat.completions.create({ model, messages, stream: true });
 * for await (const chunk of stream) process.stdout.write(chunk.choices[0]?.delta.content ?? '');
 * const completion = await stream.finalCompletion();
 *
 * `T` is the parsed answer's type when the request had `response_format: jsonSchemaFormat(…)`.
 */
export class ChatCompletionStream<T = unknown> implements AsyncIterable<ChatCompletionChunk> {
  readonly #source: ChunkSource;
  readonly #controller = new AbortController();
  readonly #callerSignal: AbortSignal | undefined;
  readonly #accumulator = new CompletionAccumulator();
  readonly #final = settleable<ChatCompletion>();
  readonly #responseFormat: unknown;
  #parsed: Promise<ParsedChatCompletion<T>> | undefined;
  #state: State = 'open';
  #failure: Error | undefined;
  #claimedBy: string | undefined;
  #drainQueued = false;
  #unlink: (() => void) | undefined;

  /**
   * @internal Streams come from `client.chat.completions.create({ stream: true })`,
   * `client.chat.completions.stream()` or {@link ChatCompletionStream.fromReadableStream}.
   */
  constructor(source: (signal: AbortSignal) => ChunkSource, options: StreamOptions = {}) {
    this.#source = source(this.#controller.signal);
    this.#callerSignal = options.signal;
    this.#responseFormat = options.responseFormat;
    if (options.signal?.aborted) this.#onCallerAbort();
    else if (options.signal) this.#unlink = linkAbort(options.signal, this.#onCallerAbort);
  }

  /**
   * Reads SSE bytes produced by {@link ChatCompletionStream.toReadableStream} (or any
   * OpenAI-style chunk stream), e.g. a server route's response body in a browser.
   * @example
   * const response = await fetch('/api/chat', { method: 'POST', body });
   * for await (const text of ChatCompletionStream.fromReadableStream(response.body!).textStream) show(text);
   */
  static fromReadableStream(
    body: ReadableStream<Uint8Array>,
    options: FromReadableStreamOptions = {},
  ): ChatCompletionStream {
    const readOptions = {
      unwrapChunk: (data: unknown) => data,
      readError: readErrorBody,
      validate: options.validate ?? 'loose',
      idleTimeout: options.idleTimeout ?? 0,
    };
    return newStream((signal) => new ChunkReader({ body, lease: bodyLease(signal) }, readOptions), {
      signal: options.signal,
    });
  }

  /** The HTTP response (after a retry, the latest one); undefined until a lazy stream has sent. */
  get response(): Response | undefined {
    return this.#source.response;
  }

  /** The vendor's request id from the response headers. */
  get requestId(): string | undefined {
    return this.#source.requestId;
  }

  [Symbol.asyncIterator](): AsyncIterator<ChatCompletionChunk> {
    this.#claim('a for await loop');
    return {
      next: () => {
        const chunk = this.#take();
        return chunk === undefined ? this.#nextSlow() : Promise.resolve({ value: chunk, done: false });
      },
      // `break` or `return` inside the loop: cancel the request, end quietly.
      return: () => {
        this.abort();
        return Promise.resolve({ value: undefined, done: true });
      },
    };
  }

  /** The content deltas of the first choice, as strings. */
  get textStream(): AsyncIterable<string> {
    return { [Symbol.asyncIterator]: () => contentDeltas(this[Symbol.asyncIterator]()) };
  }

  /**
   * The growing JSON answer (first choice), for a structured request such as
   * `stream({ …, response_format: jsonSchemaFormat(schema) })`: a new, unvalidated partial value
   * each time more of it can be shown. The validated whole is `finalCompletion()`'s `parsed`.
   * @example
   * for await (const partial of stream.partialObjects) render(partial.items ?? []);
   */
  get partialObjects(): AsyncIterable<DeepPartial<T>> {
    return {
      [Symbol.asyncIterator]: () => {
        const chunks = this[Symbol.asyncIterator]();
        // The partial-JSON reader loads on the first read: plain chats never bundle it. If it
        // cannot load, the claimed stream is cancelled rather than left holding its connection.
        return lazyIterator(() =>
          loadChunk('partial JSON', () => import('./partial-objects.js')).then(
            ({ partialObjects }) => ({
              [Symbol.asyncIterator]: () => partialObjects(chunks) as AsyncIterator<DeepPartial<T>>,
            }),
            (error: unknown) => {
              // The stream fails with that error (a finalCompletion() waiting on it too), not as
              // an abort the caller would take for their own.
              this.#failWith(error instanceof Error ? error : new ChatwireError(String(error)));
              throw error;
            },
          ),
        );
      },
    };
  }

  /**
   * The accumulated `ChatCompletion`: content, refusal and reasoning concatenated, tool calls
   * merged by index, finish reason and usage. Reads the rest of the stream unless a loop, `tee()`
   * or `toReadableStream()` reads it (or starts to in the same tick), in which case it settles
   * when that reader is done. For a `jsonSchemaFormat()` request, `message.parsed` holds the
   * validated answer (rejecting as `chat.completions.parse` does).
   */
  finalCompletion(): Promise<ParsedChatCompletion<T>> {
    if (schemaOf(this.#responseFormat) === undefined) {
      return this.#accumulated() as Promise<ParsedChatCompletion<T>>;
    }
    this.#parsed ??= this.#accumulated().then(async (completion) => {
      const { parseCompletion } = await loadChunk(
        'structured output',
        () => import('../structured/parse-completion.js'),
      );
      return parseCompletion<T>(completion, this.#responseFormat);
    });
    return this.#parsed;
  }

  #accumulated(): Promise<ChatCompletion> {
    if (this.#state === 'open' && this.#claimedBy === undefined && !this.#drainQueued) {
      this.#drainQueued = true;
      // A microtask later, so that `const final = stream.finalCompletion(); for await (…)` lets
      // the loop read (and this promise wait for it) instead of racing it for the chunks.
      queueMicrotask(() => {
        if (this.#claimedBy !== undefined) return;
        this.#claimedBy = 'finalCompletion()';
        void this.#drain();
      });
    }
    return this.#final.promise();
  }

  /**
   * The chunks as SSE bytes ending with `data: [DONE]`, e.g. to return from a server route. A
   * failure is sent as an `event: error` frame, which `fromReadableStream` throws again.
   * @example
   * return new Response(stream.toReadableStream(), { headers: { 'content-type': 'text/event-stream' } });
   */
  toReadableStream(): ReadableStream<Uint8Array> {
    this.#claim('toReadableStream()');
    return encodeSse({ ...this.#puller(), trailer: () => this.#trailer() });
  }

  /** Two streams that each yield every chunk; the request is cancelled once both are. */
  tee(): [ChatCompletionStream<T>, ChatCompletionStream<T>] {
    this.#claim('tee()');
    const [left, right] = teeSource(this.#puller(), this.#source);
    const options = { signal: this.#callerSignal, responseFormat: this.#responseFormat };
    return [newStream<T>(() => left, options), newStream<T>(() => right, options)];
  }

  /** Cancels the request; iteration ends quietly, `finalCompletion()` rejects with `APIUserAbortError`. */
  abort(): void {
    if (this.#state !== 'open') return;
    const error = new APIUserAbortError('The stream was aborted before it ended.');
    this.#finish('cancelled', error);
    this.#source.cancel();
    this.#controller.abort(error);
  }

  #take(): ChatCompletionChunk | undefined {
    const chunk = this.#source.take();
    if (chunk !== undefined) this.#accumulator.add(chunk);
    return chunk;
  }

  async #fill(): Promise<boolean> {
    if (this.#state === 'open') {
      try {
        if (await this.#source.fill()) return true;
        this.#finish('ended', undefined);
      } catch (error) {
        this.#finish('failed', error instanceof Error ? error : new ChatwireError(String(error)));
      }
    }
    if (this.#state === 'failed') throw this.#failure;
    return false;
  }

  async #nextSlow(): Promise<IteratorResult<ChatCompletionChunk>> {
    for (;;) {
      if (!(await this.#fill())) return { value: undefined, done: true };
      const chunk = this.#take();
      if (chunk !== undefined) return { value: chunk, done: false };
    }
  }

  async #drain(): Promise<void> {
    try {
      do while (this.#take() !== undefined);
      while (await this.#fill());
    } catch {
      // The failure is already on the final promise.
    }
  }

  #puller(): Omit<ChunkPuller, 'trailer'> {
    return {
      take: () => this.#take(),
      fill: async () => {
        if (await this.#fill()) return true;
        // An abort is no end: a tee branch or an SSE relay must fail rather than look complete.
        if (this.#state === 'cancelled') throw this.#failure;
        return false;
      },
      cancel: () => this.abort(),
    };
  }

  /** Usage that came outside chunks, re-encoded as OpenAI's usage chunk so it survives a proxy. */
  #trailer(): ChatCompletionChunk | undefined {
    const usage = this.#source.sideUsage;
    if (usage === undefined || this.#accumulator.hasUsage) return undefined;
    const { id, created, model } = this.#accumulator.result();
    return { id, object: 'chat.completion.chunk', created, model, choices: [], usage };
  }

  #claim(by: string): void {
    if (this.#claimedBy !== undefined) {
      throw new ChatwireError(
        `This stream is already read by ${this.#claimedBy}; a ChatCompletionStream can be read once. ` +
          'Call stream.tee() first to read it twice.',
      );
    }
    this.#claimedBy = by;
  }

  #finish(state: Exclude<State, 'open'>, failure: Error | undefined): void {
    if (this.#state !== 'open') return;
    this.#state = state;
    this.#failure = failure;
    this.#unlink?.();
    if (failure !== undefined) {
      this.#final.reject(failure);
      return;
    }
    const completion = this.#accumulator.result(this.#source.sideUsage);
    const redactor = this.#source.redactor;
    if (redactor !== undefined) rememberRedactor(completion, redactor);
    this.#final.resolve(completion);
  }

  #failWith(error: Error): void {
    if (this.#state !== 'open') return;
    this.#finish('failed', error);
    this.#source.cancel();
    this.#controller.abort(error);
  }

  readonly #onCallerAbort = (): void => {
    const error = new APIUserAbortError('The request was aborted.', { cause: this.#callerSignal?.reason });
    this.#finish('failed', error);
    this.#source.cancel();
    this.#controller.abort(error);
  };
}

/**
 * Constructs a stream from outside the class body: a class that names itself inside its body is
 * emitted by esbuild as `class _ChatCompletionStream`, and the exported class's `name` would say so.
 */
function newStream<T>(
  source: (signal: AbortSignal) => ChunkSource,
  options: StreamOptions,
): ChatCompletionStream<T> {
  return new ChatCompletionStream<T>(source, options);
}
