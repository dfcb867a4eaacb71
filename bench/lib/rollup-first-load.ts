import { gzipSync } from 'node:zlib';
import { transform } from 'esbuild';
import { rollupSplit } from '../../test/runtimes/lib/rollup-split.js';

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
  const { first } = await rollupSplit(entry);
  const minified: string[] = [];
  for (const chunk of first) {
    minified.push((await transform(chunk.code, { minify: true, format: 'esm', target: 'es2022' })).code);
  }
  const gz = (text: string) => gzipSync(text, { level: 9 }).byteLength;
  return {
    files: first.length,
    minified: minified.reduce((sum, code) => sum + Buffer.byteLength(code), 0),
    gzip: gz(minified.join('\n')),
    gzipPerFile: minified.reduce((sum, code) => sum + gz(code), 0),
  };
}
