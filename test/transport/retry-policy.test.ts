import { describe, expect, it } from 'vitest';
import { backoffDelay, isRetryableStatus, serverRetryDelay } from '../../src/transport/retry-policy.js';

const headers = (init: Record<string, string>) => new Headers(init);

describe('isRetryableStatus', () => {
  it('retries 408, 409, 429 and every 5xx, and nothing else', () => {
    for (const status of [408, 409, 429, 500, 502, 503, 504, 599])
      expect(isRetryableStatus(status)).toBe(true);
    for (const status of [400, 401, 402, 403, 404, 422]) expect(isRetryableStatus(status)).toBe(false);
  });

  it('lets x-should-retry override both ways', () => {
    expect(isRetryableStatus(500, headers({ 'x-should-retry': 'false' }))).toBe(false);
    expect(isRetryableStatus(400, headers({ 'x-should-retry': 'true' }))).toBe(true);
  });
});

describe('serverRetryDelay', () => {
  it('prefers retry-after-ms (float ms) over Retry-After', () => {
    expect(serverRetryDelay(headers({ 'retry-after-ms': '1500.5', 'retry-after': '9' }))).toBe(1500.5);
  });

  it('a numeric retry-after-ms decides alone: over 60 s or negative means backoff, not the Retry-After beside it', () => {
    expect(serverRetryDelay(headers({ 'retry-after-ms': '120000', 'retry-after': '1' }))).toBeUndefined();
    expect(serverRetryDelay(headers({ 'retry-after-ms': '-5', 'retry-after': '1' }))).toBeUndefined();
    // One that is not a number at all defers to Retry-After.
    expect(serverRetryDelay(headers({ 'retry-after-ms': 'soon', 'retry-after': '1' }))).toBe(1000);
    expect(serverRetryDelay(headers({ 'retry-after-ms': ' ', 'retry-after': '1' }))).toBe(1000);
  });

  it('waits a delay of exactly 60 s (only a longer one falls back to backoff)', () => {
    expect(serverRetryDelay(headers({ 'retry-after': '60' }))).toBe(60_000);
    expect(serverRetryDelay(headers({ 'retry-after-ms': '60000' }))).toBe(60_000);
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    expect(serverRetryDelay(headers({ 'retry-after': '2' }))).toBe(2000);
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(serverRetryDelay(headers({ 'retry-after': 'Thu, 01 Jan 2026 00:00:03 GMT' }), now)).toBe(3000);
  });

  it('ignores missing, negative, non-finite, unparseable and over-60 s values', () => {
    for (const value of ['', '-1', 'NaN', 'Infinity', 'soon', '61', '3600']) {
      expect(serverRetryDelay(headers({ 'retry-after': value })), value).toBeUndefined();
    }
    expect(serverRetryDelay(headers({ 'retry-after-ms': '60001' }))).toBeUndefined();
    expect(serverRetryDelay(headers({}))).toBeUndefined();
    expect(serverRetryDelay(undefined)).toBeUndefined();
  });
});

describe('backoffDelay', () => {
  it('doubles from 0.5 s and caps at 8 s, with at most 25 % jitter taken off', () => {
    const noJitter = () => 0;
    const fullJitter = () => 0.999999;
    expect([0, 1, 2, 3, 4, 5, 10].map((n) => backoffDelay(n, noJitter))).toEqual([
      500, 1000, 2000, 4000, 8000, 8000, 8000,
    ]);
    expect(backoffDelay(0, fullJitter)).toBeGreaterThan(375);
    expect(backoffDelay(0, fullJitter)).toBeLessThan(500);
  });
});
