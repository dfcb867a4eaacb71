// The package as npm users get it: `npm pack`, installed into a fresh project, loaded through
// both entry points by ESM `import` and CJS `require`, and used against the packed mock server.
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Consumer, createConsumer, repoRoot } from './lib/consumer.js';
import { runCommand } from './lib/run-command.js';

interface Loaded {
  root: string[];
  testing: string[];
  content: string;
  version: string;
  /** Exported classes whose `name` is not their export name (an unnamed `class extends …`). */
  misnamed: string[];
}

const script = {
  esm: `import * as root from 'chatwire';
import * as testing from 'chatwire/testing';
import { createRequire } from 'node:module';
const { version } = createRequire(import.meta.url)('chatwire/package.json');
const server = await testing.createMockServer();
const client = root.createClient({ baseURL: server.baseURL, apiKey: 'sk-packed' });
const completion = await client.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: 'from esm' }] });
await server.close();
const misnamed = Object.entries(root).filter(([k, v]) => typeof v === 'function' && /^[A-Z]/.test(k) && v.name !== k).map(([k]) => k);
console.log(JSON.stringify({ root: Object.keys(root).sort(), testing: Object.keys(testing).sort(), content: completion.choices[0].message.content, version, misnamed }));
`,
  cjs: `const root = require('chatwire');
const testing = require('chatwire/testing');
const { version } = require('chatwire/package.json');
(async () => {
  const server = await testing.createMockServer();
  const client = root.createClient({ baseURL: server.baseURL, apiKey: 'sk-packed' });
  const completion = await client.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: 'from cjs' }] });
  await server.close();
  const misnamed = Object.entries(root).filter(([k, v]) => typeof v === 'function' && /^[A-Z]/.test(k) && v.name !== k).map(([k]) => k);
  console.log(JSON.stringify({ root: Object.keys(root).sort(), testing: Object.keys(testing).sort(), content: completion.choices[0].message.content, version, misnamed }));
})();
`,
};

let consumer: Consumer;

const load = async (format: 'esm' | 'cjs'): Promise<Loaded> => {
  const file = join(consumer.dir, format === 'esm' ? 'load.mjs' : 'load.cjs');
  await writeFile(file, script[format]);
  const result = await runCommand(process.execPath, [file], { cwd: consumer.dir, timeoutMs: 20_000 });
  if (result.code !== 0) throw new Error(`${format} load failed: ${result.stderr}`);
  return JSON.parse(result.stdout) as Loaded;
};

beforeAll(async () => {
  consumer = await createConsumer();
}, 180_000);

afterAll(async () => {
  await consumer?.remove();
});

describe('the packed tarball', () => {
  it('installs the chatwire command: npx chatwire works, and doctor passes against the packed mock', async () => {
    const bin = join(consumer.dir, 'node_modules', '.bin', 'chatwire');
    const version = await runCommand(bin, ['--version'], { cwd: consumer.dir, timeoutMs: 20_000 });
    expect(version.code, version.stderr).toBe(0);
    expect(version.stdout.trim()).toContain(
      JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')).version,
    );
    const serve = join(consumer.dir, 'serve.mjs');
    await writeFile(
      serve,
      `import { createMockServer } from 'chatwire/testing';
const server = await createMockServer({ dialect: 'morpheus' });
console.log(server.baseURL);
process.stdin.on('data', () => {}).on('end', () => server.close());
`,
    );
    const { spawn } = await import('node:child_process');
    const host = spawn(process.execPath, [serve], { cwd: consumer.dir, stdio: ['pipe', 'pipe', 'inherit'] });
    try {
      const baseURL = await new Promise<string>((resolve) =>
        host.stdout.once('data', (data) => resolve(String(data).trim())),
      );
      const doctor = await runCommand(
        bin,
        ['doctor', '--dialect', 'morpheus', '--base-url', baseURL, '--json'],
        {
          cwd: consumer.dir,
          env: { ...process.env, MORPHEUS_API_KEY: 'sk-packed' },
          timeoutMs: 60_000,
        },
      );
      expect(doctor.code, doctor.stdout + doctor.stderr).toBe(0);
      expect(JSON.parse(doctor.stdout).compatible).toBe(true);
    } finally {
      host.stdin.end();
      host.kill();
    }
  }, 90_000);

  it('loads chatwire/tools from the tarball (ESM and CJS)', async () => {
    const file = join(consumer.dir, 'tools.mjs');
    await writeFile(
      file,
      `import { jsonSchemaFormat, tool } from 'chatwire/tools';
import { createRequire } from 'node:module';
const cjs = createRequire(import.meta.url)('chatwire/tools');
console.log(JSON.stringify({ esm: typeof jsonSchemaFormat === 'function' && typeof tool === 'function', cjs: typeof cjs.tool === 'function' }));
`,
    );
    const result = await runCommand(process.execPath, [file], { cwd: consumer.dir, timeoutMs: 20_000 });
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ esm: true, cjs: true });
  });

  it('ChatwireError.is recognises errors from a second copy of the package (ESM and CJS loaded together)', async () => {
    const file = join(consumer.dir, 'two-copies.mjs');
    await writeFile(
      file,
      `import { ChatwireError, createClient, InvalidRequestError } from 'chatwire';
import { createRequire } from 'node:module';
const cjs = createRequire(import.meta.url)('chatwire');
const fromCjs = await cjs.createClient({ apiKey: 'k', baseURL: 'http://127.0.0.1:9' }).chat.completions
  .create({ model: 'm', messages: [] }).catch((e) => e);
const fromEsm = await createClient({ apiKey: 'k', baseURL: 'http://127.0.0.1:9' }).chat.completions
  .create({ model: 'm', messages: [] }).catch((e) => e);
console.log(JSON.stringify({
  twoCopies: cjs.ChatwireError !== ChatwireError,
  instanceofAcross: fromCjs instanceof InvalidRequestError,
  isAcross: ChatwireError.is(fromCjs) && cjs.ChatwireError.is(fromEsm),
  nameAcross: fromCjs.name,
  plainError: ChatwireError.is(new Error('x')),
}));
`,
    );
    const result = await runCommand(process.execPath, [file], { cwd: consumer.dir, timeoutMs: 20_000 });
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      twoCopies: true,
      instanceofAcross: false,
      isAcross: true,
      nameAcross: 'InvalidRequestError',
      plainError: false,
    });
  });

  it('ships the ESM and CJS builds with their types, and no sources or tests', () => {
    for (const name of ['index', 'testing', 'tools']) {
      for (const extension of ['js', 'cjs', 'd.ts', 'd.cts']) {
        expect(consumer.files).toContain(`package/dist/${name}.${extension}`);
      }
    }
    expect(consumer.files).toContain('package/package.json');
    expect(consumer.files.filter((file) => /^package\/(src|test|bench|examples)\//.test(file))).toEqual([]);
  });

  it('imports both entry points as ESM and serves a chat with the packed mock', async () => {
    const loaded = await load('esm');
    expect(loaded.content).toBe('Echo: from esm');
    expect(loaded.root).toEqual(
      expect.arrayContaining(['createClient', 'ChatCompletionStream', 'RateLimitError']),
    );
    expect(loaded.testing).toEqual(expect.arrayContaining(['createMockServer', 'chunk', 'completion']));
  });

  it('requires both entry points as CJS, with the same exports as ESM', async () => {
    const [esm, cjs] = await Promise.all([load('esm'), load('cjs')]);
    expect(cjs.content).toBe('Echo: from cjs');
    // A dual build that drifts (an export only in one format) breaks half the users.
    expect(cjs.root).toEqual(esm.root);
    expect(cjs.testing).toEqual(esm.testing);
    // Error classes keep their names in both builds (`err.name`, `constructor.name`, logs).
    expect(esm.misnamed).toEqual([]);
    expect(cjs.misnamed).toEqual([]);
  });

  it('exposes package.json with the repository version', async () => {
    const { version } = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {
      version: string;
    };
    expect((await load('cjs')).version).toBe(version);
  });
});
