import type { NotFoundError } from '../errors/api-error.js';
import type { Run } from '../schema/run.js';

/** How a vendor exposes async runs: where to poll, how to list, and how to read its run bodies. */
export interface RunSpec {
  /** Path to poll one run. */
  readonly retrievePath: (id: string) => string;
  /** Path of one page of runs, or undefined when the vendor cannot list them. */
  readonly listPath?: (page: number, perPage: number) => string;
  /** Reads a run body (the creation answer or a poll answer). */
  readonly readRun: (body: unknown) => Run;
  /** Reads a page of runs. */
  readonly readRunList?: (body: unknown) => Run[];
  /** A sentence added to a 404 on poll, saying what a missing run means for this vendor. */
  readonly notFoundHint: string;
  /** Explains a 404 on submit, where the vendor answers one when its runs are switched off. */
  readonly explainSubmitNotFound?: (error: NotFoundError) => unknown;
}
