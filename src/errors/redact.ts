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
  for (const [key, item] of Object.entries(input)) out[text(key)] = redactDeep(item, text, depth + 1);
  return out;
}
