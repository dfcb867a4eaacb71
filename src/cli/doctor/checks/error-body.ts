import { readErrorBody } from '../../../index.js';
import { type CheckResult, type CheckStatus, check } from '../check-result.js';
import type { DoctorContext } from '../doctor-context.js';
import type { Exchange, NoAnswer } from '../exchange.js';
import { excerpt, mediaType } from '../json-tools.js';

/** The two provoked errors. */
const CASES = {
  'error.bad-request': { statuses: [400, 422], accepted: 'accepted a request with no messages' },
  'error.bad-key': { statuses: [401, 403], accepted: 'accepted an invalid key (no authentication?)' },
} as const;

/**
 * `error.bad-request` / `error.bad-key`: a client mistake gets a 4xx whose JSON body is the
 * dialect's error shape, with a message a client can show.
 */
export const errorBodyCheck = (
  id: keyof typeof CASES,
  answer: Exchange | NoAnswer,
  context: DoctorContext,
): CheckResult => {
  const { statuses, accepted } = CASES[id];
  const shape = context.expect.errorShape;
  const expected = `${statuses.join(' or ')}, ${shape.text}`;
  const result = (status: CheckStatus, got: string) => check(id, status, expected, got);
  if (!answer.ok) return result('fail', `no answer: ${answer.error}`);
  const { status } = answer;
  if (status < 300) {
    // A gateway without virtual keys (Bifrost's default) checks no key at all.
    const open = id === 'error.bad-key';
    return result(open ? 'warn' : 'fail', `${status}: ${accepted}`);
  }
  if (status === 429) {
    context.rateLimited.push(answer);
    return result('warn', '429: rate limited before the error could be seen; run again later');
  }
  const type = mediaType(answer.headers);
  if (type !== 'application/json' || answer.json === undefined) {
    const what = type === 'text/html' ? 'an HTML page' : `${type || 'no content-type'}, not JSON`;
    return result('fail', `${status} ${what}: ${excerpt(answer.text, 50)}`);
  }
  const message = readErrorBody(answer.json).message;
  const quoted = message ? JSON.stringify(excerpt(message, 60)) : undefined;
  if (status >= 500)
    return result('fail', `${status} for a client mistake (clients retry 5xx): ${quoted ?? ''}`);
  if (!shape.matches(answer.json)) {
    return quoted
      ? result('warn', `${status}, other shape ${excerpt(answer.json, 50)}; chatwire still reads ${quoted}`)
      : result('fail', `${status} ${excerpt(answer.json, 60)}: no message a client can show`);
  }
  if (!(statuses as readonly number[]).includes(status))
    return result('warn', `${status} (not ${statuses.join('/')}): ${quoted}`);
  return result('pass', `${status}: ${quoted}`);
};
