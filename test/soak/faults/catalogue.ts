import { type Rng, weighted } from '../plan/prng.js';
import { abortFaults } from './abort-faults.js';
import { bodyFaults } from './body-faults.js';
import type { FaultKind, Op } from './kinds.js';
import { mixedFaults } from './mixed-faults.js';
import { requestFaults } from './request-faults.js';
import { runFaults } from './run-faults.js';
import { streamCutFaults } from './stream-cut-faults.js';
import { streamFrameFaults } from './stream-frame-faults.js';
import { streamQuirkFaults } from './stream-quirk-faults.js';

/** No fault: the vendor answers as it normally does. */
export const NONE: FaultKind = {
  name: 'none',
  ops: ['json', 'stream', 'run', 'upload'],
  on: 'request',
  mode: 'benign',
  weight: 0,
};

export const FAULTS: readonly FaultKind[] = [
  NONE,
  ...requestFaults,
  ...bodyFaults,
  ...streamCutFaults,
  ...streamFrameFaults,
  ...streamQuirkFaults,
  ...mixedFaults,
  ...runFaults,
  ...abortFaults,
];

const byName = new Map(FAULTS.map((kind) => [kind.name, kind]));

export function faultNamed(name: string): FaultKind {
  const kind = byName.get(name);
  if (!kind) throw new Error(`soak: unknown fault ${JSON.stringify(name)}`);
  return kind;
}

/** Share of calls served without a fault: enough clean traffic to interleave with the broken. */
const CLEAN_SHARE = 0.35;

/** A fault for a call of `op`, weighted, or {@link NONE}. */
export function pickFault(rng: Rng, op: Op): FaultKind {
  if (rng() < CLEAN_SHARE) return NONE;
  const candidates = FAULTS.filter((kind) => kind !== NONE && kind.ops.includes(op));
  return weighted(
    rng,
    candidates.map((kind) => [kind, kind.weight] as const),
  );
}
