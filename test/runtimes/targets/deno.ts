import { ensureRuntime } from '../lib/install-runtime.js';
import { denoRuntime } from '../lib/manifest.js';
import { pathUpload } from '../scenario/script.js';
import { runServerRuntime } from './server-runtime.js';
import type { Target } from './target.js';

/**
 * Deno importing the package from the consumer's node_modules (a package.json there makes Deno
 * resolve bare specifiers from it), with network access to loopback only and access to the path
 * upload's one file: passing `baseURL` and `apiKey` must not make chatwire read the environment.
 */
export const denoTarget: Target = {
  name: 'deno',
  prepare: async () => {
    const deno = await ensureRuntime(denoRuntime);
    const label = `deno@${deno.version}  esm`;
    const env = { ...process.env, DENO_NO_UPDATE_CHECK: '1', NO_COLOR: '1' };
    // The path upload step writes, reads and removes one file next to the entry, nothing else.
    const file = `./${pathUpload.file}`;
    const args = [
      'run',
      '--no-prompt',
      '--allow-net=127.0.0.1',
      `--allow-read=${file}`,
      `--allow-write=${file}`,
      'server-entry.mjs',
    ];
    return {
      label,
      run: (host) =>
        runServerRuntime(host, label, [
          { name: 'esm', entry: { command: deno.binary, args, cwd: host.consumerDir, env } },
        ]),
    };
  },
};
