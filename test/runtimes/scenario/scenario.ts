import type * as Chatwire from '../../../src/index.js';
import type { ClientOptions } from '../../../src/index.js';
import type { VendorURLs } from './script.js';
import { apiKey } from './script.js';

/** What every step gets. Runs unchanged in Node, Bun, Deno, a browser page and workerd. */
export interface ScenarioContext {
  /** The built package's namespace, however the runtime loaded it (ESM, CJS, a bundle). */
  readonly chatwire: typeof Chatwire;
  readonly vendors: VendorURLs;
  /** Laid over the defaults: the page needs `dangerouslyAllowBrowser`, and nothing else may change. */
  readonly clientOptions?: Pick<ClientOptions, 'dangerouslyAllowBrowser'>;
  /** Receives each streamed text delta (the page appends them to the DOM). */
  readonly onText?: (text: string) => void;
}

export interface Step {
  readonly name: string;
  /** Returns a short note on what was seen; throws a {@link StepFailure} (or anything) on failure. */
  run(context: ScenarioContext): Promise<string>;
}

export interface StepResult {
  readonly name: string;
  readonly ok: boolean;
  readonly ms: number;
  readonly detail: string;
}

export interface ScenarioResult {
  readonly ok: boolean;
  readonly steps: readonly StepResult[];
}

/** A failed expectation, with a message meant for the one-line runtime report. */
export class StepFailure extends Error {
  override name = 'StepFailure';
}

export const check = (condition: boolean, message: string): void => {
  if (!condition) throw new StepFailure(message);
};

/** A client for the OpenAI mock with default options, plus what the runtime needs. */
export const openaiClient = (context: ScenarioContext) =>
  context.chatwire.createClient({ baseURL: context.vendors.openai, apiKey, ...context.clientOptions });

/** Runs every step even after a failure, so one report shows everything that broke. */
export const runScenario = async (
  context: ScenarioContext,
  steps: readonly Step[],
  onStep?: (result: StepResult) => void,
): Promise<ScenarioResult> => {
  const results: StepResult[] = [];
  for (const step of steps) {
    const started = performance.now();
    let result: StepResult;
    try {
      const detail = await step.run(context);
      result = { name: step.name, ok: true, ms: performance.now() - started, detail };
    } catch (error) {
      result = { name: step.name, ok: false, ms: performance.now() - started, detail: describeError(error) };
    }
    results.push(result);
    onStep?.(result);
  }
  return { ok: results.every((result) => result.ok), steps: results };
};

export const describeError = (error: unknown): string => {
  if (error instanceof StepFailure) return error.message;
  if (error instanceof Error) {
    const cause = error.cause instanceof Error ? ` (cause: ${error.cause.name}: ${error.cause.message})` : '';
    return `${error.name}: ${error.message}${cause}`;
  }
  return String(error);
};
