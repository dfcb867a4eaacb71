import { configDefaults, defineConfig } from 'vitest/config';

// The unit suite a second time in vitest's `edge-runtime` environment (@edge-runtime/vm): each
// test file runs in its own vm context whose globals are the Edge Runtime's (`EdgeRuntime` set,
// its fetch, streams and AbortSignal from @edge-runtime/primitives), so the client meets a second
// realm and a second set of Web API classes. vitest still lends the context `process` and `Buffer`
// (the primitives need Buffer), so Node-global leaks are caught by test:runtimes (workerd, Chromium).
export default defineConfig({
  test: {
    name: 'edge-runtime',
    environment: 'edge-runtime',
    include: ['test/**/*.test.ts'],
    exclude: [
      ...configDefaults.exclude,
      // Packs the tarball and spawns runtimes: nothing to do with the globals under test.
      'test/runtimes/**',
      // Fakes a browser page with window/document stubs; the edge runtime's own `EdgeRuntime`
      // global rightly tells chatwire it is a server runtime, so the page guard stays off.
      'test/client/browser-guard.test.ts',
      'test/security/browser-key.test.ts',
      // Child processes and terminals (the CLI) and the soak's process-level checks: Node's own business.
      'test/cli/**',
      'test/soak/**',
    ],
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});
