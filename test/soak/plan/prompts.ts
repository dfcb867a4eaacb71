import { int, pick, type Rng } from './prng.js';

// Words that stress decoding and framing: multi-byte UTF-8 (2, 3 and 4 bytes), U+2028 (a line
// break to old decoders, not to SSE), SSE look-alikes inside content, JSON escapes and CR/LF.
const WORDS = [
  'hello',
  'soak',
  'naïve',
  'façade',
  'Ωmega',
  '東京',
  '数据流',
  '한국어',
  '🎉',
  '👩‍💻',
  '𝄞',
  'line\u2028sep',
  'para\u2029sep',
  'data: [DONE]',
  '[DONE]',
  'event: error',
  '"quoted"',
  'back\\slash',
  'tab\there',
  'cr\r\nlf',
  '{"json":1}',
  '<html>',
  '—',
] as const;

/**
 * A user message drawn from {@link WORDS}, deterministic for `rng`: 1–40 words, and one time in
 * twenty 400–2,000 (answers of many events, bodies over many TCP segments).
 */
export function prompt(rng: Rng): string {
  const words: string[] = [];
  const count = rng() < 0.05 ? int(rng, 400, 2_000) : int(rng, 1, 40);
  for (let i = 0; i < count; i++) words.push(pick(rng, WORDS));
  return words.join(pick(rng, [' ', '  ', ' \n']));
}

/** Upload bytes: any byte values, 1 B to 48 KiB, deterministic for `rng`. */
export function fileBytes(rng: Rng): Uint8Array {
  const bytes = new Uint8Array(int(rng, 1, 48 * 1024));
  for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(rng() * 256);
  return bytes;
}

/** A file name with Unicode in it, unique per call. */
export function fileName(rng: Rng, index: number): string {
  return `${pick(rng, ['report', 'données', '報告', 'отчёт', 'notes 🎉'])}-${index}.bin`;
}
