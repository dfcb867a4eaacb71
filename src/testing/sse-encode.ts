import type { LineEnding, SseFrame } from './reply.js';

/** How {@link sseEncode} frames its items. */
export interface SseEncodeOptions {
  /** Append `data: [DONE]`. @defaultValue true */
  done?: boolean;
  /** @defaultValue `'\n'` */
  lineEnding?: LineEnding;
}

const optionalString = (value: unknown): boolean => value === undefined || typeof value === 'string';

/**
 * True when `item` is a control {@link SseFrame} rather than a payload to JSON-encode: its keys must
 * be exactly one frame's keys, so a vendor payload such as `{ success, data }` stays a payload.
 */
export const isSseFrame = (item: unknown): item is SseFrame => {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) return false;
  const fields = item as Record<string, unknown>;
  switch (Object.keys(fields).sort().join(',')) {
    case 'raw':
      return typeof fields.raw === 'string' || fields.raw instanceof Uint8Array;
    case 'comment':
      return typeof fields.comment === 'string';
    case 'pauseMs':
      return typeof fields.pauseMs === 'number';
    case 'data':
    case 'data,event':
    case 'data,id':
    case 'data,event,id':
      return typeof fields.data === 'string' && optionalString(fields.event) && optionalString(fields.id);
    default:
      return false;
  }
};

/**
 * Encodes one item of an `sse` reply. Pauses encode to `''`; raw bytes come back untouched.
 */
export const encodeSseItem = (item: unknown, lineEnding: LineEnding = '\n'): string | Uint8Array => {
  const end = lineEnding;
  if (!isSseFrame(item)) return `data: ${JSON.stringify(item)}${end}${end}`;
  if ('raw' in item) return item.raw;
  if ('comment' in item) return `: ${item.comment}${end}${end}`;
  if ('pauseMs' in item) return '';
  let text = '';
  if (item.event !== undefined) text += `event: ${item.event}${end}`;
  if (item.id !== undefined) text += `id: ${item.id}${end}`;
  for (const line of item.data.split('\n')) text += `data: ${line}${end}`;
  return text + end;
};

/** The `data: [DONE]` terminator OpenAI-style streams end with. */
export const sseDone = (lineEnding: LineEnding = '\n'): string => `data: [DONE]${lineEnding}${lineEnding}`;

/**
 * The bytes an `sse` reply with these items would send, decoded as one UTF-8 string (use
 * {@link sseEncodeBytes} when raw frames hold bytes that are not valid UTF-8).
 *
 * @example
 * sseEncode([chunk({ content: 'Hi' }), { comment: 'ping' }], { done: false });
 */
export const sseEncode = (items: readonly unknown[], options: SseEncodeOptions = {}): string =>
  new TextDecoder().decode(sseEncodeBytes(items, options));

/** Like {@link sseEncode}, as bytes. */
export const sseEncodeBytes = (items: readonly unknown[], options: SseEncodeOptions = {}): Uint8Array => {
  const { done = true, lineEnding = '\n' } = options;
  const encoder = new TextEncoder();
  const parts = items.map((item) => encodeSseItem(item, lineEnding));
  if (done) parts.push(sseDone(lineEnding));
  const bytes = parts.map((part) => (typeof part === 'string' ? encoder.encode(part) : part));
  const out = new Uint8Array(bytes.reduce((size, part) => size + part.byteLength, 0));
  let offset = 0;
  for (const part of bytes) {
    out.set(part, offset);
    offset += part.byteLength;
  }
  return out;
};
