import type { MockErrorInput } from '../mock-dialect.js';
import type { ErrorReply } from '../reply.js';
import type { BifrostGeneration } from './bifrost-shapes.js';

/** Fields of a `BifrostError` body. */
export interface BifrostErrorInput {
  readonly status: number;
  readonly message: string;
  /** Top-level `type`: the governance reason (`rate_limited`, `budget_exceeded`…). */
  readonly type?: string;
  /** `error.type` */
  readonly errorType?: string;
  readonly code?: string;
  readonly isBifrostError?: boolean;
  readonly extraFields?: Record<string, unknown>;
}

/** Governance reasons Bifrost puts in the top-level `type` for these statuses. */
const governance: Record<number, string> = {
  401: 'virtual_key_required',
  402: 'budget_exceeded',
  403: 'virtual_key_blocked',
  429: 'rate_limited',
};

/**
 * A `BifrostError`: `{ type?, is_bifrost_error, status_code, error: { message, type?, code? }, extra_fields }`,
 * the same body on `/v1` and `/openai`. `extra_fields` is `{ routing_info: {} }` on plain
 * validation errors of the 2026 generation.
 */
export const bifrostError = (
  generation: BifrostGeneration,
  input: BifrostErrorInput,
): Record<string, unknown> => {
  const type = input.type ?? governance[input.status];
  return {
    ...(type === undefined ? {} : { type }),
    is_bifrost_error: input.isBifrostError ?? input.status >= 500,
    status_code: input.status,
    error: {
      message: input.message,
      ...(input.errorType === undefined ? {} : { type: input.errorType }),
      ...(input.code === undefined ? {} : { code: input.code }),
    },
    extra_fields: input.extraFields ?? (generation === 2025 ? {} : { routing_info: {} }),
  };
};

/** The dialect's `errorBody`: a scripted `type` is the governance reason, `code` goes in `error`. */
export const bifrostErrorBody =
  (generation: BifrostGeneration) =>
  ({ status, message, type, code }: MockErrorInput): unknown =>
    bifrostError(generation, {
      status,
      message,
      ...(type === undefined ? {} : { type }),
      ...(code === undefined ? {} : { code }),
    });

/** An error reply carrying a full BifrostError body. */
export const bifrostErrorReply = (generation: BifrostGeneration, input: BifrostErrorInput): ErrorReply => ({
  error: input.status,
  body: bifrostError(generation, input),
});
