import type { Timing } from './faults/kinds.js';
import { randomSeed } from './plan/prng.js';
import type { SoakConfig } from './soak.js';

/** A key that is easy to spot anywhere it should not be (Morpheus wants the `sk-` prefix). */
export const SOAK_API_KEY = 'sk-soak-7c3f9e1d2b8a4605-DO-NOT-PRINT';

/**
 * Short enough that stalls cost little, long enough that a busy shared machine does not turn an
 * honest answer into a timeout.
 */
export const SOAK_TIMING: Timing = { timeout: 2_000, idleTimeout: 800 };

/** The soak's settings from `SOAK_*` environment variables, with the given defaults. */
export function configFromEnv(
  env: NodeJS.ProcessEnv,
  defaults: {
    calls: number;
    concurrency: number;
    vendors: SoakConfig['vendors'];
    seed?: number;
    timing?: Timing;
  },
): SoakConfig {
  const number = (name: string, fallback: number) => {
    const value = env[name];
    if (value === undefined || value === '') return fallback;
    const parsed = Number(value);
    if (!Number.isInteger(parsed) || parsed < 0)
      throw new Error(`${name} must be a whole number, got ${value}`);
    return parsed;
  };
  const only = env.SOAK_ONLY?.split(',').filter(Boolean).map(Number);
  return {
    seed: number('SOAK_SEED', defaults.seed ?? randomSeed()),
    calls: number('SOAK_CALLS', defaults.calls),
    concurrency: Math.max(1, number('SOAK_CONCURRENCY', defaults.concurrency)),
    maxRetries: number('SOAK_MAX_RETRIES', 2),
    timing: {
      timeout: number('SOAK_TIMEOUT_MS', defaults.timing?.timeout ?? SOAK_TIMING.timeout),
      idleTimeout: number('SOAK_IDLE_TIMEOUT_MS', defaults.timing?.idleTimeout ?? SOAK_TIMING.idleTimeout),
    },
    vendors: env.SOAK_VENDORS === 'in-process' ? 'in-process' : defaults.vendors,
    apiKey: SOAK_API_KEY,
    ...(only && only.length > 0 ? { only } : {}),
  };
}
