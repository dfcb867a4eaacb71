import { dirname, resolve } from 'node:path';
import type { Plugin } from 'esbuild';
import { defineConfig, type Options } from 'tsup';

type TsupPlugin = NonNullable<Options['plugins']>[number];

const library: Options = {
  entry: { index: 'src/index.ts', testing: 'src/testing/index.ts', tools: 'src/tools/index.ts' },
  format: ['cjs'],
  dts: true,
  sourcemap: true,
  clean: false, // the build script empties dist/ first: two configs run in parallel here
  target: 'es2022',
  platform: 'neutral',
  splitting: false,
  // Unsplit, the inlined import()s make esbuild wrap modules, and classes then lose their names
  // (`exports.InvalidRequestError = class extends …`): keep them, as ESM has them.
  keepNames: true,
  treeshake: true,
  external: ['node:http', 'node:net', 'node:events', 'node:fs', 'node:path', 'node:buffer', 'node:util'],
};

/**
 * esbuild's splitting keeps `import './chunk-….js'` lines only to order evaluation. Our chunks
 * have no side effects (package.json says so), so consumers' bundlers drop those lines anyway,
 * and esbuild warns about each one ("Ignoring this import"). Blank them (line numbers, and so
 * the source maps, stay as they are).
 */
function dropBareChunkImports(): TsupPlugin {
  return {
    name: 'drop-bare-chunk-imports',
    renderChunk: (code: string) => ({ code: code.replace(/^import (["'])\.\/chunk-[\w-]+\.js\1;$/gm, '') }),
  };
}

// ESM is code-split: what `import()` loads lazily (uploads, runs, research, structured parsing)
// stays in chunks of its own, which a browser bundler keeps out of a chat-only page's first load.
// The entries share chunks, so `chatwire` and `chatwire/tools` hold one copy of each class.
const libraryEsm: Options = {
  ...library,
  keepNames: false,
  format: ['esm'],
  splitting: true,
  plugins: [dropBareChunkImports()],
};

// src/cli reaches the library only through src/index.ts. In the package that is dist/index.js,
// next to dist/cli.js: import it there instead of bundling a second copy (one set of error classes).
const libraryEntry = resolve('src/index.ts');
const useBuiltLibrary: Plugin = {
  name: 'cli-uses-built-library',
  setup(build) {
    build.onResolve({ filter: /^(\.\.\/)+index\.js$/ }, (args) =>
      resolve(dirname(args.importer), args.path.replace(/\.js$/, '.ts')) === libraryEntry
        ? { path: './index.js', external: true }
        : undefined,
    );
  },
};

// The `chatwire` command: Node only, ESM only; the shebang comes from src/cli/main.ts.
const cli: Options = {
  entry: { cli: 'src/cli/main.ts' },
  format: ['esm'],
  platform: 'node',
  target: 'node18',
  dts: false,
  sourcemap: true,
  clean: false,
  splitting: false,
  esbuildPlugins: [useBuiltLibrary],
};

export default defineConfig([libraryEsm, library, cli]);
