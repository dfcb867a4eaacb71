import type { ScenarioResult } from '../scenario/scenario.js';

/** One runtime's line in the report. */
export interface Outcome {
  readonly ok: boolean;
  /** e.g. `node@18.20.8  esm+cjs` */
  readonly label: string;
  /** What passed, or why it failed. */
  readonly detail: string;
  readonly ms: number;
}

/** Failures of one variant (e.g. `cjs`) of a runtime: failed steps, then server-side problems. */
export const variantFailures = (
  variant: string,
  result: ScenarioResult,
  problems: readonly string[],
): string[] => [
  ...result.steps.filter((step) => !step.ok).map((step) => `${variant}: ${step.name}: ${step.detail}`),
  ...problems.map((problem) => `${variant}: ${problem}`),
];

/** `json chat, streamed chat, …` for a passing run. */
export const stepNames = (result: ScenarioResult): string => result.steps.map((step) => step.name).join(', ');
