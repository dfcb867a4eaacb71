import type { EventSourceMessage } from 'eventsource-parser';
import { noRedaction, type Redactor } from '../errors/redact.js';
import { StreamError } from '../errors/request-errors.js';
import type { ChatCompletionChunk, Usage } from '../schema/chat-completion.js';
import { ChoiceProgress } from './choice-progress.js';
import type { ChunkSource, ReadOptions, StreamConnection, StreamLease } from './chunk-source.js';
import { cancelBody, closeAfterDone } from './close-body.js';
import { streamErrorFromEvent } from './error-frame.js';
import { IdleWatch } from './idle-watch.js';
import { chunkFromEvent, eventFailure } from './read-event.js';
import {
  abortedError,
  connectionLostError,
  cutMidEventError,
  idleError,
  truncatedError,
} from './read-failures.js';
import { SseDecoder } from './sse-decoder.js';

// Settled answers of `fill()` that need no read, shared rather than allocated per call.
const FILLED = Promise.resolve(true);
const ENDED = Promise.resolve(false);

/**
 * Reads one SSE body into chunks: body reader → {@link SseDecoder} → {@link chunkFromEvent} (one
 * `JSON.parse`, the dialect's `unwrapChunk`, normalisation). Decoded chunks wait in a queue that
 * the caller drains with `take()`; the body is only read when the queue is empty.
 *
 * How it ends: an exact `[DONE]` ends it at once, and the body is let finish or cut off shortly
 * after (servers may hold the connection open); an error frame ends it and cancels the body; end
 * of body is clean only after a `finish_reason`; anything else — no ending, half an event, a
 * reset, idleness — throws, so a truncated answer never looks complete. Chunks decoded before a
 * failure are still delivered; nothing after it is.
 */
export class ChunkReader implements ChunkSource {
  sideUsage: Usage | undefined;
  readonly response: Response | undefined;
  readonly requestId: string | undefined;
  readonly redactor: Redactor;
  readonly #reader: ReadableStreamDefaultReader<Uint8Array>;
  readonly #lease: StreamLease;
  readonly #options: ReadOptions;
  readonly #decoder: SseDecoder;
  readonly #idle: IdleWatch | undefined;
  readonly #queue: ChatCompletionChunk[] = [];
  #head = 0;
  #ended = false;
  #failure: Error | undefined;
  readonly #progress: ChoiceProgress;
  #eof = false;
  #idleFired = false;
  #sawData = false;
  #filling: Promise<boolean> | undefined;

  constructor(connection: StreamConnection, options: ReadOptions) {
    this.response = connection.response;
    this.requestId = connection.requestId;
    this.#reader = connection.body.getReader();
    this.#lease = connection.lease;
    this.#options = options;
    this.#progress = new ChoiceProgress(options.validate === 'loose');
    this.redactor = connection.redactor ?? noRedaction;
    const maxEventChars = options.maxEventSize;
    this.#decoder = new SseDecoder(this.#onEvent, {
      ...(maxEventChars ? { maxEventChars } : {}),
      onOverflow: () =>
        this.#stop(
          new StreamError(
            `A single stream event grew past ${maxEventChars} characters (maxResponseBytes) without ending; the stream was stopped.`,
          ),
        ),
    });
    this.#idle = IdleWatch.create(options.idleTimeout, () => {
      this.#idleFired = true;
      this.#lease.abort('idle');
    });
    if (this.#lease.signal.aborted) this.#onAbort();
    else this.#lease.signal.addEventListener('abort', this.#onAbort);
  }

  take(): ChatCompletionChunk | undefined {
    const queue = this.#queue;
    if (this.#head === queue.length) return undefined;
    const chunk = queue[this.#head++];
    if (this.#head === queue.length) {
      queue.length = 0;
      this.#head = 0;
    }
    return chunk;
  }

  fill(): Promise<boolean> {
    if (this.#head < this.#queue.length) return FILLED;
    if (this.#ended) return this.#failure ? Promise.reject(this.#failure) : ENDED;
    // One read at a time: concurrent callers share it. `#fill` always awaits a read before it
    // settles, so its `finally` runs after this assignment.
    this.#filling ??= this.#fill();
    return this.#filling;
  }

  cancel(): void {
    this.#queue.length = 0;
    this.#head = 0;
    this.#stop(undefined);
  }

  async #fill(): Promise<boolean> {
    try {
      while (this.#head === this.#queue.length) {
        if (this.#ended) {
          if (this.#failure) throw this.#failure;
          return false;
        }
        await this.#read();
      }
      return true;
    } finally {
      this.#filling = undefined;
    }
  }

  async #read(): Promise<void> {
    this.#idle?.wait();
    let result: ReadableStreamReadResult<Uint8Array>;
    try {
      result = await this.#reader.read();
    } catch (thrown) {
      this.#stop(
        this.#lease.signal.aborted ? this.#abortError() : connectionLostError(thrown, this.redactor),
      );
      return;
    }
    if (this.#ended) return;
    if (result.done) this.#endOfBody();
    else this.#decoder.push(result.value);
  }

  #endOfBody(): void {
    this.#eof = true;
    this.#decoder.end();
    if (this.#ended) return;
    const emptyOf = this.#sawData ? undefined : (this.response?.headers.get('content-type') ?? null);
    this.#stop(this.#progress.complete ? undefined : truncatedError(this.response ? emptyOf : undefined));
  }

  // One closure per reader, created in the constructor: the parser calls it for every event.
  readonly #onEvent = (message: EventSourceMessage): void => {
    if (this.#ended) return;
    const data = message.data;
    if (message.event === 'error') {
      this.#stop(streamErrorFromEvent(data, this.#options.readError, this.redactor));
      return;
    }
    // An empty `data:` is a keep-alive (copilot-api #88); it does not count as activity either.
    if (data.length === 0) return;
    this.#sawData = true;
    if (data === '[DONE]') {
      this.#stop(undefined, true);
      return;
    }
    try {
      const chunk = chunkFromEvent(data, this.#options, this.redactor, this);
      if (chunk === null && this.#eof) {
        // Only the end of the body completed this event, and its data is not JSON: half an event.
        this.#stop(cutMidEventError());
        return;
      }
      // Any JSON frame is the server at work; text a proxy wrapped as data is a keep-alive.
      if (chunk !== null && this.#idle !== undefined) this.#idle.waiting = false;
      if (chunk) this.#push(chunk);
    } catch (thrown) {
      this.#stop(eventFailure(thrown, data, this.#eof, this.redactor));
    }
  };

  #push(chunk: ChatCompletionChunk): void {
    this.#progress.note(chunk);
    this.#queue.push(chunk);
  }

  #abortError(): Error | undefined {
    if (this.#idleFired) return idleError(this.#options.idleTimeout);
    return this.#ended ? undefined : abortedError(this.#lease.signal.reason);
  }

  readonly #onAbort = (): void => {
    this.#stop(this.#abortError());
  };

  /**
   * Ends reading for good, the first reason winning. A body that did not end by itself is
   * cancelled — after `[DONE]` only once it has had a moment to end cleanly.
   */
  #stop(failure: Error | undefined, done = false): void {
    if (this.#ended) return;
    this.#ended = true;
    this.#failure = failure;
    this.#idle?.stop();
    this.#lease.signal.removeEventListener('abort', this.#onAbort);
    if (this.#eof) this.#lease.release();
    else if (done) closeAfterDone(this.#reader, this.#lease);
    else cancelBody(this.#reader, this.#lease);
  }
}
