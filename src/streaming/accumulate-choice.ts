import type {
  ChatCompletionChoice,
  ChatCompletionChunkChoice,
  ChatCompletionMessage,
  ReasoningDetail,
} from '../schema/chat-completion.js';
import {
  finishToolCalls,
  mergeAudio,
  mergeFunction,
  mergeReasoningDetails,
  mergeToolCalls,
  type ToolCallState,
} from './accumulate-parts.js';
import { withKey } from './safe-keys.js';
import { TextBuffer } from './text-buffer.js';
import { ToolCallSlots } from './tool-call-slots.js';

type Json = Record<string, unknown>;

/** One choice of a streamed answer, assembled from its deltas. */
export class ChoiceAccumulator {
  readonly index: number;
  readonly #content = new TextBuffer();
  #sawContent = false;
  #refusal: string | undefined;
  #reasoning: string | undefined;
  #reasoningContent: string | undefined;
  #reasoningDetails: ReasoningDetail[] | undefined;
  #toolCalls: Map<number, ToolCallState> | undefined;
  #toolSlots: ToolCallSlots | undefined;
  #functionCall: { name: string; arguments: string } | undefined;
  #audio: Json | undefined;
  #extras: Json | undefined;
  #choiceExtras: Json | undefined;
  #finishReason: string | null = null;
  #logprobs: { content: unknown[] | null; refusal: unknown[] | null } | undefined;

  constructor(index: number) {
    this.index = index;
  }

  add(choice: ChatCompletionChunkChoice): void {
    for (const key in choice) {
      const value = (choice as unknown as Json)[key];
      if (value === null || value === undefined) continue;
      switch (key) {
        case 'delta':
          if (typeof value === 'object') this.#addDelta(value as Json);
          break;
        case 'finish_reason':
          if (typeof value === 'string' && value !== '') this.#finishReason = value;
          break;
        case 'logprobs':
          if (typeof value === 'object') this.#addLogprobs(value as Json);
          break;
        case 'index':
          break;
        default:
          // Choice-level vendor fields (Azure's `content_filter_results`, …): last one wins.
          this.#choiceExtras = withKey(this.#choiceExtras, key, value);
      }
    }
  }

  #addDelta(delta: Json): void {
    for (const key in delta) {
      const value = delta[key];
      if (value !== null && value !== undefined) this.#merge(key, value);
    }
  }

  #merge(key: string, value: unknown): void {
    switch (key) {
      case 'content':
        if (typeof value === 'string') {
          this.#content.append(value);
          this.#sawContent = true;
        }
        return;
      case 'role':
        return;
      case 'refusal':
        if (typeof value === 'string') this.#refusal = (this.#refusal ?? '') + value;
        return;
      case 'reasoning':
        if (typeof value === 'string') this.#reasoning = (this.#reasoning ?? '') + value;
        return;
      case 'reasoning_content':
        if (typeof value === 'string') this.#reasoningContent = (this.#reasoningContent ?? '') + value;
        return;
      case 'reasoning_details':
        if (Array.isArray(value)) {
          this.#reasoningDetails ??= [];
          mergeReasoningDetails(this.#reasoningDetails, value);
        }
        return;
      case 'tool_calls':
        if (Array.isArray(value)) {
          this.#toolCalls ??= new Map();
          this.#toolSlots ??= new ToolCallSlots();
          mergeToolCalls(this.#toolCalls, this.#toolSlots, value);
        }
        return;
      case 'function_call':
        this.#functionCall ??= { name: '', arguments: '' };
        mergeFunction(this.#functionCall, value as Json);
        return;
      case 'audio':
        if (typeof value === 'object') this.#audio = mergeAudio(this.#audio, value as Json);
        return;
      default:
        this.#mergeExtra(key, value);
    }
  }

  /** Fields we do not know: lists (e.g. `annotations`) are appended, anything else is last-wins. */
  #mergeExtra(key: string, value: unknown): void {
    const previous = this.#extras?.[key];
    const next = Array.isArray(value) && Array.isArray(previous) ? previous.concat(value) : value;
    this.#extras = withKey(this.#extras, key, next);
  }

  #addLogprobs(logprobs: Json): void {
    this.#logprobs ??= { content: null, refusal: null };
    const into = this.#logprobs;
    if (Array.isArray(logprobs.content)) into.content = (into.content ?? []).concat(logprobs.content);
    if (Array.isArray(logprobs.refusal)) into.refusal = (into.refusal ?? []).concat(logprobs.refusal);
  }

  result(): ChatCompletionChoice {
    const message: ChatCompletionMessage = {
      ...this.#extras,
      role: 'assistant',
      content: this.#sawContent ? this.#content.toString() : null,
    };
    if (this.#refusal !== undefined) message.refusal = this.#refusal;
    if (this.#reasoning !== undefined) message.reasoning = this.#reasoning;
    if (this.#reasoningContent !== undefined) message.reasoning_content = this.#reasoningContent;
    if (this.#reasoningDetails !== undefined) message.reasoning_details = this.#reasoningDetails;
    if (this.#toolCalls !== undefined) message.tool_calls = finishToolCalls(this.#toolCalls);
    if (this.#functionCall !== undefined) message.function_call = { ...this.#functionCall };
    if (this.#audio !== undefined) message.audio = this.#audio;
    return {
      ...this.#choiceExtras,
      index: this.index,
      message,
      finish_reason: this.#finishReason,
      logprobs: this.#logprobs ?? null,
    };
  }
}
