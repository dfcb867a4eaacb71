import type { ChatCompletionChunk } from '../schema/chat-completion.js';
import { ToolCallSlots } from './tool-call-slots.js';

type LooseChoice = { index?: unknown; finish_reason?: unknown; delta?: { tool_calls?: unknown } } | null;

/**
 * What a stream's chunks have said so far about each choice: whether it has finished, and (when
 * `placeToolCalls`, for `validate: 'loose'`) which call each index-less tool-call delta belongs to,
 * written into the delta so that callers and the accumulator agree.
 */
export class ChoiceProgress {
  /** By choice index: `true` once it has a finish reason. */
  readonly #finished = new Map<number, boolean>();
  #unfinished = 0;
  #slots: Map<number, ToolCallSlots> | undefined;

  constructor(readonly placeToolCalls: boolean) {}

  /** True once a choice has finished and every choice seen has: only then may the body end. */
  get complete(): boolean {
    return this.#finished.size > 0 && this.#unfinished === 0;
  }

  note(chunk: ChatCompletionChunk): void {
    const choices = chunk.choices as LooseChoice[];
    for (let position = 0; position < choices.length; position++) {
      const choice = choices[position];
      const index = typeof choice?.index === 'number' ? choice.index : position;
      if (this.placeToolCalls) this.#place(choice?.delta?.tool_calls, index);
      const known = this.#finished.get(index);
      if (known === true) continue;
      if (choice?.finish_reason) {
        this.#finished.set(index, true);
        if (known === false) this.#unfinished--;
      } else if (known === undefined) {
        this.#finished.set(index, false);
        this.#unfinished++;
      }
    }
  }

  #place(calls: unknown, choice: number): void {
    if (!Array.isArray(calls)) return;
    this.#slots ??= new Map();
    let slots = this.#slots.get(choice);
    if (slots === undefined) {
      slots = new ToolCallSlots();
      this.#slots.set(choice, slots);
    }
    const placed = slots.place(calls);
    for (let i = 0; i < calls.length; i++) {
      const call = calls[i] as { index?: unknown } | null;
      if (typeof call === 'object' && call !== null && typeof call.index !== 'number') call.index = placed[i];
    }
  }
}
