import { type SpawnOptions, spawn } from 'node:child_process';

/** What a finished command printed and how it ended. */
export interface CommandResult {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly timedOut: boolean;
  readonly ms: number;
}

export interface RunCommandOptions extends Pick<SpawnOptions, 'cwd' | 'env'> {
  /** Killed (SIGKILL, whole process group) after this many ms. */
  timeoutMs: number;
  /** Called with each piece of stdout as it arrives. */
  onStdout?: (text: string) => void;
}

/** Runs a command without a shell; never rejects for a non-zero exit, only for a failed spawn. */
export const runCommand = (
  command: string,
  args: readonly string[],
  options: RunCommandOptions,
): Promise<CommandResult> =>
  new Promise((resolve, reject) => {
    const started = performance.now();
    // A process group of its own, so a timeout also ends whatever the command started.
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout?.setEncoding('utf8').on('data', (text: string) => {
      stdout += text;
      options.onStdout?.(text);
    });
    child.stderr?.setEncoding('utf8').on('data', (text: string) => {
      stderr += text;
    });
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(child.pid);
    }, options.timeoutMs);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, timedOut, ms: performance.now() - started });
    });
  });

/** Ends a process group started with `detached: true`; ignores one that is already gone. */
export const killGroup = (pid: number | undefined): void => {
  if (pid === undefined) return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // Already exited.
  }
};

/** The last lines of a command's output, for a one-line failure reason. */
export const tail = (text: string, lines = 6): string => text.trim().split('\n').slice(-lines).join('\n');
