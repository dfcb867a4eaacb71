import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCommand, tail } from './run-command.js';

/** A throwaway project with the packed tarball installed, as a user's app would have it. */
export interface Consumer {
  readonly dir: string;
  readonly tarball: string;
  /** Paths inside the tarball, e.g. `package/dist/index.js`. */
  readonly files: readonly string[];
  remove(): Promise<void>;
}

export const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));

const builtFiles = ['dist/index.js', 'dist/index.cjs', 'dist/testing.js', 'dist/testing.cjs'];

/** Throws the fix when the package was not built: packing would ship an empty `dist`. */
export const assertBuilt = (): void => {
  const missing = builtFiles.filter((file) => !existsSync(join(repoRoot, file)));
  if (missing.length > 0) throw new Error(`${missing.join(', ')} missing: run \`npm run build\` first`);
};

/** `npm pack`s the repo and installs the tarball into a new temporary project. */
export const createConsumer = async (): Promise<Consumer> => {
  assertBuilt();
  const dir = await mkdtemp(join(tmpdir(), 'chatwire-consumer-'));
  const remove = () => rm(dir, { recursive: true, force: true });
  try {
    const packed = await npm(['pack', '--json', '--pack-destination', dir], repoRoot);
    const [entry] = JSON.parse(packed) as Array<{ filename: string; files: Array<{ path: string }> }>;
    if (entry === undefined) throw new Error('npm pack printed no tarball');
    const tarball = join(dir, entry.filename);
    await writeFile(
      join(dir, 'package.json'),
      `${JSON.stringify({ name: 'chatwire-consumer', private: true, type: 'module' }, null, 2)}\n`,
    );
    // --prefer-offline: chatwire's own dependencies are in npm's cache after `npm ci`.
    await npm(
      [
        'install',
        '--no-audit',
        '--no-fund',
        '--no-package-lock',
        '--ignore-scripts',
        '--prefer-offline',
        tarball,
      ],
      dir,
    );
    return { dir, tarball, files: entry.files.map((file) => `package/${file.path}`), remove };
  } catch (error) {
    await remove();
    throw error;
  }
};

const npm = async (args: string[], cwd: string, tries = 2): Promise<string> => {
  for (let attempt = 1; ; attempt++) {
    const result = await runCommand('npm', args, { cwd, timeoutMs: 5 * 60_000 });
    if (result.code === 0) return result.stdout;
    if (attempt >= tries) {
      throw new Error(
        `npm ${args[0]} failed (exit ${result.code}): ${tail(result.stderr || result.stdout, 4)}`,
      );
    }
  }
};
