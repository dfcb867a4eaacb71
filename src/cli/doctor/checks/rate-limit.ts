import { chatRequest } from '../chat-request.js';
import { type CheckResult, check } from '../check-result.js';
import type { DoctorContext } from '../doctor-context.js';
import type { Exchange } from '../exchange.js';
import { send } from '../send.js';

// IMF-fixdate, the form RFC 9110 asks senders to use: `Sun, 06 Nov 1994 08:49:37 GMT`.
const HTTP_DATE = /^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/;

const EXPECTED = '429 with Retry-After (seconds or HTTP date) or retry-after-ms';

/**
 * `rate-limit`: a 429 says when to come back. Only provoked on request (`--rate-limit-probe N`),
 * because a burst costs money and may trip abuse limits; a 429 met by other checks is used too.
 */
export const rateLimitCheck = async (context: DoctorContext): Promise<CheckResult> => {
  const seen = context.rateLimited[0];
  if (seen) return judge(seen, 'met during the checks');
  if (context.rateLimitProbe === 0) {
    return check(
      'rate-limit',
      'skip',
      EXPECTED,
      'not provoked: a burst costs money (try --rate-limit-probe N)',
    );
  }
  for (let sent = 1; sent <= context.rateLimitProbe; sent += 1) {
    const answer = await send(chatRequest(context), context.limits);
    if (!answer.ok)
      return check('rate-limit', 'fail', EXPECTED, `no answer to request ${sent}: ${answer.error}`);
    if (answer.status === 429) return judge(answer, `after ${sent} request(s)`);
  }
  return check('rate-limit', 'skip', EXPECTED, `no 429 after ${context.rateLimitProbe} requests`);
};

const judge = (answer: Exchange, when: string): CheckResult => {
  const ms = answer.headers.get('retry-after-ms');
  const after = answer.headers.get('retry-after');
  if (ms !== null) {
    const valid = Number.isFinite(Number(ms)) && Number(ms) >= 0;
    return check('rate-limit', valid ? 'pass' : 'fail', EXPECTED, `429 ${when}, retry-after-ms: ${ms}`);
  }
  if (after === null) {
    return check('rate-limit', 'warn', EXPECTED, `429 ${when} without Retry-After: clients can only guess`);
  }
  // RFC 9110: whole seconds or an HTTP date. `Date.parse` alone would read "1.5" or "-5" as dates.
  const value = after.trim();
  const seconds = /^\d+$/.test(value)
    ? Number(value)
    : HTTP_DATE.test(value)
      ? (Date.parse(value) - Date.now()) / 1000
      : Number.NaN;
  if (Number.isNaN(seconds)) {
    return check(
      'rate-limit',
      'fail',
      EXPECTED,
      `429 ${when}, Retry-After ${JSON.stringify(after)} is neither seconds nor a date`,
    );
  }
  return check(
    'rate-limit',
    'pass',
    EXPECTED,
    `429 ${when}, Retry-After: ${after} (${Math.max(0, Math.round(seconds))} s)`,
  );
};
