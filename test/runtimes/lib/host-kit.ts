import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as Testing from '../../../src/testing/index.js';

/**
 * The consumer's installed `chatwire/testing`, loaded into this (host) process through the
 * package's own exports map, to serve as the mock vendor.
 */
export const loadHostKit = async (consumerDir: string): Promise<typeof Testing> => {
  const file = join(consumerDir, 'host-kit.mjs');
  await writeFile(file, "export * from 'chatwire/testing';\n");
  return (await import(pathToFileURL(file).href)) as typeof Testing;
};
