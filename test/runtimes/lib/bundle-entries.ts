import { join } from 'node:path';
import { bundleEntry, entryPath } from './bundle.js';

/** Writes every runtime's entry file into the consumer project, next to its node_modules. */
export const bundleEntries = async (consumerDir: string): Promise<void> => {
  const server = entryPath('server-entry.ts');
  await Promise.all([
    bundleEntry({
      entry: server,
      outfile: join(consumerDir, 'server-entry.mjs'),
      format: 'esm',
      platform: 'node',
      consumerDir,
      chatwire: 'external',
    }),
    bundleEntry({
      entry: server,
      outfile: join(consumerDir, 'server-entry.cjs'),
      format: 'cjs',
      platform: 'node',
      consumerDir,
      chatwire: 'external',
    }),
  ]);
};
