// Peak memory of uploading a large file from a path: chatwire against openai-node's `toFile`.
// Run: npx tsx bench/upload-memory.ts        (smaller: BENCH_UPLOAD_MB=50 npx tsx bench/upload-memory.ts)
// Env: BENCH_UPLOAD_MB (200), BENCH_ROUNDS (3: each contender runs this many times, a fresh process each).
//
// Each contender runs in a fresh child process, so one's buffers cannot inflate another's baseline,
// and the server that discards the bytes runs in a process of its own. Growth is peak RSS during
// the upload minus RSS after a warm-up upload and a full GC (so loading fetch is not counted).
// "fetch floor" sends the same number of bytes with bare fetch from one reused 64 KiB buffer: what
// Node's fetch itself costs in RSS (allocator and GC slack) with nothing read from disk.
import { type ChildProcess, fork } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { mkdtemp, open, rm, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import OpenAI, { toFile } from 'openai';
import { createClient } from '../src/index.js';
import { intFromEnv, reproduceCommand } from './lib/bench-env.js';
import { exposeGc } from './lib/expose-gc.js';
import { median } from './lib/stats.js';

const TARGET_MB = 32;

/** One contender's upload: peak RSS growth (MB) and how long the upload took. */
interface Measure {
  growth: number;
  seconds: number;
}
const MB = 1024 * 1024;

/** Each uploads the file at `path` and resolves with the byte count the server reported. */
const contenders: Record<string, (origin: string, path: string) => Promise<number>> = {
  'fetch floor': async (origin, path) => {
    const { size } = await stat(path);
    const block = new Uint8Array(64 * 1024);
    let sent = 0;
    const body = new ReadableStream<Uint8Array>(
      {
        pull(controller) {
          if (sent >= size) return controller.close();
          const piece = block.subarray(0, Math.min(block.length, size - sent));
          sent += piece.length;
          controller.enqueue(piece);
        },
      },
      { highWaterMark: 0 },
    );
    const init = { method: 'POST', body, duplex: 'half', redirect: 'error' } as RequestInit;
    return ((await (await fetch(`${origin}/research/files`, init)).json()) as { size: number }).size;
  },
  'chatwire path': async (origin, path) => (await chatwire(origin).files.upload(path)).size ?? 0,
  'chatwire path + onProgress': async (origin, path) =>
    (await chatwire(origin).files.upload(path, { onProgress: () => {} })).size ?? 0,
  'openai toFile': async (origin, path) => {
    const openai = new OpenAI({ baseURL: origin, apiKey: 'sk-bench', maxRetries: 0 });
    const file = await toFile(createReadStream(path), 'bench.bin');
    return (await openai.files.create({ file, purpose: 'user_data' })).bytes;
  },
};

const chatwire = (origin: string) =>
  createClient({ dialect: 'caesar', baseURL: origin, apiKey: 'csk-bench', maxRetries: 0 });

const [role, ...args] = process.argv.slice(2);
if (role === 'server') serve();
else if (role === 'contender') await measure(args[0]!, args[1]!, args[2]!, args[3]!);
else await main();

async function main(): Promise<void> {
  const sizeMB = intFromEnv('BENCH_UPLOAD_MB', 200);
  const rounds = intFromEnv('BENCH_ROUNDS', 3);
  const dir = await mkdtemp(join(tmpdir(), 'chatwire-upload-bench-'));
  const server = spawn(['server']);
  try {
    const big = await writeFile(join(dir, 'big.bin'), sizeMB * MB);
    const small = await writeFile(join(dir, 'warm-up.bin'), 64 * 1024);
    const origin = `http://127.0.0.1:${await message<number>(server)}`;
    const results = new Map<string, Measure[]>();
    for (let round = 0; round < rounds; round++) {
      for (const name of Object.keys(contenders)) {
        const measured = await message<Measure>(spawn(['contender', name, origin, big, small]));
        results.set(name, [...(results.get(name) ?? []), measured]);
      }
    }
    report(sizeMB, rounds, results);
  } finally {
    server.kill();
    await rm(dir, { recursive: true, force: true });
  }
}

/** In a fresh process: a warm-up upload, a full GC, then the measured upload with RSS sampled every 2 ms. */
async function measure(name: string, origin: string, big: string, small: string): Promise<void> {
  const upload = contenders[name]!;
  await upload(origin, small);
  exposeGc()();
  const baseline = process.memoryUsage.rss();
  let peak = baseline;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 2);
  const started = performance.now();
  const received = await upload(origin, big);
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage.rss());
  const { size } = await stat(big);
  if (received < size) throw new Error(`${name}: the server got ${received} bytes of ${size}`);
  const result: Measure = { growth: (peak - baseline) / MB, seconds };
  process.send?.(result, () => process.exit(0));
}

/** Drains every POST and answers with the byte count, keeping nothing: Caesar's and OpenAI's fields. */
function serve(): void {
  const server = createServer((request, response) => {
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
    });
    request.on('end', () => {
      const body = { id: '9c6f8b1a-2a4f-4a35-86b9-0d0b5e25d5e5', file_name: 'bench.bin', size, bytes: size };
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    });
  });
  server.listen(0, '127.0.0.1', () => process.send?.((server.address() as AddressInfo).port));
  process.on('disconnect', () => process.exit(0));
}

function report(sizeMB: number, rounds: number, results: Map<string, Measure[]>): void {
  const growth = (name: string) => median((results.get(name) ?? []).map((m) => m.growth));
  const seconds = (name: string) => median((results.get(name) ?? []).map((m) => m.seconds));
  const base = growth('chatwire path');
  const rows = [['client', 'growth MB', '× chatwire', 'time s', 'rounds (MB)']];
  for (const [name, values] of results) {
    const all = values.map((v) => v.growth.toFixed(1)).join(', ');
    const ratio = `${(growth(name) / base).toFixed(1)}×`;
    rows.push([name, growth(name).toFixed(1), ratio, seconds(name).toFixed(2), all]);
  }
  console.log(
    `Upload of a ${sizeMB} MB file from a path: peak RSS growth and upload time, median of ${rounds} fresh processes.\n`,
  );
  for (const row of rows) {
    console.log(
      `${row[0]!.padEnd(28)}${row[1]!.padStart(10)}${row[2]!.padStart(12)}${row[3]!.padStart(8)}   ${row[4]}`,
    );
  }
  const verdict = base <= TARGET_MB ? 'met' : 'missed';
  console.log(`\nchatwire path: ${base.toFixed(1)} MB, target ≤ ${TARGET_MB} MB ${verdict}.`);
  console.log(`openai toFile / chatwire path: ${(growth('openai toFile') / base).toFixed(1)}×`);
  console.log(`Reproduce: ${reproduceCommand('bench/upload-memory.ts')}`);
}

function spawn(args: string[]): ChildProcess {
  // The same file, under the same tsx loader flags, in a new process.
  return fork(new URL(import.meta.url), args, { execArgv: process.execArgv, stdio: 'inherit' });
}

function message<T>(child: ChildProcess): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    child.once('message', (value) => resolve(value as T));
    child.once('exit', (code) => reject(new Error(`bench child exited early (code ${code})`)));
  });
}

/** Writes `bytes` of a repeating pattern 1 MiB at a time (never the whole file in memory). */
async function writeFile(path: string, bytes: number): Promise<string> {
  const block = Buffer.alloc(Math.min(MB, bytes));
  for (let i = 0; i < block.length; i++) block[i] = (i * 31) & 0xff;
  const handle = await open(path, 'w');
  try {
    for (let written = 0; written < bytes; written += block.length) {
      await handle.write(block, 0, Math.min(block.length, bytes - written));
    }
  } finally {
    await handle.close();
  }
  return path;
}
