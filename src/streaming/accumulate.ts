import type { ChatCompletion, ChatCompletionChunk, Usage } from '../schema/chat-completion.js';
import { ChoiceAccumulator } from './accumulate-choice.js';
import { withKey } from './safe-keys.js';

type Json = Record<string, unknown>;

/**
 * Builds the `ChatCompletion` a stream amounts to, chunk by chunk, without keeping the chunks:
 * choices apart by `index`, usage from whichever chunk carries it (the last one wins; usage seen
 * outside chunks is the fallback), vendor extras (`extra_fields`, `citations`, …) last-wins.
 */
export class CompletionAccumulator {
  #id = '';
  #model = '';
  #created = 0;
  #usage: Usage | undefined;
  #extras: Json | undefined;
  readonly #choices = new Map<number, ChoiceAccumulator>();
  #last: ChoiceAccumulator | undefined;

  /** True once a chunk carried `usage`. */
  get hasUsage(): boolean {
    return this.#usage !== undefined;
  }

  add(chunk: ChatCompletionChunk): void {
    for (const key in chunk) {
      const value = (chunk as Json)[key];
      if (value === null || value === undefined) continue;
      switch (key) {
        case 'choices':
          this.#addChoices(value as ChatCompletionChunk['choices']);
          break;
        case 'id':
          if (this.#id === '' && typeof value === 'string') this.#id = value;
          break;
        case 'model':
          if (this.#model === '' && typeof value === 'string') this.#model = value;
          break;
        case 'created':
          if (this.#created === 0 && typeof value === 'number') this.#created = value;
          break;
        case 'usage':
          if (typeof value === 'object') this.#usage = value as Usage;
          break;
        // OpenAI's random padding against length side channels: noise in a final answer.
        case 'obfuscation':
        case 'object':
          break;
        default:
          this.#extras = withKey(this.#extras, key, value);
      }
    }
  }

  #addChoices(choices: ChatCompletionChunk['choices']): void {
    for (let i = 0; i < choices.length; i++) {
      const choice = choices[i];
      if (typeof choice !== 'object' || choice === null) continue;
      const index = typeof choice.index === 'number' ? choice.index : i;
      let target = this.#last;
      if (target === undefined || target.index !== index) {
        target = this.#choices.get(index);
        if (target === undefined) {
          target = new ChoiceAccumulator(index);
          this.#choices.set(index, target);
        }
        this.#last = target;
      }
      target.add(choice);
    }
  }

  /** The completion so far; `sideUsage` is used when no chunk carried usage. */
  result(sideUsage?: Usage): ChatCompletion {
    return {
      ...this.#extras,
      id: this.#id,
      object: 'chat.completion',
      created: this.#created,
      model: this.#model,
      choices: [...this.#choices.values()].sort((a, b) => a.index - b.index).map((choice) => choice.result()),
      usage: this.#usage ?? sideUsage ?? null,
    };
  }
}
