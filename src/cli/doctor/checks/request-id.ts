import { type CheckResult, check } from '../check-result.js';
import type { DoctorContext } from '../doctor-context.js';

/** A named answer whose headers are searched. */
export interface Answered {
  readonly label: string;
  readonly headers: Headers;
}

/** `request-id`: answers carry the vendor's request-id header (what support asks for). */
export const requestIdCheck = (answers: readonly Answered[], context: DoctorContext): CheckResult => {
  const { dialect, name } = context.endpoint;
  const names = [...new Set([...dialect.requestIdHeaders, 'x-request-id'])];
  const expected = context.expect.requestId
    ? `${names.join(' or ')} on every answer`
    : `optional (${name} documents none)`;
  if (answers.length === 0) return check('request-id', 'skip', expected, 'no successful answer to inspect');
  const found = answers.map((answer) => {
    const header = names.find((key) => answer.headers.get(key));
    return { label: answer.label, header, value: header ? answer.headers.get(header) : null };
  });
  const present = found.filter((item) => item.header !== undefined);
  const got = present.map((item) => `${item.header} ${item.value} (${item.label})`).join(', ');
  if (present.length === found.length) return check('request-id', 'pass', expected, got);
  const missing = found
    .filter((item) => item.header === undefined)
    .map((item) => item.label)
    .join(' and ');
  if (present.length > 0)
    return check('request-id', 'warn', expected, `${got}; none on the ${missing} answer`);
  if (!context.expect.requestId) return check('request-id', 'pass', expected, 'none sent');
  return check('request-id', 'fail', expected, `none on the ${missing} answer`);
};
