import { isoTime } from './ids.js';

/** One status a {@link StepJob} showed, and when it first showed it. */
export interface StepRecord<S extends string> {
  readonly status: S;
  readonly at: number;
}

/**
 * A background job whose status advances one step per poll, so tests control progress by
 * polling rather than by waiting: creating it shows `steps[0]`, the k-th poll shows `steps[k]`,
 * and the last step (the terminal one) sticks.
 */
export class StepJob<S extends string> {
  readonly createdAt = Date.now();
  #polls = 0;
  readonly #steps: readonly S[];
  readonly #history: StepRecord<S>[];

  constructor(steps: readonly S[]) {
    if (steps.length === 0) throw new TypeError('A mock job needs at least one status step');
    this.#steps = steps;
    this.#history = [{ status: steps[0] as S, at: this.createdAt }];
  }

  /** The status as last shown. */
  get status(): S {
    return this.#steps[Math.min(this.#polls, this.#steps.length - 1)] as S;
  }

  /** True once the last step is reached. */
  get finished(): boolean {
    return this.#polls >= this.#steps.length - 1;
  }

  /** Every distinct status shown so far, oldest first. */
  get history(): readonly StepRecord<S>[] {
    return this.#history;
  }

  /** When the status last changed, as ISO 8601. */
  get updatedAt(): string {
    return isoTime(this.#history.at(-1)?.at ?? this.createdAt);
  }

  /** Advances one step (unless finished) and returns the status to show. */
  poll(): S {
    if (!this.finished) {
      this.#polls += 1;
      this.#history.push({ status: this.status, at: Date.now() });
    }
    return this.status;
  }
}
