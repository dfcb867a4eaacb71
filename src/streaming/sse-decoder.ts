import { createParser, type EventSourceMessage, type EventSourceParser } from 'eventsource-parser';

/** Receives each SSE event that carries data (comments never reach it). */
export type SseEventHandler = (message: EventSourceMessage) => void;

// Hoisted so that decoding a read allocates no options object.
const STREAM = { stream: true } as const;
const CR = 13;
const LF = 10;

/**
 * Bytes in, SSE events out, with no line splitter of our own: a streaming `TextDecoder` keeps
 * multi-byte characters that straddle two reads intact and drops a leading BOM (openai-node #1316,
 * ollama-js #255), and eventsource-parser ≥ 3.0.4 frames the text — LF, CR, CRLF and mixed
 * endings, a CRLF split across reads (eventsource-parser #17), `data:` with or without the space,
 * comments, multi-line data. U+2028 is not a line break for either (openai-node #757).
 */
export class SseDecoder {
  readonly #decoder = new TextDecoder();
  readonly #parser: EventSourceParser;
  #pendingLF = false;
  #overflowed = false;

  /**
   * `maxEventChars` bounds one event still being received (an endless `data:` line would
   * otherwise grow without limit while bytes keep the idle timer quiet); `onOverflow` is told once.
   */
  constructor(onEvent: SseEventHandler, limits: { maxEventChars?: number; onOverflow?: () => void } = {}) {
    this.#parser = createParser({
      onEvent,
      ...(limits.maxEventChars ? { maxBufferSize: limits.maxEventChars } : {}),
      onError: (error) => {
        if (error.type !== 'max-buffer-size-exceeded' || this.#overflowed) return;
        this.#overflowed = true;
        limits.onOverflow?.();
      },
    });
  }

  /** Decodes one read of the body; events it completes are dispatched before this returns. */
  push(bytes: Uint8Array): void {
    this.#feed(this.#decoder.decode(bytes, STREAM));
  }

  /**
   * The body ended. A last event that was never followed by a blank line is dispatched anyway
   * (openai-node #2725 lost `finish_reason` that way); whether its data is whole is for the
   * caller to judge.
   */
  end(): void {
    this.#feed(this.#decoder.decode());
    this.#parser.feed('\n\n');
  }

  /**
   * A read that ends in CR is a finished line, but the parser holds it back in case an LF follows
   * (openai-node #2309: CR-delimited events waited for the next bytes, or forever). We complete
   * it as CRLF now and drop the LF if the next read does start with one.
   */
  #feed(text: string): void {
    // The parser refuses input once it overflowed; the reader has already failed the stream.
    if (this.#overflowed) return;
    let start = 0;
    if (this.#pendingLF && text.length > 0) {
      this.#pendingLF = false;
      if (text.charCodeAt(0) === LF) start = 1;
    }
    if (text.charCodeAt(text.length - 1) === CR) {
      this.#pendingLF = true;
      this.#parser.feed(`${start === 0 ? text : text.slice(start)}\n`);
    } else if (text.length > start) {
      this.#parser.feed(start === 0 ? text : text.slice(start));
    }
  }
}
