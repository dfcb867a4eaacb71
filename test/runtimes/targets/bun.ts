import { ensureRuntime } from '../lib/install-runtime.js';
import { bunRuntime } from '../lib/manifest.js';
import { runServerRuntime } from './server-runtime.js';
import type { Target } from './target.js';

/** Bun resolving the package from node_modules, by `import` and by `require`. */
export const bunTarget: Target = {
  name: 'bun',
  prepare: async () => {
    const bun = await ensureRuntime(bunRuntime);
    const label = `bun@${bun.version}  esm+cjs`;
    // No telemetry or update checks from a test run.
    const env = { ...process.env, DO_NOT_TRACK: '1', BUN_RUNTIME_TRANSPILER_CACHE_PATH: '0' };
    return {
      label,
      run: (host) =>
        runServerRuntime(host, label, [
          {
            name: 'esm',
            entry: { command: bun.binary, args: ['server-entry.mjs'], cwd: host.consumerDir, env },
          },
          {
            name: 'cjs',
            entry: { command: bun.binary, args: ['server-entry.cjs'], cwd: host.consumerDir, env },
          },
        ]),
    };
  },
};
