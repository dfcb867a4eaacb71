// The runtimes the smoke scenario runs in, pinned to exact versions so every machine tests the same
// binaries. Bump a version here; the runner installs it on first use under the cache directory.
import { homedir } from 'node:os';
import { join } from 'node:path';

/** Where runtimes live: outside the clone, so repeated CI runs on one machine reuse them. */
export const runtimesCacheDir = (): string =>
  process.env.CHATWIRE_RUNTIMES_DIR ?? join(homedir(), '.cache', 'chatwire-runtimes');

/** A runtime binary shipped inside an npm package. */
export interface BinaryRuntime {
  /** The npm package users know (`node`, `bun`, `deno`, `workerd`). */
  readonly name: string;
  readonly version: string;
  /**
   * The package that holds the binary for this platform. `node`, `bun`, `deno` and `workerd` pick
   * it with an install script, which npm 11 no longer runs for dependencies without approval;
   * installing the platform package directly needs no script at all.
   */
  readonly binaryPackage: string;
  /** Path of the binary inside `binaryPackage`. */
  readonly binaryPath: string;
  /** Arguments that print the version. */
  readonly versionArgs: readonly string[];
  /** Finds the version in that output (workerd prints its compatibility date). */
  readonly versionPattern: RegExp;
}

const nodePackage = (): string => `node-${process.platform}-${process.arch}`;

const bunPackage = (): string =>
  `@oven/bun-${process.platform}-${process.arch === 'arm64' ? 'aarch64' : 'x64'}`;

const denoPackage = (): string =>
  `@deno/${process.platform}-${process.arch}${process.platform === 'linux' ? '-glibc' : ''}`;

const workerdPackage = (): string =>
  `@cloudflare/workerd-${process.platform}-${process.arch === 'arm64' ? 'arm64' : '64'}`;

/** Node majors under test, each pinned to the newest release of that line when last bumped. */
export const nodeVersions = ['18.20.8', '20.20.2', '22.23.3', '24.21.0', '26.10.0'] as const;

export const nodeRuntime = (version: string): BinaryRuntime => ({
  name: 'node',
  version,
  binaryPackage: nodePackage(),
  binaryPath: 'bin/node',
  versionArgs: ['--version'],
  versionPattern: /\d+\.\d+\.\d+/,
});

export const bunRuntime: BinaryRuntime = {
  name: 'bun',
  version: '1.4.5',
  binaryPackage: bunPackage(),
  binaryPath: 'bin/bun',
  versionArgs: ['--version'],
  versionPattern: /\d+\.\d+\.\d+/,
};

export const denoRuntime: BinaryRuntime = {
  name: 'deno',
  version: '2.9.6',
  binaryPackage: denoPackage(),
  binaryPath: 'deno',
  versionArgs: ['--version'],
  versionPattern: /\d+\.\d+\.\d+/,
};

export const workerdRuntime: BinaryRuntime = {
  name: 'workerd',
  version: '1.20261117.1',
  binaryPackage: workerdPackage(),
  binaryPath: 'bin/workerd',
  versionArgs: ['--version'],
  versionPattern: /\d{4}-\d{2}-\d{2}/,
};
