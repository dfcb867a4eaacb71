import { APIPromise } from '../api-promise.js';
import type { ClientContext } from '../client-context.js';
import type { RunSpec } from '../dialects/run-spec.js';
import { NotFoundError } from '../errors/api-error.js';
import { ChatwireError } from '../errors/chatwire-error.js';
import type { Redactor } from '../errors/redact.js';
import { InvalidRequestError } from '../errors/request-errors.js';
import type { RequestOptions } from '../options.js';
import type { Run } from '../schema/run.js';
import { postChat } from './chat-params-check.js';
import { readAnswer } from './request-json.js';

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
      })).catch(async (error: unknown) => {
        if (!(error instanceof NotFoundError)) throw error;
        const explain = (await spec.catch(() => undefined))?.explainSubmitNotFound;
        throw explain ? explain(error) : error;
      });
      const { body, redactor } = submitted.data;
      const { readRun } = await spec.catch((cause: unknown) => {
        throw submittedUnread(cause, body, redactor);
      });
      const read = readAnswer(() => readRun(body), JSON.stringify(body) ?? '', redactor);
      const run = withoutKey(read, redactor);
      const carried = dialectHeaders(context, options);
      if (Object.keys(carried).length > 0) submitHeaders.set(run, carried);
      return { ...submitted, data: run };
    })(),
  );
}

/**
 * The run reader failed to load (a chunk fetch after a deploy, say) after the vendor accepted the
 * run: the run exists and is being paid for, so the error shows the vendor's answer (its id).
 */
function submittedUnread(cause: unknown, body: unknown, redactor: Redactor): ChatwireError {
  const answer = redactor.text(JSON.stringify(body) ?? 'no body').slice(0, 1000);
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new ChatwireError(`${reason} The run was submitted; the vendor answered: ${answer}`, { cause });
}

// The dialect headers a run was submitted with (Bifrost's per-call virtual key), for its polls.
// Kept beside the run, not on it: a run gets logged and serialised, and these may hold a key.
const submitHeaders = new WeakMap<Run, Record<string, string>>();

/** The headers a call's options carry to requests other than chat (see `Dialect.requestHeaders`). */
export const dialectHeaders = (
  context: ClientContext,
  options: RequestOptions | undefined,
): Record<string, string> => context.dialect.requestHeaders?.((options ?? {}) as never) ?? {};

/** The dialect headers `run` was submitted with, if any (see `Dialect.requestHeaders`). */
export const headersOfSubmit = (run: Run): Record<string, string> | undefined => submitHeaders.get(run);

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
