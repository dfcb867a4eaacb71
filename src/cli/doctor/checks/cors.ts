import { type CheckResult, check } from '../check-result.js';
import type { DoctorContext } from '../doctor-context.js';
import type { Exchange, NoAnswer } from '../exchange.js';

const list = (value: string | null) =>
  (value ?? '')
    .split(',')
    .map((item) => item.trim().toLowerCase())
    .filter(Boolean);

const allowsOrigin = (headers: Headers, origin: string) => {
  const allowed = headers.get('access-control-allow-origin');
  return allowed === '*' || allowed === origin;
};

/** Headers a browser page must send for this dialect (never telemetry headers: they break preflights). */
export const browserHeaders = (context: DoctorContext): string[] => [
  'authorization',
  'content-type',
  ...Object.keys(context.endpoint.dialect.headers).map((name) => name.toLowerCase()),
];

/** `cors.preflight`: OPTIONS with Origin and the request headers gets an answer that allows them. */
export const preflightCheck = (answer: Exchange | NoAnswer, context: DoctorContext): CheckResult => {
  const wanted = browserHeaders(context);
  const expected = `2xx, allow-origin ${context.origin} or *, methods ⊇ POST, headers ⊇ ${wanted.join(', ')}`;
  if (!answer.ok) return check('cors.preflight', 'fail', expected, `no answer: ${answer.error}`);
  const { headers, status } = answer;
  const origin = headers.get('access-control-allow-origin');
  if (status >= 300 && origin === null) {
    return check(
      'cors.preflight',
      'warn',
      expected,
      `${status}, no Access-Control-* headers: no browser use (servers unaffected)`,
    );
  }
  const problems: string[] = [];
  if (status >= 300) problems.push(`status ${status}`);
  if (!allowsOrigin(headers, context.origin)) problems.push(`allow-origin ${JSON.stringify(origin)}`);
  const methods = list(headers.get('access-control-allow-methods'));
  if (!methods.includes('*') && !methods.includes('post'))
    problems.push(`allow-methods ${JSON.stringify(methods.join(', '))} lacks POST`);
  const allowed = list(headers.get('access-control-allow-headers'));
  // The `*` wildcard never covers Authorization (Fetch standard, CORS-safelisted rules).
  const missing = wanted.filter(
    (name) => !allowed.includes(name) && !(allowed.includes('*') && name !== 'authorization'),
  );
  if (missing.length > 0) problems.push(`allow-headers lacks ${missing.join(', ')}`);
  if (problems.length > 0) return check('cors.preflight', 'fail', expected, problems.join('; '));
  return check(
    'cors.preflight',
    'pass',
    expected,
    `${status}, allow-origin ${origin}, headers ${allowed.join(', ')}`,
  );
};

/** `cors.response`: the answer itself allows the origin (else the browser hides it from the page). */
export const corsResponseCheck = (
  answer: Exchange | NoAnswer,
  preflight: CheckResult,
  context: DoctorContext,
): CheckResult => {
  const expected = `Access-Control-Allow-Origin on answers, x-request-id exposed`;
  if (!answer.ok) return check('cors.response', 'skip', expected, 'no answer to inspect');
  const origin = answer.headers.get('access-control-allow-origin');
  if (origin === null) {
    const none = preflight.status === 'warn';
    const got = `the ${answer.status} answer to a request with Origin has no Access-Control-Allow-Origin`;
    return check('cors.response', none ? 'warn' : 'fail', expected, none ? 'none: no browser use' : got);
  }
  if (!allowsOrigin(answer.headers, context.origin)) {
    return check(
      'cors.response',
      'fail',
      expected,
      `allow-origin ${JSON.stringify(origin)} ≠ ${context.origin}`,
    );
  }
  const exposed = list(answer.headers.get('access-control-expose-headers'));
  if (!exposed.includes('x-request-id') && !exposed.includes('*')) {
    return check(
      'cors.response',
      'warn',
      expected,
      `allow-origin ${origin}; x-request-id not exposed to pages`,
    );
  }
  return check('cors.response', 'pass', expected, `allow-origin ${origin}, exposes ${exposed.join(', ')}`);
};
