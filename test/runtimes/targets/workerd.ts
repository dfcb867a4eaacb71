import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { bundleEntry, entryPath } from '../lib/bundle.js';
import { ensureRuntime } from '../lib/install-runtime.js';
import { workerdRuntime } from '../lib/manifest.js';
import { type Outcome, stepNames, variantFailures } from '../lib/outcome.js';
import { contentDeltas, readTimed } from '../lib/read-timed.js';
import { startWorkerd } from '../lib/start-workerd.js';
import { workerdConfig } from '../lib/workerd-config.js';
import type { ScenarioResult } from '../scenario/scenario.js';
import { dripIntervalMs, dripPieces } from '../scenario/script.js';
import { checkServerSide } from '../scenario/server-checks.js';
import { startVendors } from '../scenario/vendors.js';
import type { Host, Target } from './target.js';

/** workerd runs the scenario, then relays a slow stream to us through `toReadableStream()`. */
export const workerdTarget: Target = {
  name: 'workerd',
  prepare: async () => {
    const workerd = await ensureRuntime(workerdRuntime);
    const label = `workerd@${workerdRuntime.version}  esm bundle`;
    return { label, run: (host) => runWorker(host, workerd.binary, label) };
  },
};

const runWorker = async (host: Host, binary: string, label: string): Promise<Outcome> => {
  const started = performance.now();
  const dir = join(host.consumerDir, 'worker');
  await mkdir(dir, { recursive: true });
  await bundleEntry({
    entry: entryPath('worker-entry.ts'),
    outfile: join(dir, 'worker.js'),
    format: 'esm',
    platform: 'browser',
    conditions: ['workerd', 'worker', 'browser'],
    consumerDir: host.consumerDir,
    chatwire: 'bundled',
  });
  const vendors = await startVendors(host.kit);
  const failures: string[] = [];
  let passed = '';
  let stop = () => {};
  let log = () => '';
  try {
    const config = workerdConfig({
      script: 'worker.js',
      bindings: { VENDORS: JSON.stringify(vendors.urls) },
    });
    await writeFile(join(dir, 'config.capnp'), config);
    const workerd = await startWorkerd(binary, 'config.capnp', dir);
    stop = workerd.stop;
    log = workerd.log;
    const response = await fetch(`${workerd.origin}/scenario`);
    if (!response.ok)
      throw new Error(`/scenario answered ${response.status}: ${(await response.text()).slice(0, 200)}`);
    const result = (await response.json()) as ScenarioResult;
    failures.push(...variantFailures('worker', result, await checkServerSide(vendors)));
    const relay = await checkRelay(`${workerd.origin}/relay`);
    if (relay.problem !== undefined) failures.push(`relay: ${relay.problem}`);
    passed = `${stepNames(result)}; relay ${relay.note}`;
  } catch (error) {
    failures.push(error instanceof Error ? error.message : String(error));
  } finally {
    stop();
    await vendors.close();
  }
  const ok = failures.length === 0;
  if (!ok && log().trim() !== '')
    failures.push(`workerd log: ${log().trim().split('\n').slice(-3).join(' | ')}`);
  return { ok, label, detail: ok ? passed : failures.join('; '), ms: performance.now() - started };
};

/**
 * The relayed deltas must come in separate reads spread over the upstream's pace (workerd #2032:
 * a piped stream that reached the client all at once).
 */
const checkRelay = async (url: string): Promise<{ problem?: string; note: string }> => {
  const reads = await readTimed(url);
  const deltas = contentDeltas(reads);
  const text = deltas.map((delta) => delta.content).join('');
  const firstRead = reads[deltas[0]?.read ?? 0]?.ms ?? 0;
  const lastRead = reads[deltas.at(-1)?.read ?? 0]?.ms ?? 0;
  const spread = lastRead - firstRead;
  const distinctReads = new Set(deltas.map((delta) => delta.read)).size;
  const note = `${deltas.length} deltas in ${distinctReads} reads over ${spread.toFixed(0)} ms`;
  if (text !== dripPieces.join('')) return { problem: `relayed text ${JSON.stringify(text)}`, note };
  // Upstream sends a delta every 150 ms; arriving in at least 4 reads over half that pace rules out a burst.
  const minimumSpread = ((dripPieces.length - 1) * dripIntervalMs) / 2;
  if (distinctReads < 4 || spread < minimumSpread) return { problem: `arrived all at once (${note})`, note };
  return { note };
};
