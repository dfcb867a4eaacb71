import { gzipSync } from 'node:zlib';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import { transform } from 'esbuild';
import { type OutputChunk, rollup } from 'rollup';

export interface RollupFirstLoad {
  /** The entry chunk and every chunk it imports statically: what the page fetches before it runs. */
  readonly files: number;
  readonly minified: number;
  /** gzip -9 of the files one after another, comparable with a one-file bundle. */
  readonly gzip: number;
  /** The sum of each file's own gzip -9: what the browser transfers. */
  readonly gzipPerFile: number;
}

/** Builds `entry` with Rollup for the browser, minifies each chunk with esbuild and measures the first load. */
export async function rollupFirstLoad(entry: string): Promise<RollupFirstLoad> {
  const bundle = await rollup({
    input: entry,
    plugins: [nodeResolve({ browser: true })],
    logLevel: 'silent',
  });
  const { output } = await bundle.generate({ format: 'es' }).finally(() => bundle.close());
  const chunks = new Map(
    output.filter((file): file is OutputChunk => file.type === 'chunk').map((c) => [c.fileName, c]),
  );
  const first = new Set<string>();
  const pending = [...chunks.values()].filter((c) => c.isEntry).map((c) => c.fileName);
  for (let name = pending.pop(); name !== undefined; name = pending.pop()) {
    if (first.has(name)) continue;
    first.add(name);
    pending.push(...(chunks.get(name)?.imports ?? []));
  }
  const minified: string[] = [];
  for (const name of first) {
    const code = chunks.get(name)?.code ?? '';
    minified.push((await transform(code, { minify: true, format: 'esm', target: 'es2022' })).code);
  }
  const gz = (text: string) => gzipSync(text, { level: 9 }).byteLength;
  return {
    files: first.size,
    minified: minified.reduce((sum, code) => sum + Buffer.byteLength(code), 0),
    gzip: gz(minified.join('\n')),
    gzipPerFile: minified.reduce((sum, code) => sum + gz(code), 0),
  };
}
