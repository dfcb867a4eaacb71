import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** The source files an esbuild browser bundle of `contents` pulls in (bytes > 0 in the output). */
async function bundledFiles(contents: string): Promise<string[]> {
  const result = await build({
    stdin: { contents, resolveDir: root, loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    metafile: true,
    logLevel: 'silent',
    external: ['node:*'],
  });
  const [output] = Object.values(result.metafile.outputs);
  return Object.entries(output?.inputs ?? {})
    .filter(([, { bytesInOutput }]) => bytesInOutput > 0)
    .map(([file]) => file);
}

const isJsonSchema = (file: string) => /zod\/v4\/core\/(to-)?json-schema/.test(file);

describe('the chatwire/tools boundary', () => {
  it('the core, parse and runTools included, carries neither zod nor the tool loop', async () => {
    const files = await bundledFiles(`
      import { createClient } from './src/index.ts';
      const client = createClient({ apiKey: 'k', baseURL: 'http://127.0.0.1:1' });
      console.log(client.chat.completions.parse, client.chat.completions.runTools, client.chat.completions.stream);`);
    expect(files).toContain('src/resources/parse.ts');
    expect(files).toContain('src/resources/run-tools.ts');
    // Requests and strict responses are checked by hand-written rules (src/schema/rules.ts).
    expect(files.filter((file) => file.includes('node_modules/zod/'))).toEqual([]);
    expect(files.filter(isJsonSchema)).toEqual([]);
    expect(files.filter((file) => file.startsWith('src/tools/'))).toEqual([]);
  });

  it('chatwire/tools carries zod’s converter and the loop', async () => {
    const files = await bundledFiles(`
      import { jsonSchemaFormat, tool } from './src/tools/index.ts';
      console.log(jsonSchemaFormat, tool);`);
    expect(files.filter(isJsonSchema).length).toBeGreaterThan(0);
    expect(files).toContain('src/tools/loop/tool-loop.ts');
    // No client machinery and no second copy of the error classes (instanceof must keep working):
    // the loop reaches the client only through the port `runTools` lends it.
    expect(files.filter((file) => /src\/(transport|dialects|resources|errors)\//.test(file))).toEqual([]);
  });
});
