import { exposeGc } from './expose-gc.js';
import { type Call, type LoadSample, runLoad } from './run-load.js';

export interface Contender {
  readonly name: string;
  readonly call: Call;
}

export interface RoundsOptions {
  count: number;
  concurrency: number;
  rounds: number;
  /** Calls per contender before timing starts (JIT, connection pool, lazy schemas). */
  warmup: number;
}

/**
 * Runs every contender once per round, rotating who goes first, so that drift (thermal, other
 * processes, GC debt) is spread over all of them instead of landing on one. Returns each
 * contender's samples, one per round, keyed by name.
 */
export async function interleavedRounds(
  contenders: readonly Contender[],
  { count, concurrency, rounds, warmup }: RoundsOptions,
): Promise<Map<string, LoadSample[]>> {
  // Each run starts on an empty heap, so that no contender pays for another's garbage.
  const gc = exposeGc();
  for (const contender of contenders) await runLoad(contender.call, { count: warmup, concurrency });
  const samples = new Map<string, LoadSample[]>(contenders.map((c) => [c.name, []]));
  for (let round = 0; round < rounds; round++) {
    for (let slot = 0; slot < contenders.length; slot++) {
      const contender = contenders[(round + slot) % contenders.length]!;
      gc();
      samples.get(contender.name)!.push(await runLoad(contender.call, { count, concurrency }));
    }
  }
  return samples;
}
