/**
 * A deterministic, well-formed UUID (version 4 and RFC variant bits set) for the mock's `n`-th
 * id, so tests can predict ids such as Caesar file ids or Bifrost job ids:
 * `mockUuid(1)` is `'00000000-0000-4000-8000-000000000001'`.
 */
export const mockUuid = (n: number): string => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

/** `Date.now()` (or `ms`) as an ISO 8601 UTC string, the way vendors stamp `created_at`. */
export const isoTime = (ms: number = Date.now()): string => new Date(ms).toISOString();

/** Unix seconds now, as OpenAI's `created`. */
export const unixNow = (): number => Math.floor(Date.now() / 1000);
