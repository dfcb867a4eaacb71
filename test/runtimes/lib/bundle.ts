import { basename, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';

/** Entries under `entries/` are written against `src/` (so they type-check before any build). */
export const entryPath = (name: string): string =>
  fileURLToPath(new URL(`../entries/${name}`, import.meta.url));

export interface BundleOptions {
  readonly entry: string;
  readonly outfile: string;
  readonly format: 'esm' | 'cjs';
  readonly platform: 'node' | 'browser' | 'neutral';
  /** The consumer project whose installed `chatwire` the bundle uses. */
  readonly consumerDir: string;
  /**
   * `external`: `chatwire` stays an import the runtime resolves from node_modules (ESM `import` or
   * CJS `require`, per `format`). `bundled`: the installed package is bundled in (page, worker).
   */
  readonly chatwire: 'external' | 'bundled';
  readonly conditions?: string[];
  /** Code-split as a browser app's bundler does: each `import()` becomes a chunk beside `outfile`. */
  readonly splitting?: boolean;
}

/** Bundles a test entry, turning its imports of `src/index.js` into the packed `chatwire`. */
export const bundleEntry = async (options: BundleOptions): Promise<void> => {
  const output = options.splitting
    ? { outdir: dirname(options.outfile), entryNames: basename(options.outfile, '.js'), splitting: true }
    : { outfile: options.outfile };
  await build({
    entryPoints: [options.entry],
    ...output,
    bundle: true,
    format: options.format,
    platform: options.platform,
    target: 'es2022',
    logLevel: 'silent',
    ...(options.conditions ? { conditions: options.conditions } : {}),
    plugins: [packagePlugin(options)],
  });
};

const sourceEntry = /[/\\]src[/\\](testing[/\\])?index\.js$/;

const packagePlugin = ({ chatwire, consumerDir }: BundleOptions): Plugin => ({
  name: 'chatwire-from-tarball',
  setup(context) {
    context.onResolve({ filter: sourceEntry }, (args) => {
      const specifier = /testing[/\\]index\.js$/.test(args.path) ? 'chatwire/testing' : 'chatwire';
      if (chatwire === 'external') return { path: specifier, external: true };
      return context.resolve(specifier, { kind: args.kind, resolveDir: consumerDir });
    });
  },
});
