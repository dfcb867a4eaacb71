import { stdin as nodeStdin } from 'node:process';

/** Where the CLI writes: a stream plus what it knows about the terminal behind it. */
export interface Output {
  write(text: string): void;
  readonly isTTY: boolean;
  /** Terminal width, when it is a terminal. */
  readonly columns: number | undefined;
}

/** Everything the CLI touches in its process, so tests can run it in-process with fakes. */
export interface CliIo {
  readonly stdout: Output;
  readonly stderr: Output;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdinIsTTY: boolean;
  /** Reads all of stdin as UTF-8 (a piped prompt). */
  readStdin(): Promise<string>;
  /** Calls `handler` on Ctrl-C (SIGINT) until the returned function is called. */
  onInterrupt(handler: () => void): () => void;
  /** Ends the process now (a second Ctrl-C). */
  exit(code: number): void;
}

const output = (stream: NodeJS.WriteStream): Output => ({
  write: (text) => void stream.write(text),
  get isTTY() {
    return stream.isTTY === true;
  },
  get columns() {
    return stream.isTTY ? stream.columns : undefined;
  },
});

/** The real process: stdout, stderr, env, stdin and SIGINT. */
export const nodeIo = (): CliIo => ({
  stdout: output(process.stdout),
  stderr: output(process.stderr),
  env: process.env,
  stdinIsTTY: nodeStdin.isTTY === true,
  readStdin: async () => {
    const parts: Buffer[] = [];
    for await (const part of nodeStdin) parts.push(part as Buffer);
    return Buffer.concat(parts).toString('utf8');
  },
  onInterrupt: (handler) => {
    process.on('SIGINT', handler);
    return () => void process.off('SIGINT', handler);
  },
  exit: (code) => process.exit(code),
});
