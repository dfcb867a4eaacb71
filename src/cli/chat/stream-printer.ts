import type { ChatCompletionChunk } from '../../index.js';
import type { Style } from '../style.js';
import type { TrackedOutput } from './tracked-output.js';

type Section = 'none' | 'reasoning' | 'content' | 'tool';

/**
 * Writes a stream's first choice as it arrives: reasoning dimmed (on its own output, so a piped
 * answer stays clean), content as is, each tool call on its own line as `→ name {arguments…}`.
 */
export class StreamPrinter {
  #section: Section = 'none';
  #toolIndex: number | undefined;

  constructor(
    private readonly answer: TrackedOutput,
    private readonly reasoning: TrackedOutput,
    private readonly style: Style,
  ) {}

  add(chunk: ChatCompletionChunk): void {
    const delta = chunk.choices[0]?.delta;
    if (!delta) return;
    // Bifrost echoes reasoning under both names: show it once.
    const thought = delta.reasoning ?? delta.reasoning_content;
    if (thought) {
      this.#enter('reasoning');
      this.reasoning.write(this.style.dim(thought));
    }
    if (delta.content) {
      this.#enter('content');
      this.answer.write(delta.content);
    }
    for (const call of delta.tool_calls ?? []) {
      if (this.#section !== 'tool' || call.index !== this.#toolIndex) {
        this.#enter('tool', true);
        this.#toolIndex = call.index;
        this.answer.write(this.style.cyan(`→ ${call.function?.name ?? 'tool'} `));
      }
      if (call.function?.arguments) this.answer.write(call.function.arguments);
    }
  }

  /** Closes the last line. */
  end(): void {
    this.answer.newline();
    this.reasoning.newline();
  }

  #enter(section: Section, always = false): void {
    if (this.#section === section && !always) return;
    if (this.#section !== 'none') {
      this.reasoning.newline();
      this.answer.newline();
    }
    // A blank line between the thinking and the answer when both share the terminal.
    if (this.#section === 'reasoning' && this.answer === this.reasoning) this.answer.write('\n');
    this.#section = section;
  }
}
