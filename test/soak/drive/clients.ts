import { type AnyClient, createAnyClient } from '../../../src/cli/any-client.js';
import type { Timing } from '../faults/kinds.js';
import { DIALECTS, type DialectName } from '../plan/call-plan.js';
import type { Fleet } from '../vendor/fleet.js';
import type { CallRegistry } from './call-registry.js';

/** What every call of a soak shares. */
export interface DriveEnv {
  readonly fleet: Pick<Fleet, 'baseURLs' | 'closedPort'>;
  readonly apiKey: string;
  readonly timing: Timing;
  readonly maxRetries: number;
}

/**
 * One client per vendor, shared by every call as an application would share it: concurrent calls
 * must not disturb one another through it. Per-call state travels in request options only.
 */
export function soakClients(env: DriveEnv, registry: CallRegistry): Record<DialectName, AnyClient> {
  const entries = DIALECTS.map((dialect) => {
    const client = createAnyClient({
      dialect,
      baseURL: env.fleet.baseURLs[dialect],
      apiKey: env.apiKey,
      timeout: env.timing.timeout,
      idleTimeout: env.timing.idleTimeout,
      maxRetries: env.maxRetries,
      fetch: registry.fetch as typeof fetch,
    });
    return [dialect, client] as const;
  });
  return Object.fromEntries(entries) as Record<DialectName, AnyClient>;
}
