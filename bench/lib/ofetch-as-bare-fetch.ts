import type { Plugin } from 'esbuild';

/**
 * Resolves `ofetch` to the one call the transport makes of it (raw, no retry, no parsing), so the
 * bench can say what the dependency weighs. Measurement only: the package ships with ofetch.
 */
export const ofetchAsBareFetch: Plugin = {
  name: 'ofetch-as-bare-fetch',
  setup(build) {
    build.onResolve({ filter: /^ofetch$/ }, () => ({ path: 'ofetch', namespace: 'bare-fetch' }));
    build.onLoad({ filter: /.*/, namespace: 'bare-fetch' }, () => ({
      contents: 'export const createFetch = (d) => ({ raw: (url, init) => d.fetch(url, init) });',
      loader: 'js',
    }));
  },
};
