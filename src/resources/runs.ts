import { APIPromise } from '../api-promise.js';
import type { ClientContext } from '../client-context.js';
import { InvalidRequestError, ResponseValidationError } from '../errors/request-errors.js';
import { RunFailedError } from '../errors/run-errors.js';
import type { RequestOptions } from '../options.js';
import type { ChatCompletion } from '../schema/chat-completion.js';
import { type Run, TERMINAL } from '../schema/run.js';
import { dialectHeaders, headersOfSubmit, runSpec, withoutKey } from './create-run.js';
import { explainNotFound } from './explain-not-found.js';
import { pathId } from './path-id.js';
import { type PollOptions, pollStates, requestPart } from './poll.js';
import { requestJson } from './request-json.js';

export interface WaitOptions extends PollOptions {
  /** Called with the latest run on every status change. */
  onProgress?: (run: Run) => void;
}

/**
 * `client.runs`: async chat runs (inTandem) and jobs (Bifrost), normalised to one `Run`. `O` is
 * the dialect's request-option extras (Bifrost's `{ bifrost: { virtualKey } }`), sent with every
 * request and poll. A run object from `create({ async: true })` carries the ones it was made with.
 */
export interface Runs<O = {}> {
  retrieve(id: string, options?: RequestOptions & O): APIPromise<Run>;
  /** One page of runs, newest first (inTandem; `perPage` ≤ 100). */
  list(query?: { page?: number; perPage?: number }, options?: RequestOptions & O): APIPromise<Run[]>;
  /** Polls until the run finishes and resolves with its completion. */
  wait(run: Run | string, options?: WaitOptions & RequestOptions & O): Promise<ChatCompletion>;
  /** Yields the run at each status change, the finished one last. */
  watch(run: Run | string, options?: PollOptions & RequestOptions & O): AsyncIterable<Run>;
}

const RUN_DEFAULTS = { intervalMs: 1_000, maxIntervalMs: 10_000, timeoutMs: 30 * 60_000 };

export function createRuns(context: ClientContext): Runs {
  /** The headers the dialect derives from this call's extras, over those the run was made with. */
  const headersFor = (options: RequestOptions | undefined, carried?: Record<string, string>) => ({
    ...carried,
    ...dialectHeaders(context, options),
  });

  const retrieveWith = (id: string, options?: RequestOptions, carried?: Record<string, string>) =>
    new APIPromise(
      (async () => {
        pathId(id, 'run id');
        const spec = await runSpec(context);
        try {
          return await requestJson(
            context,
            { method: 'GET', path: spec.retrievePath(id), headers: headersFor(options, carried) },
            options,
            (body, _response, redactor) => withoutKey(spec.readRun(body), redactor),
          );
        } catch (error) {
          throw explainNotFound(error, `run ${id}`, spec.notFoundHint);
        }
      })(),
    );

  const watch = (run: Run | string, options: PollOptions & RequestOptions = {}) => {
    const carried = typeof run === 'string' ? undefined : headersOfSubmit(run);
    const request = requestPart(options);
    return pollStates(
      {
        fetch: (signal) =>
          retrieveWith(
            typeof run === 'string' ? run : run.id,
            { ...request, signal },
            carried,
          ).withResponse(),
        ...(typeof run === 'string' ? {} : { initial: run }),
        key: (state) => `${state.status}/${state.vendorStatus}`,
        isDone: (state) => TERMINAL.has(state.status),
        defaults: RUN_DEFAULTS,
        label: `run ${typeof run === 'string' ? run : run.id}`,
      },
      options,
    );
  };

  return {
    retrieve: (id, options) => retrieveWith(id, options),
    list: (query = {}, options) =>
      new APIPromise(
        (async () => {
          const spec = await runSpec(context);
          const perPage = query.perPage ?? 20;
          if (!spec.listPath || !spec.readRunList) {
            throw new InvalidRequestError(`The ${context.dialect.name} dialect cannot list runs.`);
          }
          if (!Number.isInteger(perPage) || perPage < 1 || perPage > 100) {
            throw new InvalidRequestError('runs.list: perPage must be a whole number from 1 to 100.', [
              { path: 'perPage', message: 'must be 1–100' },
            ]);
          }
          const path = spec.listPath(query.page ?? 1, perPage);
          const headers = headersFor(options);
          return requestJson(context, { method: 'GET', path, headers }, options, spec.readRunList);
        })(),
      ),
    watch,
    wait: async (run, options = {}) => {
      let last: Run | undefined;
      for await (const state of watch(run, options)) {
        last = state;
        options.onProgress?.(state);
      }
      if (last?.status === 'completed') {
        if (last.result) return last.result;
        throw new ResponseValidationError(`Run ${last.id} completed but its answer carried no result.`);
      }
      throw new RunFailedError(`Run ${last?.id} failed: ${last?.error?.message ?? 'no reason given'}`, {
        run: last,
        ...(last?.error?.code ? { code: last.error.code } : {}),
        ...(last?.error?.status ? { status: last.error.status } : {}),
      });
    },
  };
}
