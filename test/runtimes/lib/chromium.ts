import { runCommand, tail } from './run-command.js';

/** Debian's Chromium: installed with apt when missing (CI runs as root), else a clear reason. */
export const ensureChromium = async (): Promise<{ binary: string; version: string; installed: boolean }> => {
  let binary = await which('chromium');
  let installed = false;
  if (binary === undefined) {
    if (process.getuid?.() !== 0) {
      throw new Error('chromium is not installed; run `apt-get install -y chromium` as root');
    }
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const update = await runCommand('apt-get', ['update'], { timeoutMs: 10 * 60_000, env });
    if (update.code !== 0) throw new Error(`apt-get update failed: ${tail(update.stderr, 2)}`);
    const install = await runCommand('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], {
      timeoutMs: 20 * 60_000,
      env,
    });
    if (install.code !== 0) throw new Error(`apt-get install chromium failed: ${tail(install.stderr, 2)}`);
    binary = await which('chromium');
    if (binary === undefined) throw new Error('apt-get installed chromium but it is not on PATH');
    installed = true;
  }
  const result = await runCommand(binary, ['--version'], { timeoutMs: 30_000 });
  const version = /\d+(\.\d+)+/.exec(result.stdout)?.[0];
  if (version === undefined)
    throw new Error(`chromium --version failed: ${tail(result.stderr || result.stdout, 2)}`);
  return { binary, version, installed };
};

const which = async (name: string): Promise<string | undefined> => {
  const result = await runCommand('sh', ['-c', `command -v ${name}`], { timeoutMs: 10_000 });
  const path = result.stdout.trim();
  return result.code === 0 && path !== '' ? path : undefined;
};
