// Per-request overhead of chatwire against raw fetch and openai-node, on a loopback server.
// Run: npx tsx bench/request-overhead.ts   (quick: BENCH_N=200 BENCH_ROUNDS=3 npx tsx bench/request-overhead.ts)
// Env: BENCH_N (2000 requests per run), BENCH_ROUNDS (6), BENCH_CONCURRENCY (32), BENCH_WARMUP (500),
//      BENCH_SERVER (process | inline), BENCH_CLIENTS (chatwire,dist,openai; raw fetch always runs as
//      the baseline; `dist` is dist/index.js and is skipped when it is not built).
import { existsSync, statSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import OpenAI from 'openai';
import { createClient } from '../src/index.js';
import { intFromEnv, reproduceCommand } from './lib/bench-env.js';
import { BENCH_API_KEY, BENCH_MODEL, benchMessages, expectedContent } from './lib/fixture.js';
import { type Contender, interleavedRounds } from './lib/interleaved-rounds.js';
import { startLoopbackServer } from './lib/loopback-server.js';
import { formatRatioTable, type ModeResult } from './lib/ratio-table.js';

type ChatwireModule = typeof import('../src/index.js');

const count = intFromEnv('BENCH_N', 2000);
const rounds = intFromEnv('BENCH_ROUNDS', 6);
const concurrency = intFromEnv('BENCH_CONCURRENCY', 32);
const warmup = intFromEnv('BENCH_WARMUP', Math.min(count, 500));
const placement = process.env.BENCH_SERVER === 'inline' ? 'inline' : 'process';
const wanted = new Set((process.env.BENCH_CLIENTS ?? 'chatwire,dist,openai').split(','));

const notes: string[] = [];
const loadBefore = loadavg()[0] ?? 0;
const server = await startLoopbackServer(placement);
try {
  const contenders = await buildContenders(`${server.origin}/v1`);
  await checkAnswers(contenders);
  const modes: ModeResult[] = [];
  for (const [label, lanes] of [
    ['sequential', 1],
    [`concurrent ${concurrency}`, concurrency],
  ] as const) {
    const samples = await interleavedRounds(contenders, { count, concurrency: lanes, rounds, warmup });
    modes.push({ label, samples });
  }
  printReport(modes);
} finally {
  await server.close();
}

async function buildContenders(baseURL: string): Promise<Contender[]> {
  const params = { model: BENCH_MODEL, messages: benchMessages };
  const url = `${baseURL}/chat/completions`;
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${BENCH_API_KEY}` };
  const rawFetch: Contender = {
    name: 'fetch',
    call: async () => {
      const response = await fetch(url, { method: 'POST', headers, body: JSON.stringify(params) });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return JSON.parse(await response.text());
    },
  };
  const chatwire = createClient({ baseURL, apiKey: BENCH_API_KEY, maxRetries: 0 });
  const openai = new OpenAI({ baseURL, apiKey: BENCH_API_KEY, maxRetries: 0 });
  const contenders: Contender[] = [rawFetch];
  if (wanted.has('chatwire')) {
    contenders.push({ name: 'chatwire', call: () => chatwire.chat.completions.create(params) });
  }
  // The built package, when there is one: does tsx-on-sources measure what users will run?
  const dist = new URL('../dist/index.js', import.meta.url);
  if (wanted.has('dist') && existsSync(dist)) {
    const built = (await import(dist.href)) as ChatwireModule;
    const client = built.createClient({ baseURL, apiKey: BENCH_API_KEY, maxRetries: 0 });
    contenders.push({ name: 'chatwire (dist)', call: () => client.chat.completions.create(params) });
    notes.push(`chatwire (dist) = dist/index.js built ${statSync(dist).mtime.toISOString()}`);
  }
  if (wanted.has('openai')) {
    contenders.push({ name: 'openai', call: () => openai.chat.completions.create(params) });
  }
  return contenders;
}

// A client that fails fast or returns the wrong thing must not look fast.
async function checkAnswers(contenders: readonly Contender[]): Promise<void> {
  for (const { name, call } of contenders) {
    const result = (await call()) as { choices?: Array<{ message?: { content?: unknown } }> };
    const content = result.choices?.[0]?.message?.content;
    if (content !== expectedContent) throw new Error(`${name} answered ${JSON.stringify(content)}`);
  }
}

function printReport(modes: readonly ModeResult[]): void {
  // Wall time on a busy machine measures the neighbours too: say how busy it was.
  const cpus = availableParallelism();
  const loadAfter = loadavg()[0] ?? 0;
  const busy =
    Math.max(loadBefore, loadAfter) > cpus * 0.75
      ? '  ⚠ busy machine: wall times are noisy, trust the CPU columns more'
      : '';
  console.log(
    [
      'chatwire request overhead: non-streaming chat completions against a loopback server',
      `node ${process.version} · ${process.platform}/${process.arch} · server: ${placement === 'inline' ? 'same event loop' : 'own process'} · full GC before each run`,
      `${count} requests per run · ${rounds} rounds, rotating order, after ${warmup} warm-up calls each · median of rounds`,
      `command: ${reproduceCommand('bench/request-overhead.ts')}`,
      `load average ${loadBefore.toFixed(2)} → ${loadAfter.toFixed(2)} on ${cpus} CPUs${busy}`,
      ...notes,
      '',
      formatRatioTable(modes),
    ].join('\n'),
  );
}
