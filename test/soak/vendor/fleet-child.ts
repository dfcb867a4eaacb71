import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Fleet, FleetOptions, StoredUpload } from './fleet.js';

const ENTRY = fileURLToPath(new URL('./fleet-process.ts', import.meta.url));

/** Starts the vendors in a child process and talks to it over IPC; `close()` waits for it to exit. */
export async function startFleetProcess(options: FleetOptions): Promise<Fleet> {
  const child = fork(ENTRY, [], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, SOAK_FLEET_OPTIONS: JSON.stringify(options) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const ready = await nextMessage<{ baseURLs: Fleet['baseURLs']; closedPort: number }>(child, 'ready');
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    baseURLs: ready.baseURLs,
    closedPort: ready.closedPort,
    uploads: async () => {
      const reply = nextMessage<{ uploads: StoredUpload[] }>(child, 'uploads');
      child.send({ type: 'uploads' });
      return (await reply).uploads;
    },
    close: async () => {
      if (child.connected) child.send({ type: 'close' });
      await exited;
    },
  };
}

function nextMessage<T>(child: ChildProcess, type: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: { type?: string } & T) => {
      if (message.type !== type) return;
      child.off('exit', onExit);
      child.off('message', onMessage);
      resolve(message);
    };
    const onExit = (code: number | null) => {
      child.off('message', onMessage);
      reject(new Error(`soak: the vendor process exited (code ${code}) before sending "${type}"`));
    };
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}
