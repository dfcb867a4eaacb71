import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { CliIo, Output } from '../../../src/cli/io.js';
import { runCli } from '../../../src/cli/run-cli.js';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const CLI = 'src/cli/main.ts';

/** What a CLI run left behind. */
export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** A clean environment: no keys or colour settings leak in from the machine running the tests. */
export const baseEnv = (): Record<string, string> => ({
  PATH: process.env.PATH ?? '/usr/bin:/bin',
  HOME: process.env.HOME ?? '/tmp',
});

/** Runs the CLI from source in a child process (`node --import tsx`), stdin closed. */
export const runCliProcess = (
  args: readonly string[],
  env: Record<string, string> = {},
  timeoutMs = 20_000,
): Promise<CliRun> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], {
      cwd: ROOT,
      env: { ...baseEnv(), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (text: string) => {
      stdout += text;
    });
    child.stderr.setEncoding('utf8').on('data', (text: string) => {
      stderr += text;
    });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`CLI did not finish within ${timeoutMs} ms:\n${stdout}\n${stderr}`));
    }, timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });

const output = (sink: (text: string) => void): Output => ({ write: sink, isTTY: false, columns: undefined });

/** Runs the CLI in this process with captured output (fast: for the many doctor and usage cases). */
export const runCliInProcess = async (
  args: readonly string[],
  env: Record<string, string> = {},
): Promise<CliRun> => {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: output((text) => {
      stdout += text;
    }),
    stderr: output((text) => {
      stderr += text;
    }),
    env,
    stdinIsTTY: true,
    readStdin: async () => '',
    onInterrupt: () => () => undefined,
    exit: (code) => {
      throw new Error(`the CLI tried to exit the test process with ${code}`);
    },
  };
  const code = await runCli(args, io);
  return { code, stdout, stderr };
};

/** True when output carries a JavaScript stack trace (never acceptable for a user mistake). */
export const hasStackTrace = (text: string): boolean => /^\s+at .+\(?.+:\d+:\d+\)?$/m.test(text);
