// peers.md §7 #14: openai-node's runtime shims broke webpack builds (Next.js bundles with it).
// webpack 5 itself, not only esbuild, must bundle both browser entries from the build: no error,
// no "Module not found" for a Node built-in, and no server code in the output.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import webpack from 'webpack';
import { assertBuilt } from './lib/consumer.js';

interface Built {
  /** The entry chunk: what the page loads first. */
  readonly code: string;
  /** The chunks webpack split off at `import()`, loaded on first use. */
  readonly lazyCode: string;
  readonly errors: string[];
  readonly warnings: string[];
}

/** A production browser build of one entry, as a Next.js or CRA app would make it. */
function build(name: string): Promise<Built> {
  const outDir = mkdtempSync(join(tmpdir(), 'chatwire-webpack-'));
  const compiler = webpack({
    mode: 'production',
    target: 'web',
    entry: fileURLToPath(new URL(`bundles/${name}`, import.meta.url)),
    output: { path: outDir, filename: 'main.js' },
    experiments: { topLevelAwait: true },
    performance: { hints: false },
    infrastructureLogging: { level: 'error' },
  });
  return new Promise((resolve, reject) => {
    compiler.run((failure, stats) => {
      compiler.close(() => {});
      if (failure || !stats) return reject(failure ?? new Error('webpack gave no stats'));
      const info = stats.toJson({ all: false, errors: true, warnings: true });
      const text = (list: Array<{ message: string }> | undefined) => (list ?? []).map((e) => e.message);
      const read = (file: string) => (stats.hasErrors() ? '' : readFileSync(join(outDir, file), 'utf8'));
      const lazyFiles = readdirSync(outDir).filter((file) => file.endsWith('.js') && file !== 'main.js');
      const result = {
        code: read('main.js'),
        lazyCode: lazyFiles.map(read).join('\n'),
        errors: text(info.errors),
        warnings: text(info.warnings),
      };
      rmSync(outDir, { recursive: true, force: true });
      resolve(result);
    });
  });
}

beforeAll(() => assertBuilt());

describe('webpack 5 browser build', () => {
  it('bundles createClient + a streamed chat with no error or warning, and no testing kit', async () => {
    const { code, lazyCode, errors, warnings } = await build('streamed-chat.js');
    expect(errors).toEqual([]);
    expect(warnings).toEqual([]);
    expect(code).toContain('text/event-stream');
    expect(code).not.toContain('chatcmpl-mock');
    // Uploads and polling are split off at their import(): in a chunk, not in the first load.
    for (const marker of ['form-data; name=', 'Gave up waiting for']) {
      expect(code).not.toContain(marker);
      expect(lazyCode).toContain(marker);
    }
  }, 60_000);

  it('bundles the chatwire/testing builders without Node built-ins or the mock server', async () => {
    const { code, errors } = await build('testing-builders.js');
    expect(errors).toEqual([]);
    expect(code).toContain('chatcmpl-mock');
    expect(code).not.toContain('Mock server closed');
  }, 60_000);
});
