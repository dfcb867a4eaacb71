// peers.md §7 #14: openai-node's runtime shims broke webpack builds (Next.js bundles with it).
// webpack 5 itself, not only esbuild, must bundle both browser entries from the build: no error,
// no "Module not found" for a Node built-in, and no server code in the output.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import webpack from 'webpack';
import { assertBuilt } from './lib/consumer.js';

interface Built {
  readonly code: string;
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
      const code = stats.hasErrors() ? '' : readFileSync(join(outDir, 'main.js'), 'utf8');
      rmSync(outDir, { recursive: true, force: true });
      resolve({ code, errors: text(info.errors), warnings: text(info.warnings) });
    });
  });
}

beforeAll(() => assertBuilt());

describe('webpack 5 browser build', () => {
  it('bundles createClient + a streamed chat with no error or warning, and no testing kit', async () => {
    const { code, errors, warnings } = await build('streamed-chat.js');
    expect(errors).toEqual([]);
    expect(warnings).toEqual([]);
    expect(code).toContain('text/event-stream');
    expect(code).not.toContain('chatcmpl-mock');
  }, 60_000);

  it('bundles the chatwire/testing builders without Node built-ins or the mock server', async () => {
    const { code, errors } = await build('testing-builders.js');
    expect(errors).toEqual([]);
    expect(code).toContain('chatcmpl-mock');
    expect(code).not.toContain('Mock server closed');
  }, 60_000);
});
