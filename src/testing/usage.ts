/** Token counts as OpenAI reports them; vendors add fields (`cost`, details…), kept as given. */
export interface MockUsage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
  [extra: string]: unknown;
}

/** Usage as a builder takes it: `total_tokens` is filled in when left out. */
export interface UsageInput {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens?: number;
  [extra: string]: unknown;
}

/** Fills `total_tokens` from the two counts unless given. */
export const toUsage = (usage: UsageInput): MockUsage => ({
  ...usage,
  total_tokens: usage.total_tokens ?? usage.prompt_tokens + usage.completion_tokens,
});

/** The mock's stand-in for a tokenizer: one token per whitespace-separated word. */
export const countWords = (text: string): number => text.split(/\s+/).filter(Boolean).length;

/** The unix time builders stamp by default, so built objects and encoded bytes are stable. */
export const MOCK_CREATED = 1_700_000_000;
