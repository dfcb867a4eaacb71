import { createHash } from 'node:crypto';
import {
  compatContent,
  defaultCaesarReferences,
  researchContent,
} from '../../../src/testing/dialects/caesar-content.js';
import { pickFault } from '../faults/catalogue.js';
import type { ErrorName, FaultKind, Op } from '../faults/kinds.js';
import { callRng, int, pick, type Rng, weighted } from './prng.js';
import { fileBytes, fileName, prompt } from './prompts.js';

export type DialectName = 'openai' | 'caesar' | 'bifrost' | 'morpheus' | 'intandem';
export const DIALECTS: readonly DialectName[] = ['openai', 'caesar', 'bifrost', 'morpheus', 'intandem'];

/** Blobs and bytes can be sent again; a stream is read once, so its upload is never retried. */
export type UploadKind = 'bytes' | 'blob' | 'stream';

export interface UploadPlan {
  readonly kind: UploadKind;
  readonly bytes: Uint8Array;
  readonly filename: string;
  readonly sha256: string;
}

/** Attempts the call's first request (chat POST, run submit, upload) must take, inclusive. */
export type Attempts = readonly [min: number, max: number];

export type Expected =
  | {
      readonly ok: true;
      readonly text: string | undefined;
      /** The caller stopped early: what it got must be a start of `text`. */
      readonly prefix?: boolean;
      readonly attempts: Attempts;
    }
  | { readonly ok: false; readonly error: ErrorName; readonly attempts: Attempts };

/** Everything about one call, decided from the seed before it starts. */
export interface CallPlan {
  readonly index: number;
  readonly dialect: DialectName;
  readonly op: Op;
  readonly fault: FaultKind;
  /** Attempts a retryable fault hits before it clears. */
  readonly times: number;
  readonly param: number;
  readonly query: string;
  readonly upload: UploadPlan | undefined;
  /** When the caller's own signal fires (caller-abort faults). */
  readonly abortAfterMs: number | undefined;
  readonly expected: Expected;
}

const OPS: Record<DialectName, readonly (readonly [Op, number])[]> = {
  openai: [
    ['json', 4],
    ['stream', 5],
  ],
  morpheus: [
    ['json', 4],
    ['stream', 5],
  ],
  bifrost: [
    ['json', 4],
    ['stream', 5],
    ['run', 2],
  ],
  intandem: [
    ['json', 4],
    ['stream', 5],
    ['run', 2],
  ],
  caesar: [
    ['json', 3],
    ['stream', 4],
    ['run', 1],
    ['upload', 3],
  ],
};

export function planCall(seed: number, index: number, maxRetries: number): CallPlan {
  const rng = callRng(seed, index);
  const dialect = pick(rng, DIALECTS);
  const op = weighted(rng, OPS[dialect]);
  const fault = pickFault(rng, op);
  const times = int(rng, 1, maxRetries + 1);
  const param = int(rng, 0, 1_000_000);
  const query = prompt(rng);
  const upload = op === 'upload' ? planUpload(rng, index, fault) : undefined;
  const base = { index, dialect, op, fault, times, param, query, upload };
  return {
    ...base,
    abortAfterMs: fault.error === 'APIUserAbortError' ? 20 + (param % 50) : undefined,
    expected: expect(base, maxRetries),
  };
}

function planUpload(rng: Rng, index: number, fault: FaultKind): UploadPlan {
  const bytes = fileBytes(rng);
  const kind = pick(
    rng,
    fault.needsReplay ? (['bytes', 'blob'] as const) : (['bytes', 'blob', 'stream'] as const),
  );
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return { kind, bytes, filename: fileName(rng, index), sha256 };
}

/** The answer a call gets when nothing goes wrong. */
export function expectedText(dialect: DialectName, op: Op, query: string): string | undefined {
  if (op === 'upload') return undefined;
  if (dialect !== 'caesar') return `Echo: ${query}`;
  return op === 'run'
    ? researchContent(query, defaultCaesarReferences)
    : compatContent(query, [], defaultCaesarReferences);
}

type PlanBase = Omit<CallPlan, 'expected' | 'abortAfterMs'>;

/** Operations whose code is loaded with `import()` on first use. */
const LAZY_OPS: ReadonlySet<Op> = new Set<Op>(['run', 'upload']);

/** What the fault calls for: see `FaultMode` for the rules. */
function expect(plan: PlanBase, maxRetries: number): Expected {
  const { fault } = plan;
  const text = expectedText(plan.dialect, plan.op, plan.query);
  const replayable = plan.upload?.kind !== 'stream';
  const onFirstRequest = fault.on === 'request';
  const failure = (attempts: Attempts): Expected => ({
    ok: false,
    error: fault.errorAfter?.(attempts[1]) ?? fault.error ?? 'APIError',
    attempts,
  });
  switch (fault.mode) {
    case 'benign':
      return { ok: true, text, attempts: [1, 1], ...(fault.clientBreaks ? { prefix: true } : {}) };
    case 'fatal':
      // The caller's abort fires 20–70 ms in: a call whose code loads on first use (runs and
      // research, uploads) may not have sent yet under load, and then rightly sends nothing.
      // Chat calls send at the call, so for them an abort that sent nothing is still wrong.
      return failure(fault.error === 'APIUserAbortError' && LAZY_OPS.has(plan.op) ? [0, 1] : [1, 1]);
    case 'sticky':
      return failure(fault.attemptsVary ? [1, maxRetries + 1] : [1, 1]);
    case 'retryable': {
      if (fault.fatalFor?.includes(plan.dialect)) return failure([1, 1]);
      if (!onFirstRequest) {
        return plan.times <= maxRetries ? { ok: true, text, attempts: [1, 1] } : failure([1, 1]);
      }
      if (!replayable) return failure([1, 1]);
      if (plan.times <= maxRetries) return { ok: true, text, attempts: [plan.times + 1, plan.times + 1] };
      return failure([maxRetries + 1, maxRetries + 1]);
    }
  }
}
