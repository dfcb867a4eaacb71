import { fork } from 'node:child_process';

/** A benchmark server running in a child process, so its work stays off the client's event loop. */
export interface ChildServer {
  origin: string;
  close(): Promise<void>;
}

/**
 * Forks `module` (which sends its port over IPC once listening) with only tsx's loader flags, not
 * e.g. `--cpu-prof` meant for the client process, and resolves with its origin.
 */
export async function forkServer(module: URL, label: string): Promise<ChildServer> {
  const child = fork(module, {
    execArgv: loaderFlags(process.execArgv),
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (message) => resolve(Number(message)));
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`${label} exited early (code ${code})`)));
  });
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.disconnect();
      }),
  };
}

function loaderFlags(execArgv: readonly string[]): string[] {
  const kept: string[] = [];
  for (let i = 0; i < execArgv.length; i++) {
    const flag = execArgv[i];
    const value = execArgv[i + 1];
    if ((flag === '--require' || flag === '--import') && value !== undefined) {
      kept.push(flag, value);
      i++;
    }
  }
  return kept;
}
