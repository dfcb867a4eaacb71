// Rollup (what Vite's production builds grew up on) must split the build the way the README says:
// a chat page's first load without the upload and polling code, which waits in chunks of their own
// loaded at the first import() that needs them; and nothing dropped on the way.
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt } from './lib/consumer.js';
import { rollupSplit } from './lib/rollup-split.js';

beforeAll(() => assertBuilt());

describe('Rollup browser build', () => {
  it('keeps uploads and polling out of the first load, in chunks of their own', async () => {
    const split = await rollupSplit(fileURLToPath(new URL('bundles/streamed-chat.js', import.meta.url)));
    const code = (chunks: typeof split.first) => chunks.map((chunk) => chunk.code).join('\n');
    const [first, lazy] = [code(split.first), code(split.lazy)];
    expect(split.warnings).toEqual([]);
    expect(first).toContain('text/event-stream');
    expect(first).not.toContain('chatcmpl-mock');
    for (const marker of ['form-data; name=', 'Gave up waiting for']) {
      expect(first).not.toContain(marker);
      expect(lazy).toContain(marker);
    }
  }, 60_000);
});
