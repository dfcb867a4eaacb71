// SSE parsing throughput: 20,000 realistic chunks in 16 KiB reads through an injected fetch (no
// sockets), chatwire against openai-node (openai@6), an eventsource-parser stream pipeline (the
// AI SDK's shape) and a floor that only decodes, finds event boundaries and parses JSON.
// Run: npx tsx bench/sse-throughput.ts   Env: BENCH_CHUNKS (20000), BENCH_ROUNDS (15), BENCH_READ (16384)
import { EventSourceParserStream } from 'eventsource-parser/stream';
import OpenAI from 'openai';
import { createClient } from '../src/index.js';
import { intFromEnv, reproduceCommand } from './lib/bench-env.js';
import { exposeGc } from './lib/expose-gc.js';
import { chunkTexts, fetchServing, splitBytes, sseBody, streamParams } from './lib/sse-stream-fixture.js';
import { median, spread } from './lib/stats.js';

const count = intFromEnv('BENCH_CHUNKS', 20_000);
const rounds = intFromEnv('BENCH_ROUNDS', 15);
const readSize = intFromEnv('BENCH_READ', 16_384);
const gc = exposeGc();

const { texts, content } = chunkTexts(count);
const pieces = splitBytes(sseBody(texts), readSize);
const fetchImpl = fetchServing(() => pieces[Symbol.iterator]());
const baseURL = 'http://bench.invalid/v1';

type Tally = { chunks: number; chars: number };
interface Contender {
  name: string;
  run(): Promise<Tally>;
}

const contentOf = (chunk: { choices?: Array<{ delta?: { content?: unknown } }> }): number => {
  const text = chunk.choices?.[0]?.delta?.content;
  return typeof text === 'string' ? text.length : 0;
};

const floor: Contender = {
  name: 'floor (TextDecoder + indexOf + JSON.parse)',
  async run() {
    const response = await fetchImpl(`${baseURL}/chat/completions`, { method: 'POST', body: '{}' });
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    const tally = { chunks: 0, chars: 0 };
    let buffer = '';
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      let start = 0;
      for (let end = buffer.indexOf('\n\n'); end !== -1; end = buffer.indexOf('\n\n', start)) {
        const data = buffer.slice(start + 6, end);
        start = end + 2;
        if (data === '[DONE]') continue;
        tally.chunks++;
        tally.chars += contentOf(JSON.parse(data));
      }
      buffer = buffer.slice(start);
    }
    return tally;
  },
};

const pipeline: Contender = {
  name: 'TextDecoderStream → EventSourceParserStream',
  async run() {
    const response = await fetchImpl(`${baseURL}/chat/completions`, { method: 'POST', body: '{}' });
    const events = response
      .body!.pipeThrough(new TextDecoderStream())
      .pipeThrough(new EventSourceParserStream()) as unknown as AsyncIterable<{ data: string }>;
    const tally = { chunks: 0, chars: 0 };
    for await (const event of events) {
      if (event.data === '[DONE]') continue;
      tally.chunks++;
      tally.chars += contentOf(JSON.parse(event.data));
    }
    return tally;
  },
};

function chatwire(name: string, validate: 'loose' | 'off'): Contender {
  const client = createClient({ baseURL, apiKey: 'sk-bench', fetch: fetchImpl, validate, maxRetries: 0 });
  return {
    name,
    async run() {
      const tally = { chunks: 0, chars: 0 };
      for await (const chunk of await client.chat.completions.create(streamParams)) {
        tally.chunks++;
        tally.chars += contentOf(chunk);
      }
      return tally;
    },
  };
}

const openaiClient = new OpenAI({ baseURL, apiKey: 'sk-bench', fetch: fetchImpl, maxRetries: 0 });
const openai: Contender = {
  name: 'openai-node (openai@6)',
  async run() {
    const tally = { chunks: 0, chars: 0 };
    for await (const chunk of await openaiClient.chat.completions.create(streamParams)) {
      tally.chunks++;
      tally.chars += contentOf(chunk);
    }
    return tally;
  },
};

const contenders = [
  floor,
  chatwire('chatwire (default)', 'loose'),
  chatwire("chatwire (validate: 'off')", 'off'),
  openai,
  pipeline,
];

// A client that drops or mangles chunks must not look fast.
for (const contender of contenders) {
  const tally = await contender.run();
  if (tally.chunks !== count || tally.chars !== content.length) {
    throw new Error(
      `${contender.name}: ${tally.chunks} chunks, ${tally.chars} chars (want ${count}, ${content.length})`,
    );
  }
  for (let i = 0; i < 4; i++) await contender.run();
}

// One collection before timing, none between runs: a forced full GC shrinks the young generation,
// so every run would start by re-growing it — a cost no long-running server pays.
gc();

// CPU time of this process is the measure: on a shared machine, wall time also counts the time
// other processes held the CPU. Wall time is shown alongside.
const times = new Map<string, number[]>(contenders.map((c) => [c.name, []]));
const walls = new Map<string, number[]>(contenders.map((c) => [c.name, []]));
for (let round = 0; round < rounds; round++) {
  for (let slot = 0; slot < contenders.length; slot++) {
    const contender = contenders[(round + slot) % contenders.length]!;
    const cpu = process.cpuUsage();
    const started = performance.now();
    await contender.run();
    walls.get(contender.name)!.push(performance.now() - started);
    const used = process.cpuUsage(cpu);
    times.get(contender.name)!.push((used.user + used.system) / 1000);
  }
}

const rate = (name: string) => count / (median(times.get(name)!) / 1000);
const floorRate = rate(floor.name);
const rows = contenders.map((c) => [
  c.name,
  Math.round(rate(c.name)).toLocaleString('en-US'),
  median(times.get(c.name)!).toFixed(1),
  median(walls.get(c.name)!).toFixed(1),
  `${(rate(c.name) / floorRate).toFixed(2)}×`,
  `${(spread(times.get(c.name)!) * 100).toFixed(1)}%`,
]);
const header = ['client', 'events/CPU-s', 'CPU ms', 'wall ms', '× floor', '± rounds'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
const line = (r: string[]) =>
  r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ');

console.log(
  [
    `SSE throughput: ${count.toLocaleString('en-US')} chunks (${(pieces.reduce((n, p) => n + p.byteLength, 0) / 1024 / 1024).toFixed(1)} MiB) in ${readSize}-byte reads through an injected fetch`,
    `node ${process.version} · ${process.platform}/${process.arch} · ${rounds} interleaved rounds, median of CPU time per stream`,
    `command: ${reproduceCommand('bench/sse-throughput.ts')}`,
    '',
    line(header),
    widths.map((w) => '─'.repeat(w)).join('  '),
    ...rows.map(line),
    '',
    `chatwire (default) vs openai-node:          ${(rate('chatwire (default)') / rate(openai.name)).toFixed(2)}× events/s (target ≥ 3×)`,
    `chatwire (validate: 'off') vs floor:        ${(rate("chatwire (validate: 'off')") / floorRate).toFixed(2)}× (target ≥ 0.8×)`,
    `openai-node vs floor:                       ${(rate(openai.name) / floorRate).toFixed(2)}×`,
  ].join('\n'),
);
