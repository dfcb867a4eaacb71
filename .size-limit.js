// Size budgets, checked by `npm run size` (size-limit bundles each entry with esbuild).
// Browser ESM bundles, minified, gzip level 9; "KB" is 1000 bytes.
const browserEsm = (config) => ({ ...config, format: 'esm', platform: 'browser', target: 'es2022' });

export default [
  {
    name: 'createClient + a streamed chat (ESM, browser)',
    path: 'test/runtimes/bundles/streamed-chat.js',
    // The goal is 15 KB; today every resource is wired into createClient and ofetch and
    // eventsource-parser take ~5 KB gzip (README, "Bundle size"). This budget stops regressions.
    limit: '33 KB',
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
