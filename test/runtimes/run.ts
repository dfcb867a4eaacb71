// `npm run test:runtimes [-- name…]`: the smoke scenario against the packed package in every
// runtime, one line each, then "N passed, N failed". Needs `npm run build` first. Runtimes are
// installed on first use under ~/.cache/chatwire-runtimes (CHATWIRE_RUNTIMES_DIR overrides it).
import { join } from 'node:path';
import { bundleEntries } from './lib/bundle-entries.js';
import { assertBuilt, createConsumer, repoRoot } from './lib/consumer.js';
import { loadHostKit } from './lib/host-kit.js';
import { nodeVersions, runtimesCacheDir } from './lib/manifest.js';
import type { Outcome } from './lib/outcome.js';
import { bunTarget } from './targets/bun.js';
import { chromiumTarget } from './targets/chromium.js';
import { denoTarget } from './targets/deno.js';
import { nodeTarget } from './targets/node.js';
import type { Host, PreparedTarget, Target } from './targets/target.js';
import { workerdTarget } from './targets/workerd.js';

const perTargetTimeoutMs = 3 * 60_000;

const allTargets: readonly Target[] = [
  ...nodeVersions.map(nodeTarget),
  bunTarget,
  denoTarget,
  chromiumTarget,
  workerdTarget,
];

const main = async (): Promise<number> => {
  const filters = process.argv.slice(2);
  const targets = allTargets.filter((t) => filters.length === 0 || filters.some((f) => t.name.startsWith(f)));
  if (targets.length === 0) return report([fail('runtimes', `no runtime matches ${filters.join(' ')}`)]);
  try {
    assertBuilt();
  } catch (error) {
    return report([fail('package', String((error as Error).message))]);
  }
  const started = performance.now();
  console.log(`preparing ${targets.length} runtimes (cache: ${runtimesCacheDir()}) and the packed package…`);
  const [consumer, ...prepared] = await Promise.all([
    createConsumer().catch((error: unknown) => error as Error),
    ...targets.map((target) => target.prepare().catch((error: unknown) => error as Error)),
  ]);
  if (consumer instanceof Error) return report([fail('package', `npm pack/install: ${consumer.message}`)]);
  const outcomes: Outcome[] = [];
  try {
    await bundleEntries(consumer.dir);
    const host: Host = {
      consumerDir: consumer.dir,
      kit: await loadHostKit(consumer.dir),
      artifactsDir: join(repoRoot, 'artifacts', 'runtimes'),
    };
    console.log(`ready in ${seconds(performance.now() - started)}`);
    for (const [index, target] of targets.entries()) {
      const ready = prepared[index] as PreparedTarget | Error;
      const outcome =
        ready instanceof Error
          ? fail(target.name, `not installed: ${ready.message}`)
          : await withTimeout(ready, host).catch((error: unknown) => fail(ready.label, String(error)));
      outcomes.push(outcome);
      printOutcome(outcome);
    }
  } finally {
    if (process.env.CHATWIRE_KEEP_CONSUMER === '1') console.log(`consumer project kept: ${consumer.dir}`);
    else await consumer.remove();
  }
  console.log(`total ${seconds(performance.now() - started)}`);
  return report(outcomes, false);
};

const withTimeout = (ready: PreparedTarget, host: Host): Promise<Outcome> => {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<Outcome>((resolve) => {
    timer = setTimeout(
      () => resolve(fail(ready.label, `no outcome within ${perTargetTimeoutMs / 1000} s`)),
      perTargetTimeoutMs,
    );
  });
  return Promise.race([ready.run(host), timeout]).finally(() => clearTimeout(timer));
};

const fail = (label: string, detail: string): Outcome => ({ ok: false, label, detail, ms: 0 });

const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

const printOutcome = (outcome: Outcome): void => {
  const time = outcome.ms > 0 ? `  (${seconds(outcome.ms)})` : '';
  console.log(`${outcome.ok ? '✓' : '✗'} ${outcome.label}  ${outcome.detail}${time}`);
};

/** Prints the summary line; `print` also prints the outcomes (for early failures). */
const report = (outcomes: readonly Outcome[], print = true): number => {
  if (print) outcomes.forEach(printOutcome);
  const passed = outcomes.filter((outcome) => outcome.ok).length;
  console.log(`${passed} passed, ${outcomes.length - passed} failed`);
  return outcomes.length > 0 && passed === outcomes.length ? 0 : 1;
};

// Exit explicitly: a browser or child process that outlived its target must not hang CI.
main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    console.log('0 passed, 1 failed');
    process.exit(1);
  },
);
