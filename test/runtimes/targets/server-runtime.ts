import { type Outcome, stepNames, variantFailures } from '../lib/outcome.js';
import { type EntryProcess, runEntry } from '../lib/run-entry.js';
import { checkServerSide } from '../scenario/server-checks.js';
import { startVendors } from '../scenario/vendors.js';
import type { Host } from './target.js';

/** One way of loading the package in a runtime, e.g. Node's ESM entry. */
export interface Variant {
  readonly name: string;
  /** The process to start; the vendors' URLs are appended as its last argument. */
  readonly entry: EntryProcess;
}

/** Runs every variant against fresh mock vendors and folds them into one report line. */
export const runServerRuntime = async (
  host: Host,
  label: string,
  variants: readonly Variant[],
): Promise<Outcome> => {
  const started = performance.now();
  const failures: string[] = [];
  let passedSteps = '';
  for (const variant of variants) {
    const vendors = await startVendors(host.kit);
    try {
      const result = await runEntry({
        ...variant.entry,
        args: [...variant.entry.args, JSON.stringify(vendors.urls)],
      });
      const problems = await checkServerSide(vendors);
      failures.push(...variantFailures(variant.name, result, problems));
      passedSteps = stepNames(result);
    } catch (error) {
      failures.push(`${variant.name}: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      await vendors.close();
    }
  }
  const ms = performance.now() - started;
  const ok = failures.length === 0;
  return { ok, label, detail: ok ? passedSteps : failures.join('; '), ms };
};
