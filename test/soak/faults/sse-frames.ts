import type { Reply, SseReply } from '../../../src/testing/index.js';
import type { ServeInput } from './kinds.js';

/** The vendor's stream answer, or a failure to make one (then the fault is not applicable). */
export function asSse(reply: Reply): SseReply {
  if (!('sse' in reply))
    throw new Error(`soak: expected the vendor to stream, got ${Object.keys(reply).join(',')}`);
  return reply;
}

/** Index of the first frame that carries a `finish_reason` (or the frame count when none does). */
export function finishIndex(frames: readonly unknown[]): number {
  const index = frames.findIndex((frame) => {
    const choices = (frame as { choices?: unknown } | null)?.choices;
    return (
      Array.isArray(choices) &&
      choices.some((c) => Boolean((c as { finish_reason?: unknown })?.finish_reason))
    );
  });
  return index === -1 ? frames.length : index;
}

/** A cut point in [min, max] picked by the seeded `param`. */
export function cutAt(param: number, min: number, max: number): number {
  return max <= min ? min : min + (param % (max - min + 1));
}

/** The reply without its `sse` items and `[DONE]` flag, to rebuild it with other items. */
export function keepOptions(reply: SseReply): Omit<SseReply, 'sse' | 'done'> {
  const { sse: _items, done: _done, ...rest } = reply;
  return rest;
}

/** The vendor's frames cut before `finish_reason`: at least `min` frames, never the finishing one. */
export async function cut(input: ServeInput, min: number) {
  const reply = asSse(await input.base());
  const end = finishIndex(reply.sse);
  const at = cutAt(input.param, Math.min(min, end), end);
  return { reply, head: reply.sse.slice(0, at), rest: reply.sse.slice(at) };
}

// Long answers trickle only their start: 3 KB one byte at a time spans several events and splits
// every multi-byte character, without making a 2,000-word answer take minutes.
const TRICKLED_BYTES = 3_000;

/** The bytes as one-byte pieces, then the rest in one piece. */
export function trickle(bytes: Uint8Array): Uint8Array[] {
  const head = Array.from(bytes.subarray(0, TRICKLED_BYTES), (byte) => Uint8Array.of(byte));
  return bytes.length > TRICKLED_BYTES ? [...head, bytes.subarray(TRICKLED_BYTES)] : head;
}
