import type { Plugin } from 'esbuild';

/**
 * Leaves every `import()` out of an esbuild bundle, as a code-splitting bundler (Vite, webpack,
 * Rollup) leaves it to a chunk fetched on first use: the bundle is then a page's first load.
 * `.size-limit.js` has the same plugin in plain JS.
 */
export const lazyImportsExternal: Plugin = {
  name: 'lazy-imports-external',
  setup(build) {
    build.onResolve({ filter: /.*/ }, (args) =>
      args.kind === 'dynamic-import' ? { path: args.path, external: true } : undefined,
    );
  },
};
