import type { ChatEcho } from '../chat-echo.js';
import type { SseReply } from '../reply.js';

/** The in-band error `type`s the gateway writes into a stream after HTTP 200. */
export type MorpheusStreamErrorType =
  | 'proxy_error'
  | 'gateway_error'
  | 'retry_failed'
  | 'empty_response_error'
  | 'tool_processing_error'
  | 'unexpected_empty_response'
  | 'tool_call_processing_failure';

/** How the mock Morpheus frames a stream. */
export interface MorpheusStreamOptions {
  /** End with `data: [DONE]`; the captured gateway stream simply ended. @defaultValue false */
  readonly done: boolean;
  /** Where the `{ usage_from_provider }` frame goes, if anywhere. @defaultValue `'before-finish'` */
  readonly usageFrame: 'before-finish' | 'after-finish' | 'none';
  /** Replace the rest of the stream after `after` content chunks with `data: {"error":{…}}`. */
  readonly streamError: { after: number; type?: MorpheusStreamErrorType; message?: string } | undefined;
}

// Azure-style filter verdicts some upstreams attach to every choice.
const contentFilterResults = {
  hate: { filtered: false, severity: 'safe' },
  self_harm: { filtered: false, severity: 'safe' },
  sexual: { filtered: false, severity: 'safe' },
  violence: { filtered: false, severity: 'safe' },
};

/**
 * The gateway's pass-through SSE: a role chunk, content chunks with `system_fingerprint: ""` and
 * `content_filter_results`, the last one carrying `finish_reason: 'stop'`, a
 * `{ usage_from_provider }` frame, and by default no `[DONE]`.
 */
export const morpheusStream = (echo: ChatEcho, options: MorpheusStreamOptions): SseReply => {
  const base = { id: echo.id, object: 'chat.completion.chunk', created: echo.created, model: echo.model };
  const frame = (delta: Record<string, unknown>, finish: string | null) => ({
    ...base,
    choices: [{ index: 0, delta, finish_reason: finish, content_filter_results: contentFilterResults }],
    system_fingerprint: '',
  });
  const { usage } = echo;
  const usageFrame = {
    usage_from_provider: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens },
  };
  const error = options.streamError;
  const pieces = error ? echo.pieces.slice(0, error.after) : echo.pieces;
  const frames: unknown[] = [frame({ role: 'assistant' }, null)];
  for (const [index, content] of pieces.entries()) {
    const last = !error && index === pieces.length - 1;
    if (last && options.usageFrame === 'before-finish') frames.push(usageFrame);
    frames.push(frame({ content }, last ? 'stop' : null));
  }
  if (error) {
    const type = error.type ?? 'proxy_error';
    const message = error.message ?? 'mock proxy-router failure';
    frames.push({ error: { message, type, status: 502, session_id: null } });
  } else if (options.usageFrame === 'after-finish') frames.push(usageFrame);
  return { sse: frames, done: options.done && !error };
};
