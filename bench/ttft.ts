// Time to first chunk: from the call to the first parsed chunk in the caller's hands, against a
// loopback SSE server in its own process that sends the first event with the headers and the
// rest 2 ms later. Raw fetch (read until the first blank line, JSON.parse) is the baseline. Each
// figure is the median over rounds of the per-round median; the phases show where time goes.
// Run: npx tsx bench/ttft.ts   Env: BENCH_N (400 streams per round), BENCH_ROUNDS (7)
import OpenAI from 'openai';
import { createClient } from '../src/index.js';
import { intFromEnv, reproduceCommand } from './lib/bench-env.js';
import { startSseServer } from './lib/sse-loopback-server.js';
import { streamParams } from './lib/sse-stream-fixture.js';
import { median } from './lib/stats.js';

const perRound = intFromEnv('BENCH_N', 400);
const rounds = intFromEnv('BENCH_ROUNDS', 7);

/** µs from the call to: `fetch()` being called, response headers in hand, the first chunk. */
interface Timing {
  fetch: number;
  headers: number;
  first: number;
}
type Contender = { name: string; run(): Promise<Timing> };

// Every client gets a fetch that notes when it is called; the note costs a `performance.now()`.
let fetchCalledAt = 0;
const spyFetch: typeof fetch = (input, init) => {
  fetchCalledAt = performance.now();
  return fetch(input, init);
};

const server = await startSseServer();
try {
  const baseURL = `${server.origin}/v1`;
  const url = `${baseURL}/chat/completions`;
  const body = JSON.stringify(streamParams);
  const headers = {
    'content-type': 'application/json',
    accept: 'text/event-stream',
    authorization: 'Bearer sk-bench',
  };
  const since = (started: number, at: number) => (at - started) * 1000;

  const rawFetch: Contender = {
    name: 'fetch (baseline)',
    async run() {
      const started = performance.now();
      const response = await spyFetch(url, { method: 'POST', headers, body });
      const headersAt = performance.now();
      const reader = response.body!.getReader();
      const decoder = new TextDecoder();
      let text = '';
      let firstAt = Number.NaN;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        text += decoder.decode(value, { stream: true });
        const end = text.indexOf('\n\n');
        if (Number.isNaN(firstAt) && end !== -1) {
          JSON.parse(text.slice(6, end));
          firstAt = performance.now();
        }
      }
      return {
        fetch: since(started, fetchCalledAt),
        headers: since(started, headersAt),
        first: since(started, firstAt),
      };
    },
  };

  /** Reads `stream` to the end; the timing of its first chunk. */
  const timed = async (
    started: number,
    headersAt: number,
    stream: AsyncIterable<unknown>,
  ): Promise<Timing> => {
    let firstAt = Number.NaN;
    for await (const _ of stream) if (Number.isNaN(firstAt)) firstAt = performance.now();
    return {
      fetch: since(started, fetchCalledAt),
      headers: since(started, headersAt),
      first: since(started, firstAt),
    };
  };

  const chatwire = createClient({ baseURL, apiKey: 'sk-bench', maxRetries: 0, fetch: spyFetch });
  const openai = new OpenAI({ baseURL, apiKey: 'sk-bench', maxRetries: 0, fetch: spyFetch });
  const contenders: Contender[] = [
    rawFetch,
    {
      name: 'chatwire create({ stream: true })',
      async run() {
        const started = performance.now();
        const stream = await chatwire.chat.completions.create(streamParams);
        return timed(started, performance.now(), stream);
      },
    },
    {
      name: 'chatwire stream() (lazy)',
      async run() {
        const started = performance.now();
        return timed(started, Number.NaN, chatwire.chat.completions.stream(streamParams));
      },
    },
    {
      name: 'openai-node (openai@6)',
      async run() {
        const started = performance.now();
        const stream = await openai.chat.completions.create(streamParams);
        return timed(started, performance.now(), stream);
      },
    },
  ];

  for (const contender of contenders) for (let i = 0; i < 100; i++) await contender.run();

  const samples = new Map<string, Timing[]>(contenders.map((c) => [c.name, []]));
  for (let round = 0; round < rounds; round++) {
    for (let slot = 0; slot < contenders.length; slot++) {
      const contender = contenders[(round + slot) % contenders.length]!;
      const runs: Timing[] = [];
      for (let i = 0; i < perRound; i++) runs.push(await contender.run());
      const of = (pick: (t: Timing) => number) => median(runs.map(pick));
      samples.get(contender.name)!.push({
        fetch: of((t) => t.fetch),
        headers: of((t) => t.headers - t.fetch),
        first: of((t) => t.first),
      });
    }
  }

  const summary = (name: string) => {
    const list = samples.get(name)!;
    return {
      fetch: median(list.map((t) => t.fetch)),
      headers: median(list.map((t) => t.headers)),
      first: median(list.map((t) => t.first)),
      min: Math.min(...list.map((t) => t.first)),
      max: Math.max(...list.map((t) => t.first)),
    };
  };
  const baseline = summary(rawFetch.name).first;
  const us = (value: number) => (Number.isNaN(value) ? '—' : value.toFixed(0));
  const header = ['client', 'TTFT µs', 'over fetch', 'call→fetch()', 'fetch()→headers', 'rounds min–max'];
  const rows = contenders.map((c) => {
    const s = summary(c.name);
    const over = s.first - baseline;
    return [
      c.name,
      us(s.first),
      c === rawFetch ? '—' : `${over >= 0 ? '+' : ''}${over.toFixed(0)} µs`,
      us(s.fetch),
      us(s.headers),
      `${us(s.min)}–${us(s.max)}`,
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) =>
    r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  const created = summary('chatwire create({ stream: true })');
  const raw = summary(rawFetch.name);
  const headersToFirst = (s: ReturnType<typeof summary>) => s.first - s.fetch - s.headers;
  console.log(
    [
      `Time to first chunk, loopback SSE server in its own process; ${perRound} streams per round, ${rounds} interleaved rounds`,
      `node ${process.version} · ${process.platform}/${process.arch} · median of round medians`,
      `command: ${reproduceCommand('bench/ttft.ts')}`,
      '',
      line(header),
      widths.map((w) => '─'.repeat(w)).join('  '),
      ...rows.map(line),
      '',
      `chatwire create() adds ${(created.first - baseline).toFixed(0)} µs over fetch (target ≤ 150 µs); ` +
        `openai-node adds ${(summary('openai-node (openai@6)').first - baseline).toFixed(0)} µs`,
      `  before fetch() is called (params check, key, headers, transport): ${created.fetch.toFixed(0)} µs`,
      `  headers → first chunk (streaming): ${headersToFirst(created).toFixed(0)} µs, fetch's own read: ${headersToFirst(raw).toFixed(0)} µs`,
    ].join('\n'),
  );
} finally {
  await server.close();
}
