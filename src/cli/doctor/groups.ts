import { chatRequest, chatURL } from './chat-request.js';
import type { CheckResult } from './check-result.js';
import { asyncChecks } from './checks/async-run.js';
import { browserHeaders, corsResponseCheck, preflightCheck } from './checks/cors.js';
import { errorBodyCheck } from './checks/error-body.js';
import { jsonShapeCheck } from './checks/json-shape.js';
import { rateLimitCheck } from './checks/rate-limit.js';
import { type Answered, requestIdCheck } from './checks/request-id.js';
import { sdkReplayCheck } from './checks/sdk-replay.js';
import { streamChecks } from './checks/stream.js';
import type { DoctorContext } from './doctor-context.js';
import { send } from './send.js';
import { sendStream } from './send-stream.js';

/** What the groups learn as they go. */
export interface RunState {
  /** Successful answers, for the request-id check. */
  readonly answered: Answered[];
  /** Set when later checks cannot run: why. */
  blocked?: string;
  reachable: boolean;
}

type Group = (context: DoctorContext, state: RunState) => Promise<CheckResult[]>;

/** A plain answer: its shape, chatwire reading it, and whether the rest can go on. */
const json: Group = async (context, state) => {
  const answer = await send(chatRequest(context), context.limits);
  const rows = [jsonShapeCheck(answer, context), await sdkReplayCheck('json', answer, context)];
  const { apiKey, keyVariable } = context.endpoint;
  if (!answer.ok) {
    state.reachable = false;
    state.blocked = 'endpoint unreachable (see json.shape)';
  } else if (answer.status === 401 || answer.status === 403) {
    state.blocked =
      apiKey === undefined
        ? `the endpoint wants a key (${answer.status}): set ${keyVariable}`
        : `your key was refused (${answer.status}): check ${keyVariable}`;
  } else if (answer.status === 429) context.rateLimited.push(answer);
  else if (answer.status === 200) state.answered.push({ label: 'JSON', headers: answer.headers });
  return rows;
};

const stream: Group = async (context, state) => {
  const answer = await sendStream(chatRequest(context, { stream: true }), context.limits);
  if (answer.ok && answer.status === 200) state.answered.push({ label: 'stream', headers: answer.headers });
  return [...streamChecks(answer, context), await sdkReplayCheck('stream', answer, context)];
};

/** An empty message list, then the probe key. */
const errors: Group = async (context) => {
  const noMessages = chatRequest(context, { body: (body) => ({ ...body, messages: [] }) });
  const badRequest = errorBodyCheck('error.bad-request', await send(noMessages, context.limits), context);
  const badKey = chatRequest(context, { key: 'invalid' });
  return [badRequest, errorBodyCheck('error.bad-key', await send(badKey, context.limits), context)];
};

/** A preflight, then a cheap bad request with Origin to see the CORS headers on a real answer. */
const cors: Group = async (context) => {
  const preflight = await send(
    {
      method: 'OPTIONS',
      url: chatURL(context),
      headers: {
        origin: context.origin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': browserHeaders(context).join(', '),
      },
    },
    context.limits,
  );
  const preflightRow = preflightCheck(preflight, context);
  const request = chatRequest(context, {
    origin: context.origin,
    body: (body) => ({ ...body, messages: [] }),
  });
  return [preflightRow, corsResponseCheck(await send(request, context.limits), preflightRow, context)];
};

/** The check groups `--skip` can name, in the order they run. */
export const GROUPS = {
  json,
  stream,
  errors,
  'request-id': async (context, state) => [requestIdCheck(state.answered, context)],
  cors,
  async: (context) => asyncChecks(context),
  'rate-limit': async (context) => [await rateLimitCheck(context)],
} satisfies Record<string, Group>;

export type CheckGroup = keyof typeof GROUPS;
