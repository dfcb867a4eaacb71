// Memory of one long stream: 200,000 chunks through a single stream, generated on the fly in
// 16 KiB reads by an injected fetch, so nothing but the client under test can hold them. Each
// client runs in its own process (RSS is per process); the figure is RSS growth over a baseline
// taken after warm-up, sampled every 1,000 chunks.
// Run: npx tsx bench/stream-memory.ts   Env: BENCH_CHUNKS (200000), BENCH_ROUNDS (3)
import { fork } from 'node:child_process';
import OpenAI from 'openai';
import { createClient } from '../src/index.js';
import { intFromEnv, reproduceCommand } from './lib/bench-env.js';
import { exposeGc } from './lib/expose-gc.js';
import { chunkTexts, fetchServing, streamParams } from './lib/sse-stream-fixture.js';
import { median } from './lib/stats.js';

const count = intFromEnv('BENCH_CHUNKS', 200_000);
const rounds = intFromEnv('BENCH_ROUNDS', 3);
const READ = 16 * 1024;
const CONTENDERS = [
  'chatwire (default)',
  "chatwire (validate: 'off')",
  'openai-node (openai@6)',
  'floor',
] as const;
type Name = (typeof CONTENDERS)[number];

interface Sample {
  name: Name;
  chunks: number;
  peakMiB: number;
  endMiB: number;
  heapMiB: number;
}

/** SSE bytes for `total` chunks, built lazily from a repeating set of chunk texts. */
function* pieces(total: number): Generator<Uint8Array> {
  const { texts } = chunkTexts(1_000);
  const encoder = new TextEncoder();
  const middle = texts.slice(1, -2);
  let text = `data: ${texts[0]}\n\n`;
  for (let i = 1; i < total - 2; i++) {
    text += `data: ${middle[i % middle.length]}\n\n`;
    if (text.length >= READ) {
      yield encoder.encode(text);
      text = '';
    }
  }
  yield encoder.encode(`${text}data: ${texts.at(-2)}\n\ndata: ${texts.at(-1)}\n\ndata: [DONE]\n\n`);
}

async function child(name: Name): Promise<Sample> {
  const gc = exposeGc();
  const fetchImpl = fetchServing(() => pieces(count));
  const baseURL = 'http://bench.invalid/v1';
  const chatwire = (validate: 'loose' | 'off', fetch: typeof fetchImpl) =>
    createClient({ baseURL, apiKey: 'sk-bench', fetch, validate, maxRetries: 0 });
  const streams = (fetch: typeof fetchImpl): Record<Name, () => Promise<AsyncIterable<unknown>>> => ({
    'chatwire (default)': () => chatwire('loose', fetch).chat.completions.create(streamParams),
    "chatwire (validate: 'off')": () => chatwire('off', fetch).chat.completions.create(streamParams),
    'openai-node (openai@6)': () =>
      new OpenAI({ baseURL, apiKey: 'sk-bench', fetch, maxRetries: 0 }).chat.completions.create(streamParams),
    floor: async () => floorEvents(await fetch(baseURL, { method: 'POST', body: '{}' })),
  });
  // Warm up with the same client on a shorter stream: JIT, lazy modules, and a young generation
  // grown to its working size, so that the baseline is the state a busy process is in.
  for await (const _ of await streams(fetchServing(() => pieces(count / 4)))[name]());
  gc();
  const mib = (bytes: number) => bytes / 1024 / 1024;
  const baseline = process.memoryUsage.rss();
  let peak = baseline;
  let chunks = 0;
  const heapBefore = process.memoryUsage().heapUsed;
  const stream = await streams(fetchImpl)[name]();
  for await (const _ of stream) {
    if (++chunks % 1_000 === 0) peak = Math.max(peak, process.memoryUsage.rss());
  }
  const end = process.memoryUsage.rss();
  gc();
  // Measured while `stream` is still reachable: what it retains (for chatwire, the accumulated
  // answer behind finalCompletion()) counts.
  const retained = process.memoryUsage().heapUsed - heapBefore;
  void stream;
  return {
    name,
    chunks,
    peakMiB: mib(Math.max(peak, end) - baseline),
    endMiB: mib(end - baseline),
    heapMiB: mib(retained),
  };
}

/** The floor: decode, split on blank lines, JSON.parse — and keep nothing. */
async function* floorEvents(response: Response): AsyncGenerator<unknown> {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    buffer += decoder.decode(value, { stream: true });
    let start = 0;
    for (let end = buffer.indexOf('\n\n'); end !== -1; end = buffer.indexOf('\n\n', start)) {
      const data = buffer.slice(start + 6, end);
      start = end + 2;
      if (data !== '[DONE]') yield JSON.parse(data);
    }
    buffer = buffer.slice(start);
  }
}

function runChild(name: Name): Promise<Sample> {
  return new Promise((resolve, reject) => {
    const worker = fork(new URL(import.meta.url), [], {
      env: { ...process.env, BENCH_MEMORY_CHILD: name },
      execArgv: process.execArgv,
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    worker.once('message', (sample) => resolve(sample as Sample));
    worker.once('error', reject);
    worker.once('exit', (code) => code !== 0 && reject(new Error(`${name} exited with ${code}`)));
  });
}

const childName = process.env.BENCH_MEMORY_CHILD as Name | undefined;
if (childName) {
  process.send!(await child(childName));
  process.disconnect();
} else {
  const samples = new Map<Name, Sample[]>(CONTENDERS.map((name) => [name, []]));
  for (let round = 0; round < rounds; round++) {
    for (let slot = 0; slot < CONTENDERS.length; slot++) {
      const name = CONTENDERS[(round + slot) % CONTENDERS.length]!;
      const sample = await runChild(name);
      if (sample.chunks !== count) throw new Error(`${name} yielded ${sample.chunks} of ${count} chunks`);
      samples.get(name)!.push(sample);
    }
  }
  const header = ['client', 'peak RSS growth', 'RSS growth at end', 'heap retained after gc'];
  const rows = CONTENDERS.map((name) => {
    const list = samples.get(name)!;
    const f = (pick: (s: Sample) => number) => `${median(list.map(pick)).toFixed(1)} MiB`;
    return [name, f((s) => s.peakMiB), f((s) => s.endMiB), f((s) => s.heapMiB)];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) =>
    r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  const chatwirePeak = median(samples.get('chatwire (default)')!.map((s) => s.peakMiB));
  console.log(
    [
      `Stream memory: ${count.toLocaleString('en-US')} chunks through one stream, ${READ}-byte reads from an injected fetch`,
      `node ${process.version} · ${process.platform}/${process.arch} · one process per run · ${rounds} rounds, median`,
      `command: ${reproduceCommand('bench/stream-memory.ts')}`,
      '',
      line(header),
      widths.map((w) => '─'.repeat(w)).join('  '),
      ...rows.map(line),
      '',
      `chatwire (default) peak RSS growth: ${chatwirePeak.toFixed(1)} MiB (target ≤ 10 MB); the accumulated answer itself is part of it`,
    ].join('\n'),
  );
}
