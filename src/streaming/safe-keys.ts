/**
 * Keys never copied from a vendor's JSON into objects we build: assigning `__proto__` would
 * replace the target's prototype (prototype pollution), and the other two shadow what code
 * reading the result expects.
 */
export function isUnsafeKey(key: string): boolean {
  return key === '__proto__' || key === 'constructor' || key === 'prototype';
}

/** `target` (created when missing) with `key` set to `value`, unless the key is unsafe. */
export function withKey(
  target: Record<string, unknown> | undefined,
  key: string,
  value: unknown,
): Record<string, unknown> | undefined {
  if (isUnsafeKey(key)) return target;
  const out = target ?? {};
  out[key] = value;
  return out;
}

/** A shallow copy of `source` without unsafe keys. */
export function safeCopy(source: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key in source) if (!isUnsafeKey(key)) out[key] = source[key];
  return out;
}
