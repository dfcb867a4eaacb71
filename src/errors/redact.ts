// Secrets must never reach an error message, a stored body, `inspect` output or a log line, even
// when a vendor echoes the key back. Every error built from a response goes through a Redactor.

const MASK = '[redacted]';
// Too short a "secret" would mask ordinary words; keys are always longer than this.
const MIN_SECRET_LENGTH = 6;

export interface Redactor {
  readonly text: (value: string) => string;
  readonly value: <T>(value: T) => T;
}

export function createRedactor(secrets: ReadonlyArray<string | undefined>): Redactor {
  const list = secrets.filter((s): s is string => typeof s === 'string' && s.length >= MIN_SECRET_LENGTH);
  if (list.length === 0) return noRedaction;
  const text = (value: string) => {
    let out = value;
    for (const secret of list) if (out.includes(secret)) out = out.split(secret).join(MASK);
    return out;
  };
  const value = <T>(input: T): T => redactDeep(input, text, 0) as T;
  return { text, value };
}

export const noRedaction: Redactor = { text: (v) => v, value: (v) => v };

function redactDeep(input: unknown, text: (s: string) => string, depth: number): unknown {
  if (typeof input === 'string') return text(input);
  if (input === null || typeof input !== 'object' || depth > 64) return input;
  if (Array.isArray(input)) return input.map((item) => redactDeep(item, text, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(input)) {
    const name = text(key);
    const value = redactDeep(item, text, depth + 1);
    // `__proto__` is data in parsed JSON: assigning it would swap the copy's prototype instead
    // (an error body `{"__proto__":{…}}` would then show inherited fields it never had).
    if (name === '__proto__')
      Object.defineProperty(out, name, { value, enumerable: true, writable: true, configurable: true });
    else out[name] = value;
  }
  return out;
}

/**
 * Masks the secrets in an error made from response data before it reaches the caller: message,
 * stack, own fields (`body`, `rawText`, `run`, …) and causes that mention one. A safety net for
 * errors that readers outside the transport build from a vendor's text, which may echo the key
 * (inTandem's `success: false` on a 200, a failed run's message). Changes the error in place, and
 * only where a secret was found.
 */
export function redactError<T>(error: T, redactor: Redactor, depth = 0): T {
  if (redactor === noRedaction || !(error instanceof Error) || depth > 4) return error;
  const target = error as Error & Record<string, unknown>;
  for (const key of Object.keys(target)) {
    if (key !== 'cause' && mentionsSecret(target[key], redactor))
      trySet(target, key, redactor.value(target[key]));
  }
  trySet(target, 'message', redactor.text(target.message));
  if (typeof target.stack === 'string') trySet(target, 'stack', redactor.text(target.stack));
  const cause = target.cause;
  if (cause instanceof Error) redactError(cause, redactor, depth + 1);
  else if (cause !== undefined && mentionsSecret(cause, redactor))
    trySet(target, 'cause', redactor.value(cause));
  return error;
}

function mentionsSecret(value: unknown, redactor: Redactor): boolean {
  let text: string | undefined;
  try {
    text = typeof value === 'string' ? value : JSON.stringify(value);
  } catch {
    return false; // Not serialisable (a cycle): not vendor JSON either.
  }
  return text !== undefined && redactor.text(text) !== text;
}

function trySet(target: Record<string, unknown>, key: string, value: unknown): void {
  try {
    if (target[key] !== value) target[key] = value;
  } catch {
    // A read-only field (frozen or a getter): nothing a vendor's text reached.
  }
}
