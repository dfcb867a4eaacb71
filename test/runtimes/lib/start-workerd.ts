import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { killGroup } from './run-command.js';

/** A running workerd and the origin its `http` socket listens on. */
export interface RunningWorkerd {
  readonly origin: string;
  /** What workerd wrote to stderr so far (uncaught errors in the worker land here). */
  readonly log: () => string;
  stop(): void;
}

/**
 * Starts `workerd serve` with the socket on a free port, which workerd reports on its control
 * descriptor once it is listening (as miniflare does it).
 */
export const startWorkerd = (binary: string, configPath: string, cwd: string): Promise<RunningWorkerd> =>
  new Promise((resolve, reject) => {
    const child = spawn(binary, ['serve', configPath, '--control-fd=3'], {
      cwd,
      stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
      detached: true,
    });
    let log = '';
    child.stdout?.setEncoding('utf8').on('data', (text: string) => {
      log += text;
    });
    child.stderr?.setEncoding('utf8').on('data', (text: string) => {
      log += text;
    });
    const stop = () => killGroup(child.pid);
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`workerd did not listen within 20 s: ${log.trim().slice(-300)}`));
    }, 20_000);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`workerd exited ${code}: ${log.trim().slice(-300)}`));
    });
    const control = createInterface({ input: child.stdio[3] as Readable });
    control.on('line', (line) => {
      const message = JSON.parse(line) as { event?: string; socket?: string; port?: number };
      if (message.event !== 'listen' || message.socket !== 'http') return;
      clearTimeout(timer);
      resolve({ origin: `http://127.0.0.1:${message.port}`, log: () => log, stop });
    });
  });
