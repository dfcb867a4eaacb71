import { APIConnectionError } from '../errors/connection-errors.js';
import type { Redactor } from '../errors/redact.js';
import type { ChatCompletionChunk, Usage } from '../schema/chat-completion.js';
import { ChunkReader } from './chunk-reader.js';
import type { ChunkSource, Connector, ReadOptions } from './chunk-source.js';

/**
 * The chunks of an HTTP stream: opens the request through a {@link Connector} (at `open()`, or at
 * the first read for a lazy stream) and re-opens it after a connection failure, but only while
 * no chunk has reached the caller (langchainjs #4196, openai-python #2699): once one has, a
 * retry could repeat or contradict it, so the error is surfaced instead.
 */
export class ConnectedSource implements ChunkSource {
  readonly #connector: Connector;
  readonly #options: ReadOptions;
  #reader: ChunkReader | undefined;
  #opening: Promise<void> | undefined;
  #filling: Promise<boolean> | undefined;
  #delivered = false;
  #cancelled = false;

  constructor(connector: Connector, options: ReadOptions) {
    this.#connector = connector;
    this.#options = options;
  }

  get sideUsage(): Usage | undefined {
    return this.#reader?.sideUsage;
  }

  get response(): Response | undefined {
    return this.#reader?.response;
  }

  get requestId(): string | undefined {
    return this.#reader?.requestId;
  }

  get redactor(): Redactor | undefined {
    return this.#reader?.redactor;
  }

  /** Sends the request; resolves at response headers. Safe to call again (shares the attempt). */
  open(): Promise<void> {
    this.#opening ??= this.#open();
    return this.#opening;
  }

  take(): ChatCompletionChunk | undefined {
    const chunk = this.#reader?.take();
    if (chunk !== undefined) this.#delivered = true;
    return chunk;
  }

  /** Concurrent callers (two `next()` not awaited in turn) share one fill, so a retry opens one request. */
  fill(): Promise<boolean> {
    this.#filling ??= this.#fill().finally(() => {
      this.#filling = undefined;
    });
    return this.#filling;
  }

  async #fill(): Promise<boolean> {
    for (;;) {
      if (this.#reader === undefined) await this.open();
      const reader = this.#reader;
      if (this.#cancelled || reader === undefined) return false;
      try {
        return await reader.fill();
      } catch (error) {
        if (!(await this.#mayRetry(error))) throw error;
        if (this.#cancelled) return false;
        this.#reader = undefined;
        this.#opening = undefined;
      }
    }
  }

  cancel(): void {
    this.#cancelled = true;
    this.#reader?.cancel();
  }

  async #open(): Promise<void> {
    const connection = await this.#connector.open();
    this.#reader = new ChunkReader(connection, this.#options);
    // Aborted while the request was in flight: close what just opened.
    if (this.#cancelled) this.#reader.cancel();
  }

  async #mayRetry(error: unknown): Promise<boolean> {
    if (this.#delivered || this.#cancelled || !(error instanceof APIConnectionError)) return false;
    return this.#connector.retry(error);
  }
}
