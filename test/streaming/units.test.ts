import type { EventSourceMessage } from 'eventsource-parser';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ChatCompletionStream } from '../../src/index.js';
import { IdleWatch } from '../../src/streaming/idle-watch.js';
import { SseDecoder } from '../../src/streaming/sse-decoder.js';
import { TextBuffer } from '../../src/streaming/text-buffer.js';
import { bodyOf, bytes, frame } from './helpers.js';

const decoderWith = () => {
  const events: EventSourceMessage[] = [];
  return { events, decoder: new SseDecoder((message) => events.push(message)) };
};

describe('SseDecoder', () => {
  it('dispatches a CR-terminated event at once, and a following LF does not add a blank line', () => {
    const { events, decoder } = decoderWith();
    decoder.push(bytes('data: a\r\r'));
    expect(events.map((e) => e.data)).toEqual(['a']);
    decoder.push(bytes('\ndata: b\r'));
    decoder.push(bytes('\n'));
    expect(events.map((e) => e.data)).toEqual(['a']);
    decoder.push(bytes('\r\n'));
    expect(events.map((e) => e.data)).toEqual(['a', 'b']);
  });

  it('keeps a two-line event together when its CRLF is split', () => {
    const { events, decoder } = decoderWith();
    for (const piece of ['data: 1\r', '\ndata: 2\r', '\n\r', '\n']) decoder.push(bytes(piece));
    expect(events.map((e) => e.data)).toEqual(['1\n2']);
  });

  it('dispatches the last event at end of body even without a blank line, and a BOM is dropped', () => {
    const { events, decoder } = decoderWith();
    decoder.push(Uint8Array.of(0xef, 0xbb));
    decoder.push(Uint8Array.of(0xbf, ...bytes('event: x\ndata: é')));
    expect(events).toEqual([]);
    decoder.end();
    expect(events).toEqual([{ id: undefined, event: 'x', data: 'é' }]);
  });

  it('passes comments by, and hands empty data events on for the caller to skip', () => {
    const { events, decoder } = decoderWith();
    decoder.push(bytes(': keep-alive\n\ndata:\n\n'));
    expect(events.map((e) => e.data)).toEqual(['']);
  });
});

describe('IdleWatch', () => {
  afterEach(() => vi.useRealTimers());

  it('fires only after `ms` of waiting, re-checking a stored start instead of re-arming per event', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    const onIdle = vi.fn();
    const watch = new IdleWatch(100, onIdle);
    watch.wait();
    vi.advanceTimersByTime(60);
    watch.waiting = false; // data arrived
    watch.wait(); // the next read starts waiting again
    vi.advanceTimersByTime(60);
    expect(onIdle).not.toHaveBeenCalled();
    vi.advanceTimersByTime(40);
    // The deadline passed; it fires one event-loop turn later, once unread data had its chance.
    expect(onIdle).not.toHaveBeenCalled();
    vi.advanceTimersToNextTimer();
    expect(onIdle).toHaveBeenCalledTimes(1);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('does not fire when data arrives in the turn after the deadline (a stalled event loop)', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    const onIdle = vi.fn();
    const watch = new IdleWatch(100, onIdle);
    watch.wait();
    vi.advanceTimersByTime(100);
    watch.waiting = false; // the socket was read before the grace turn
    vi.advanceTimersToNextTimer();
    expect(onIdle).not.toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('keeps no timer while nobody waits (a caller between reads)', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    const onIdle = vi.fn();
    const watch = new IdleWatch(50, onIdle);
    watch.wait();
    watch.waiting = false;
    vi.advanceTimersByTime(1_000);
    expect(onIdle).not.toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('is off for 0 or Infinity, and stop() clears its timer', () => {
    expect(IdleWatch.create(0, () => {})).toBeUndefined();
    expect(IdleWatch.create(Number.POSITIVE_INFINITY, () => {})).toBeUndefined();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    const watch = IdleWatch.create(10, () => {})!;
    watch.wait();
    watch.stop();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('waits in steps when the timeout is beyond setTimeout’s range', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    const onIdle = vi.fn();
    const watch = new IdleWatch(3_000_000_000, onIdle);
    watch.wait();
    vi.advanceTimersByTime(2_147_483_647);
    expect(onIdle).not.toHaveBeenCalled();
    vi.advanceTimersByTime(3_000_000_000 - 2_147_483_647);
    vi.advanceTimersToNextTimer();
    expect(onIdle).toHaveBeenCalledTimes(1);
  });
});

describe('TextBuffer', () => {
  it('joins many pieces in order', () => {
    const buffer = new TextBuffer();
    for (let i = 0; i < 1_000; i++) buffer.append(`${i},`);
    expect(buffer.toString()).toBe(Array.from({ length: 1_000 }, (_, i) => `${i},`).join(''));
    buffer.append('end');
    expect(buffer.toString().endsWith('999,end')).toBe(true);
  });
});

describe('ChatCompletionStream iterator', () => {
  it('serves concurrent next() calls in order, losing and repeating nothing', async () => {
    const pieces = Array.from({ length: 6 }, (_, i) => frame({ content: `${i}` }, i === 5 ? 'stop' : null));
    const iterator = ChatCompletionStream.fromReadableStream(bodyOf([...pieces, 'data: [DONE]\n\n']))[
      Symbol.asyncIterator
    ]();
    const results = await Promise.all(Array.from({ length: 8 }, () => iterator.next()));
    expect(results.map((r) => (r.done ? 'done' : r.value.choices[0]?.delta.content))).toEqual([
      '0',
      '1',
      '2',
      '3',
      '4',
      '5',
      'done',
      'done',
    ]);
  });
});
