import type { SseReply } from '../reply.js';
import type { BifrostTurn } from './bifrost-chat.js';
import { bifrostError } from './bifrost-errors.js';
import type { BifrostSettings } from './bifrost-settings.js';
import { bifrostUsage, extraFields } from './bifrost-shapes.js';

/**
 * Bifrost's chat SSE: no role-only chunk, one chunk per content piece (`usage: null`,
 * `extra_fields` with `chunk_index` and per-chunk `latency`), then one synthesized chunk with an
 * empty delta, `finish_reason` and the usage, then `[DONE]`. With `streamError`, a
 * `data: <BifrostError>` frame replaces the rest: the native route still sends `[DONE]` after
 * it, `/openai` closes without.
 */
export const bifrostStream = (
  { echo, served }: BifrostTurn,
  native: boolean,
  settings: BifrostSettings,
): SseReply => {
  const { generation } = settings;
  const base = {
    id: echo.id,
    object: 'chat.completion.chunk',
    created: echo.created,
    model: served.routing.model,
  };
  const frame = (index: number, choice: Record<string, unknown>, usage: unknown, latency: number) => ({
    ...base,
    choices: [choice],
    usage,
    system_fingerprint: '',
    extra_fields: extraFields(generation, served.routing, 'chat_completion_stream', index, latency),
  });

  const error = settings.streamError;
  const pieces = error ? echo.pieces.slice(0, error.after) : echo.pieces;
  const frames: unknown[] = pieces.map((content, index) =>
    frame(index, { index: 0, delta: { content }, finish_reason: null }, null, 1),
  );
  if (error) {
    frames.push(
      bifrostError(generation, {
        status: error.status ?? 500,
        message: error.message ?? 'mock upstream stream error',
        errorType: 'server_error',
        isBifrostError: false,
      }),
    );
  } else {
    const usage = bifrostUsage(generation, settings.costShape, echo.usage);
    // The synthesized last chunk reports the whole stream's latency.
    frames.push(frame(pieces.length, { index: 0, delta: {}, finish_reason: 'stop' }, usage, pieces.length));
  }
  const withHeartbeats = settings.heartbeat
    ? frames.flatMap((item, index) => (index === 0 ? [item] : [{ raw: ': heartbeat\n' }, item]))
    : frames;
  return { sse: withHeartbeats, done: !error || native };
};
