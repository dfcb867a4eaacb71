import { readFileSync } from 'node:fs';
import type { Plugin } from 'esbuild';

/**
 * Measurement only, never a build we ship: what our own first-load code weighs when both
 * runtime dependencies on the path weigh nothing and only the default dialect is bundled. It
 * bounds from below what any change short of dropping behaviour could reach.
 */
export function ownCodeFloor(srcEntry: string): Plugin {
  return {
    name: 'own-code-floor',
    setup(build) {
      build.onResolve({ filter: /^chatwire$/ }, () => ({ path: srcEntry }));
      build.onResolve({ filter: /^(ofetch|eventsource-parser)$/ }, (args) => ({
        path: args.path,
        namespace: 'weightless',
      }));
      build.onLoad({ filter: /^ofetch$/, namespace: 'weightless' }, () => ({
        contents: 'export const createFetch = (d) => ({ raw: (url, init) => d.fetch(url, init) });',
        loader: 'js',
      }));
      build.onLoad({ filter: /^eventsource-parser$/, namespace: 'weightless' }, () => ({
        contents: 'export const createParser = () => ({ feed() {}, reset() {} });',
        loader: 'js',
      }));
      build.onLoad({ filter: /dialects[/\\]registry\.ts$/ }, (args) => ({
        contents: openaiOnly(readFileSync(args.path, 'utf8')),
        loader: 'ts',
      }));
    },
  };
}

const VENDORS = ['caesar', 'bifrost', 'morpheus', 'intandem'];

/** The registry with every named vendor mapped to the openai factory (their modules unimported). */
function openaiOnly(source: string): string {
  let out = source;
  for (const vendor of VENDORS) {
    out = out
      .replace(new RegExp(`^import \\{[^}]*\\b${vendor}\\b[^}]*\\} from '\\./${vendor}\\.js';$`, 'm'), '')
      .replace(new RegExp(`^  ${vendor},$`, 'm'), `  ${vendor}: openai as never,`);
  }
  for (const vendor of VENDORS) {
    if (new RegExp(`from '\\./${vendor}\\.js'|^  ${vendor},$`, 'm').test(out))
      throw new Error(`bench: could not leave the ${vendor} dialect out of registry.ts (it changed shape)`);
  }
  return out;
}
