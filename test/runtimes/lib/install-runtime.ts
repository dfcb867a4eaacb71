import { existsSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { BinaryRuntime } from './manifest.js';
import { runtimesCacheDir } from './manifest.js';
import { runCommand, tail } from './run-command.js';

/** A runtime ready to run: its binary and what it says its version is. */
export interface InstalledRuntime {
  readonly binary: string;
  readonly version: string;
  /** True when this call installed it (a cold cache). */
  readonly installed: boolean;
}

const attempts = 3;

/**
 * Returns the runtime's binary, installing its npm package under the cache directory first when
 * missing. Installs go to a temporary folder renamed into place only once the binary answers
 * `--version`, so an interrupted install never leaves a half-written runtime behind.
 */
export const ensureRuntime = async (runtime: BinaryRuntime): Promise<InstalledRuntime> => {
  const home = join(runtimesCacheDir(), `${runtime.name}@${runtime.version}`);
  const binaryIn = (dir: string) => join(dir, 'node_modules', runtime.binaryPackage, runtime.binaryPath);
  if (existsSync(binaryIn(home))) {
    return { binary: binaryIn(home), version: await readVersion(runtime, binaryIn(home)), installed: false };
  }
  const staging = `${home}.installing-${process.pid}`;
  let lastError = '';
  for (let attempt = 1; attempt <= attempts; attempt++) {
    await rm(staging, { recursive: true, force: true });
    await mkdir(staging, { recursive: true });
    // --ignore-scripts: the platform package is plain files; nothing needs to run.
    const result = await runCommand(
      'npm',
      [
        'install',
        '--prefix',
        staging,
        '--no-save',
        '--no-package-lock',
        '--ignore-scripts',
        '--no-audit',
        '--no-fund',
        '--prefer-offline',
        `${runtime.binaryPackage}@${runtime.version}`,
      ],
      { timeoutMs: 10 * 60_000 },
    );
    if (result.code === 0 && existsSync(binaryIn(staging))) {
      const version = await readVersion(runtime, binaryIn(staging));
      // Another run on this machine may have finished the same install meanwhile: keep theirs.
      if (existsSync(binaryIn(home))) await rm(staging, { recursive: true, force: true });
      else await rename(staging, home);
      return { binary: binaryIn(home), version, installed: true };
    }
    lastError = result.timedOut ? 'npm install timed out' : tail(result.stderr || result.stdout, 3);
    if (attempt < attempts) await new Promise((resolve) => setTimeout(resolve, attempt * 3000));
  }
  await rm(staging, { recursive: true, force: true });
  throw new Error(
    `could not install ${runtime.binaryPackage}@${runtime.version} after ${attempts} tries: ${lastError}`,
  );
};

const readVersion = async (runtime: BinaryRuntime, binary: string): Promise<string> => {
  const result = await runCommand(binary, runtime.versionArgs, { timeoutMs: 30_000 });
  const match = runtime.versionPattern.exec(result.stdout);
  if (result.code !== 0 || match === null) {
    throw new Error(
      `${binary} ${runtime.versionArgs.join(' ')} failed: ${tail(result.stderr || result.stdout, 2)}`,
    );
  }
  return match[0];
};
