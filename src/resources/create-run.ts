import { APIPromise } from '../api-promise.js';
import type { ClientContext } from '../client-context.js';
import type { RunSpec } from '../dialects/run-spec.js';
import type { Redactor } from '../errors/redact.js';
import { InvalidRequestError } from '../errors/request-errors.js';
import type { RequestOptions } from '../options.js';
import type { Run } from '../schema/run.js';
import { postChat } from './chat-params-check.js';

/**
 * `create({ async: true })`: submits the run and resolves with it (status `queued` usually). The
 * request leaves at the call, with the parameters as they are then, like any `create()`; the
 * dialect's run reader (loaded on first use) only has to be there when the answer is.
 */
export function createRun(
  context: ClientContext,
  params: unknown,
  options?: RequestOptions,
): APIPromise<Run> {
  return new APIPromise(
    (async () => {
      const spec = runSpec(context);
      spec.catch(() => {}); // a failed submit is the error to report
      const submitted = await postChat(context, params, options, (body, _response, redactor) => ({
        body,
        redactor,
      }));
      const { body, redactor } = submitted.data;
      return { ...submitted, data: withoutKey((await spec).readRun(body), redactor) };
    })(),
  );
}

/** The dialect's run spec, loading it if the dialect gives a loader; refuses a dialect without runs. */
export function runSpec(context: ClientContext): Promise<RunSpec> {
  const spec = context.dialect.runs;
  if (!spec) throw new InvalidRequestError(`The ${context.dialect.name} dialect has no async runs.`);
  return typeof spec === 'function' ? spec() : Promise.resolve(spec);
}

/** A failed run's error is the vendor's text, and `RunFailedError` repeats it: mask the key in it. */
export function withoutKey(run: Run, redactor: Redactor): Run {
  return run.error === undefined ? run : { ...run, error: redactor.value(run.error) };
}
