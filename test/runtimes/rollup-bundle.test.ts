// Rollup (what Vite's production builds grew up on) must split the build the way the README says:
// a chat page's entry chunk without the upload and polling code, which waits in chunks of its own
// loaded at the first import() that needs them; and nothing dropped on the way.
import { fileURLToPath } from 'node:url';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import { type OutputChunk, rollup } from 'rollup';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt } from './lib/consumer.js';

interface Split {
  /** The entry chunk: what the page loads first. */
  readonly entry: string;
  /** Every other chunk, each fetched by an import() on first use. */
  readonly lazy: string;
  readonly warnings: string[];
}

/** A browser build of one entry, resolving `chatwire` to this repo's build as an app's bundler would. */
async function split(name: string): Promise<Split> {
  const warnings: string[] = [];
  const bundle = await rollup({
    input: fileURLToPath(new URL(`bundles/${name}`, import.meta.url)),
    plugins: [nodeResolve({ browser: true })],
    onwarn: (warning) => warnings.push(`${warning.code}: ${warning.message}`),
  });
  try {
    const { output } = await bundle.generate({ format: 'es' });
    const chunks = output.filter((file): file is OutputChunk => file.type === 'chunk');
    const code = (entry: boolean) =>
      chunks
        .filter((chunk) => chunk.isEntry === entry)
        .map((chunk) => chunk.code)
        .join('\n');
    return { entry: code(true), lazy: code(false), warnings };
  } finally {
    await bundle.close();
  }
}

beforeAll(() => assertBuilt());

describe('Rollup browser build', () => {
  it('keeps uploads and polling out of the entry chunk, in chunks of their own', async () => {
    const { entry, lazy, warnings } = await split('streamed-chat.js');
    expect(warnings).toEqual([]);
    expect(entry).toContain('text/event-stream');
    expect(entry).not.toContain('chatcmpl-mock');
    for (const marker of ['form-data; name=', 'Gave up waiting for']) {
      expect(entry).not.toContain(marker);
      expect(lazy).toContain(marker);
    }
  }, 60_000);
});
