/** Which generation of Bifrost's response fields to speak (see the vendor notes' version table). */
export type BifrostGeneration = 2025 | 2026;

/** How `usage.cost` is spelled: 2026 nested, 2025 flat, a bare total, or left out. */
export type BifrostCostShape = 'nested' | 'flat' | 'number' | 'none';

/** Where an answer came from, for `extra_fields` and the `x-bifrost-*` headers. */
export interface BifrostRouting {
  readonly provider: string;
  readonly model: string;
  /** The model that failed first, when a fallback answered. */
  readonly primary?: { readonly provider: string; readonly model: string };
}

/** `extra_fields` of one body or chunk. */
export const extraFields = (
  generation: BifrostGeneration,
  routing: BifrostRouting,
  requestType: string,
  chunkIndex: number,
  latency: number,
): Record<string, unknown> => {
  const { provider, model, primary } = routing;
  if (generation === 2025) return { provider, model_requested: model, latency, chunk_index: chunkIndex };
  const fallback = primary
    ? { is_fallback: true, primary_provider: primary.provider, primary_model: primary.model }
    : {};
  return {
    request_type: requestType,
    routing_info: { provider, model, ...fallback },
    provider,
    original_model_requested: model,
    resolved_model_used: model,
    latency,
    chunk_index: chunkIndex,
  };
};

// Mock prices in USD per token, so costs are predictable: 1e-6 in, 2e-6 out.
const round = (usd: number): number => Math.round(usd * 1e12) / 1e12;

/** The total cost the mock charges for these token counts. */
export const mockCost = (prompt: number, completion: number): number =>
  round(prompt * 1e-6 + completion * 2e-6);

const costOf = (shape: BifrostCostShape, prompt: number, completion: number): unknown => {
  const input = round(prompt * 1e-6);
  const output = round(completion * 2e-6);
  const total = mockCost(prompt, completion);
  if (shape === 'number') return total;
  if (shape === 'flat') {
    return { input_tokens_cost: input, output_tokens_cost: output, request_cost: 0, total_cost: total };
  }
  return { input_cost: input, output_cost: output, additional_cost: 0, total_cost: total };
};

/** Bifrost's `usage`, with the token details and `cost` of the given generation. */
export const bifrostUsage = (
  generation: BifrostGeneration,
  costShape: BifrostCostShape,
  { prompt_tokens, completion_tokens }: { prompt_tokens: number; completion_tokens: number },
): Record<string, unknown> => {
  const promptDetails =
    generation === 2025
      ? { audio_tokens: 0, cached_tokens: 0 }
      : {
          text_tokens: prompt_tokens,
          audio_tokens: 0,
          image_tokens: 0,
          cached_read_tokens: 0,
          cached_write_tokens: 0,
          cached_tokens: 0,
          cache_write_tokens: 0,
        };
  return {
    prompt_tokens,
    completion_tokens,
    total_tokens: prompt_tokens + completion_tokens,
    prompt_tokens_details: promptDetails,
    completion_tokens_details: { reasoning_tokens: 0 },
    ...(costShape === 'none' ? {} : { cost: costOf(costShape, prompt_tokens, completion_tokens) }),
  };
};
