import { type Run, readErrorBody } from '../../../index.js';
import { baseHeaders, chatRequest } from '../chat-request.js';
import { type CheckResult, check } from '../check-result.js';
import type { DoctorContext } from '../doctor-context.js';
import { describeExchange, type Exchange } from '../exchange.js';
import { excerpt } from '../json-tools.js';
import { send } from '../send.js';

const SUBMIT = '2xx (202) with a run: id, status';
const POLL = 'polls answer 200/202 until completed, with the answer';

/** `async.submit` and `async.poll`: an async run starts, and polling it ends with the answer. */
export const asyncChecks = async (context: DoctorContext): Promise<CheckResult[]> => {
  const { dialect, name, baseURL } = context.endpoint;
  const spec = typeof dialect.runs === 'function' ? await dialect.runs() : dialect.runs;
  if (!dialect.capabilities.async || spec === undefined) {
    return [check('async', 'skip', '—', `the ${name} dialect has no async runs`)];
  }
  const submitted = await send(chatRequest(context, { async: true }), context.limits);
  const failed = (got: string) => [
    check('async.submit', 'fail', SUBMIT, got),
    check('async.poll', 'skip', POLL, 'no run'),
  ];
  if (!submitted.ok) return failed(`no answer: ${submitted.error}`);
  if (submitted.status >= 300) return failed(errorText(submitted));
  let run: Run;
  try {
    run = spec.readRun(submitted.json);
  } catch (error) {
    return failed(
      `${submitted.status}, unreadable run: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const submit = check(
    'async.submit',
    'pass',
    SUBMIT,
    `${submitted.status}, run ${run.id} ${run.vendorStatus}`,
  );
  return [submit, await pollCheck(context, run, `${baseURL}${spec.retrievePath(run.id)}`, spec.readRun)];
};

const errorText = (answer: Exchange) => {
  const message = readErrorBody(answer.json).message;
  return message ? `${answer.status}: ${excerpt(message)}` : describeExchange(answer);
};

const pollCheck = async (
  context: DoctorContext,
  first: Run,
  url: string,
  readRun: (body: unknown) => Run,
): Promise<CheckResult> => {
  const steps: string[] = [];
  const deadline = Date.now() + context.limits.timeoutMs;
  let run = first;
  while (run.status !== 'completed' && run.status !== 'failed') {
    if (Date.now() > deadline)
      return check(
        'async.poll',
        'fail',
        POLL,
        `${steps.join(' → ')}; still ${run.vendorStatus} after ${context.limits.timeoutMs} ms`,
      );
    await new Promise((resolve) => setTimeout(resolve, context.pollIntervalMs));
    const answer = await send({ method: 'GET', url, headers: baseHeaders(context) }, context.limits);
    if (!answer.ok) return check('async.poll', 'fail', POLL, `no answer: ${answer.error}`);
    if (answer.status >= 300)
      return check('async.poll', 'fail', POLL, `${steps.join(' → ')} → ${errorText(answer)}`);
    try {
      run = readRun(answer.json);
    } catch (error) {
      return check('async.poll', 'fail', POLL, `${answer.status}, unreadable run: ${String(error)}`);
    }
    steps.push(`${answer.status} ${run.vendorStatus}`);
  }
  const trail = steps.join(' → ') || `${first.vendorStatus} at once`;
  if (run.status === 'failed')
    return check('async.poll', 'fail', POLL, `${trail}: ${run.error?.message ?? 'no reason given'}`);
  const content = run.result?.choices[0]?.message.content;
  if (!run.result) return check('async.poll', 'fail', POLL, `${trail}, but no result in the run`);
  return check('async.poll', 'pass', POLL, `${trail} · ${JSON.stringify(excerpt(content ?? '', 30))}`);
};
