import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createSha256, Sha256 } from '../../src/testing/sha256.js';

describe('sha256', () => {
  it('matches node:crypto for every padding edge, fed in uneven pieces', () => {
    for (const size of [0, 1, 55, 56, 63, 64, 65, 119, 120, 128, 1000, 70_001]) {
      const data = new Uint8Array(size).map((_, index) => (index * 7 + 3) % 256);
      const expected = createHash('sha256').update(data).digest('hex');
      for (const hash of [new Sha256(), createSha256()]) {
        for (let at = 0; at < size; at += 13) hash.update(data.subarray(at, at + 13));
        expect(hash.digest()).toBe(expected);
      }
    }
  });
});
