import { ensureRuntime } from '../lib/install-runtime.js';
import { nodeRuntime } from '../lib/manifest.js';
import { runServerRuntime } from './server-runtime.js';
import type { Target } from './target.js';

/** One Node release, loading the package through its ESM and its CJS entry points. */
export const nodeTarget = (version: string): Target => ({
  name: `node@${version}`,
  prepare: async () => {
    const node = await ensureRuntime(nodeRuntime(version));
    const label = `node@${node.version}  esm+cjs`;
    return {
      label,
      run: (host) =>
        runServerRuntime(host, label, [
          { name: 'esm', entry: { command: node.binary, args: ['server-entry.mjs'], cwd: host.consumerDir } },
          { name: 'cjs', entry: { command: node.binary, args: ['server-entry.cjs'], cwd: host.consumerDir } },
        ]),
    };
  },
});
