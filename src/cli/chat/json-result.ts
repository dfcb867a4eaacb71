import { type ChatCompletion, parseCitations, type Run, type UploadedFile } from '../../index.js';
import type { Endpoint } from '../endpoint.js';

/** Everything `--json` reports about one answer. */
export interface JsonResultInput {
  readonly endpoint: Endpoint;
  readonly completion: ChatCompletion;
  readonly requestId: string | undefined;
  readonly elapsedMs: number;
  readonly run?: Run | undefined;
  readonly files?: readonly UploadedFile[];
}

/**
 * The `--json` result: the answer's main fields flattened for `jq`, and the whole normalised
 * completion under `completion`.
 */
export const jsonResult = (input: JsonResultInput): Record<string, unknown> => {
  const { endpoint, completion } = input;
  const message = completion.choices[0]?.message;
  const content = message?.content ?? null;
  return {
    ok: true,
    dialect: endpoint.name,
    baseURL: endpoint.baseURL,
    model: completion.model,
    requestId: input.requestId ?? null,
    content,
    reasoning: message?.reasoning ?? message?.reasoning_content ?? null,
    toolCalls: message?.tool_calls ?? [],
    finishReason: completion.choices[0]?.finish_reason ?? null,
    usage: completion.usage ?? null,
    elapsedMs: input.elapsedMs,
    ...(completion.extra_fields ? { extraFields: completion.extra_fields } : {}),
    ...(endpoint.name === 'caesar' && typeof content === 'string'
      ? { citations: parseCitations(content) }
      : {}),
    ...(input.run
      ? { run: { id: input.run.id, status: input.run.status, vendorStatus: input.run.vendorStatus } }
      : {}),
    ...(input.files && input.files.length > 0 ? { files: input.files } : {}),
    completion,
  };
};

/** The `--json` answer for a failure, so CI can read why. */
export const jsonFailure = (error: unknown, message: string): Record<string, unknown> => {
  const fields = (error ?? {}) as Record<string, unknown>;
  const pick = (key: string) => (fields[key] === undefined ? {} : { [key]: fields[key] });
  return {
    ok: false,
    error: {
      name: error instanceof Error ? error.name : 'Error',
      message,
      ...pick('status'),
      ...pick('code'),
      ...pick('type'),
      ...pick('requestId'),
    },
  };
};
