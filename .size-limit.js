// Size budgets, checked by `npm run size` (size-limit bundles each entry with esbuild).
// Browser ESM bundles, minified, gzip level 9; "KB" is 1000 bytes.
const browserEsm = (config) => ({ ...config, format: 'esm', platform: 'browser', target: 'es2022' });

// A code-splitting bundler (Vite, webpack, Rollup) leaves each `import()` to a chunk loaded on
// first use: uploads, polling, research and structured parsing. Leaving them external measures
// what a page that chats loads up front.
const lazyImportsExternal = {
  name: 'lazy-imports-external',
  setup(build) {
    build.onResolve({ filter: /.*/ }, (args) =>
      args.kind === 'dynamic-import' ? { path: args.path, external: true } : undefined,
    );
  },
};
const firstLoad = (config) => ({
  ...browserEsm(config),
  plugins: [...(config.plugins ?? []), lazyImportsExternal],
});

export default [
  {
    // The goal is 15 KB (README, "Bundle size" says what stands between). This budget stops regressions.
    name: 'createClient + a streamed chat, first load (ESM, browser, code-split)',
    path: 'test/runtimes/bundles/streamed-chat.js',
    limit: '25 KB',
    gzip: true,
    modifyEsbuildConfig: firstLoad,
  },
  {
    // One file with every lazy chunk inlined, as a worker or a bundler without splitting ships it.
    name: 'createClient + a streamed chat, one file (ESM, browser, nothing split)',
    path: 'test/runtimes/bundles/streamed-chat.js',
    limit: '36 KB',
    gzip: true,
    modifyEsbuildConfig: browserEsm,
  },
  {
    // Only the builders: the mock server and its node:* imports must tree-shake away. Node
    // built-ins are left external so the measure works today; test/runtimes/bundle-boundaries.test.ts
    // checks that no server code is left.
    name: 'chatwire/testing builders (ESM, browser)',
    path: 'test/runtimes/bundles/testing-builders.js',
    limit: '3 KB',
    gzip: true,
    ignore: ['http', 'buffer', 'node:http', 'node:buffer', 'node:net'],
    modifyEsbuildConfig: browserEsm,
  },
];
