// The one request and the one answer every client in a benchmark sends and receives, so that
// differences in timing come from the client, never from the payload.

export const BENCH_MODEL = 'gpt-4o-mini';
export const BENCH_API_KEY = 'sk-bench';

export const benchMessages = [
  { role: 'system' as const, content: 'You are a terse assistant.' },
  { role: 'user' as const, content: 'Say hello.' },
];

/** A small, complete OpenAI `chat.completion`, as a real server would send it. */
export const completionJSON = JSON.stringify({
  id: 'chatcmpl-bench0001',
  object: 'chat.completion',
  created: 1_735_689_600,
  model: BENCH_MODEL,
  system_fingerprint: 'fp_bench',
  choices: [
    {
      index: 0,
      message: { role: 'assistant', content: 'Hello! How can I help you today?', refusal: null },
      logprobs: null,
      finish_reason: 'stop',
    },
  ],
  usage: { prompt_tokens: 18, completion_tokens: 9, total_tokens: 27 },
});

/** The text every client must hand back; checked once before timing so a broken client cannot win. */
export const expectedContent = 'Hello! How can I help you today?';
