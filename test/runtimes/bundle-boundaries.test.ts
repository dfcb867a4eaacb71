// What a browser bundle of each entry point drags in. The client must not carry the testing kit;
// the testing kit's builders (chunk, completion, sseEncode…) must not carry its node:http server.
import { fileURLToPath } from 'node:url';
import { build, type Metafile, type Plugin } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt } from './lib/consumer.js';
import { lazyImportsExternal } from './lib/lazy-imports-external.js';

const entry = (name: string) => fileURLToPath(new URL(`bundles/${name}`, import.meta.url));

interface Bundle {
  readonly code: string;
  readonly inputs: readonly string[];
}

/** esbuild --bundle --format=esm --platform=browser, resolving `chatwire` to this repo's build. */
const bundle = async (name: string, external: string[] = [], plugins: Plugin[] = []): Promise<Bundle> => {
  const result = await build({
    entryPoints: [entry(name)],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    metafile: true,
    logLevel: 'silent',
    external,
    plugins,
  });
  return {
    code: result.outputFiles[0]?.text ?? '',
    inputs: Object.keys((result.metafile as Metafile).inputs),
  };
};

/** Strings only the mock server's code contains. */
const serverMarkers = ['chatwire mock: reply failed', 'Mock server closed', 'createServer'];
const nodeBuiltins = ['http', 'buffer', 'net', 'node:http', 'node:buffer', 'node:net'];

beforeAll(() => assertBuilt());

describe('browser bundle of the client', () => {
  it('contains no testing kit and needs no Node built-in', async () => {
    // Bundling with no externals at all fails if anything reaches for a Node module.
    const client = await bundle('streamed-chat.js');
    expect(client.inputs.filter((input) => input.includes('dist/testing'))).toEqual([]);
    for (const marker of [...serverMarkers, 'chatcmpl-mock']) expect(client.code).not.toContain(marker);
  });
});

/** Strings only the lazily loaded code contains: uploads, polling, research, partial JSON, parsing. */
const lazyMarkers = [
  'Content-Disposition: form-data', // files: multipart bodies
  'Gave up waiting for', // runs.wait / research.wait polling
  '/research/collections/', // collections
  'native research API', // research
  'The structured answer is not valid JSON', // parse(), parsed finalCompletion()
];

describe('first load of a chat-only page', () => {
  it('leaves uploads, polling, research and structured parsing to chunks loaded on first use', async () => {
    // What a code-splitting bundler (Vite, webpack, Rollup) loads up front: everything but import().
    const initial = await bundle('streamed-chat.js', [], [lazyImportsExternal]);
    for (const marker of lazyMarkers) expect(initial.code).not.toContain(marker);
    expect(initial.code).toMatch(/import\(["']\.\/files-/);
    // Inlined (a single-file bundle, a worker) the same code is all there: nothing was dropped.
    const whole = await bundle('streamed-chat.js');
    for (const marker of lazyMarkers) expect(whole.code).toContain(marker);
  });
});

describe('lazy chunks', () => {
  it('the collections chunk does not carry the upload code', async () => {
    // Collections share the file store's guard; a page that groups files must not download uploads.
    const result = await build({
      entryPoints: [fileURLToPath(new URL('../../src/resources/collections.ts', import.meta.url))],
      bundle: true,
      format: 'esm',
      platform: 'browser',
      write: false,
      logLevel: 'silent',
      plugins: [lazyImportsExternal],
    });
    const code = result.outputFiles[0]?.text ?? '';
    expect(code).toContain('/research/collections/');
    expect(code).not.toContain('Content-Disposition: form-data');
  });
});

describe('browser bundle of the chatwire/testing builders', () => {
  it('tree-shakes the mock server away', async () => {
    const builders = await bundle('testing-builders.js', nodeBuiltins);
    expect(builders.code).toContain('chatcmpl-mock');
    for (const marker of serverMarkers.slice(0, 2)) expect(builders.code).not.toContain(marker);
    expect(builders.code).not.toMatch(/\bcreateServer\s*\(|\.listen\(/);
  });

  it('bundles without Node built-ins (no unused node:http import left behind)', async () => {
    // esbuild, webpack 5 and Rollup refuse an unresolvable `import … from 'http'` even when
    // nothing uses it; Vite stubs it with a warning. Fixed by a package.json "browser" map.
    const builders = await bundle('testing-builders.js');
    expect(builders.code).not.toMatch(/from\s*["'](node:)?(http|buffer|net)["']/);
  });
});
