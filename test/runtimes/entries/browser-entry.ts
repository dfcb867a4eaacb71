// The page's script: the scenario against the cross-origin mock, streamed text appended to the
// DOM as it arrives, each step listed, and the result left in #result for the runner to read.
import * as chatwire from '../../../src/index.js';
import { runScenario, type StepResult } from '../scenario/scenario.js';
import type { VendorURLs } from '../scenario/script.js';
import { smokeSteps } from '../scenario/steps.js';

/** What the runner reads back from the page. */
export interface PageReport {
  readonly result: Awaited<ReturnType<typeof runScenario>>;
  /** `performance.now()` of each DOM update made by a streamed delta. */
  readonly textUpdates: readonly number[];
  readonly userAgent: string;
}

const element = (id: string): HTMLElement => {
  const found = document.getElementById(id);
  if (found === null) throw new Error(`#${id} missing from the page`);
  return found;
};

const listStep = (step: StepResult): void => {
  const item = document.createElement('li');
  item.className = step.ok ? 'pass' : 'fail';
  item.textContent = `${step.ok ? '✓' : '✗'} ${step.name} (${step.ms.toFixed(0)} ms): ${step.detail}`;
  element('steps').append(item);
};

const main = async (): Promise<void> => {
  const vendors = JSON.parse(new URL(location.href).searchParams.get('vendors') ?? '{}') as VendorURLs;
  element('origins').textContent = `page ${location.origin} → API ${new URL(vendors.openai).origin}`;
  const textUpdates: number[] = [];
  const stream = element('stream');
  const result = await runScenario(
    {
      chatwire,
      vendors,
      // The only option a page needs: a key in page code must be opted into. Everything else is default.
      clientOptions: { dangerouslyAllowBrowser: true },
      onText: (text) => {
        stream.append(text);
        textUpdates.push(performance.now());
      },
    },
    smokeSteps,
    listStep,
  );
  const report: PageReport = { result, textUpdates, userAgent: navigator.userAgent };
  element('result').textContent = JSON.stringify(report);
  document.body.dataset.done = result.ok ? 'pass' : 'fail';
};

main().catch((error: unknown) => {
  element('result').textContent = JSON.stringify({ crashed: String(error) });
  document.body.dataset.done = 'crashed';
});
