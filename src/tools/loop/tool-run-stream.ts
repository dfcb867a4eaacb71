import type { ChatMessage } from '../../schema/chat-params.js';
import { settleable } from '../../streaming/settleable.js';
import type { LoopPort } from '../../structured/loop-port.js';
import type { ToolRunEvent, ToolRunResult } from '../../structured/tool-run-types.js';

/** Starts a run whose events go to `emit`; `signal` is the stream's own (its `abort()`). */
export type RunStarter = (
  signal: AbortSignal,
  emit: ((event: ToolRunEvent) => void) | undefined,
) => Promise<ToolRunResult>;

/**
 * A streamed tool run (`runTools({ …, stream: true })`): an async iterable of {@link ToolRunEvent}s
 * — every chunk of every step, each tool result as it settles, each finished step — read once.
 * The first request is sent when the run is first read (iterated, or `finalCompletion()` awaited).
 *
 * @example
 * const run = client.chat.completions.runTools({ model, messages, tools: [weather], stream: true });
 * for await (const text of run.textStream) process.stdout.write(text);
 * const { messages: conversation } = await run.finalCompletion();
 */
export class ToolRunStream<T = unknown, M = ChatMessage> implements AsyncIterable<ToolRunEvent> {
  readonly #port: LoopPort;
  readonly #start: RunStarter;
  readonly #controller = new AbortController();
  readonly #result = settleable<ToolRunResult<T, M>>();
  readonly #events: ToolRunEvent[] = [];
  #wake: (() => void) | undefined;
  #claimedBy: string | undefined;
  #ended = false;
  #failure: unknown;

  /** @internal Made by `client.chat.completions.runTools({ …, stream: true })`. */
  constructor(port: LoopPort, start: RunStarter) {
    this.#port = port;
    this.#start = start;
  }

  [Symbol.asyncIterator](): AsyncIterator<ToolRunEvent> {
    this.#claim('a for await loop', true);
    return {
      next: () => this.#next(),
      // `break` inside the loop: abort the run, end quietly.
      return: () => {
        this.abort();
        return Promise.resolve({ value: undefined, done: true });
      },
    };
  }

  /** The content deltas of every step's answer, as strings. */
  get textStream(): AsyncIterable<string> {
    const run = this;
    return {
      async *[Symbol.asyncIterator]() {
        for await (const event of run) {
          if (event.type !== 'chunk') continue;
          const content = event.chunk.choices.find((choice) => choice.index === 0)?.delta?.content;
          if (typeof content === 'string' && content !== '') yield content;
        }
      },
    };
  }

  /**
   * The run's result, as `runTools` without `stream` resolves it. Runs the loop to the end unless
   * a loop reads the events (or starts to in the same tick), in which case it settles when that is done.
   */
  finalCompletion(): Promise<ToolRunResult<T, M>> {
    if (this.#claimedBy === undefined) {
      queueMicrotask(() => {
        if (this.#claimedBy === undefined) this.#claim('finalCompletion()', false);
      });
    }
    return this.#result.promise();
  }

  /** Aborts the request in flight and the tools running; iteration ends quietly. */
  abort(): void {
    this.#controller.abort(this.#port.aborted('The tool run was aborted.'));
  }

  #claim(by: string, listen: boolean): void {
    if (this.#claimedBy !== undefined) {
      throw this.#port.misuse(`This tool run is already read by ${this.#claimedBy}; it can be read once.`);
    }
    this.#claimedBy = by;
    const emit = listen ? (event: ToolRunEvent) => this.#push(event) : undefined;
    this.#start(this.#controller.signal, emit).then(
      (result) => this.#end(undefined, () => this.#result.resolve(result as ToolRunResult<T, M>)),
      (error: unknown) => this.#end(error, () => this.#result.reject(this.#asError(error))),
    );
  }

  #push(event: ToolRunEvent): void {
    this.#events.push(event);
    this.#wake?.();
  }

  #end(failure: unknown, settle: () => void): void {
    this.#ended = true;
    this.#failure = failure;
    settle();
    this.#wake?.();
  }

  async #next(): Promise<IteratorResult<ToolRunEvent>> {
    for (;;) {
      const event = this.#events.shift();
      if (event !== undefined) return { value: event, done: false };
      if (this.#ended) {
        // Our own abort() (or break) ends quietly; the caller's signal or a failure throws.
        if (this.#failure !== undefined && !this.#controller.signal.aborted) throw this.#failure;
        return { value: undefined, done: true };
      }
      await new Promise<void>((resolve) => {
        this.#wake = resolve;
      });
      this.#wake = undefined;
    }
  }

  #asError(error: unknown): Error {
    return error instanceof Error ? error : this.#port.misuse(String(error));
  }
}
