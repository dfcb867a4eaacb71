#!/usr/bin/env node
import { nodeIo } from './io.js';
import { runCli } from './run-cli.js';

// `chatwire doctor | head`: a reader that hangs up early is not an error worth a stack trace, nor
// a success: the command goes on without its output and exits with its own code (`doctor | true`
// under pipefail must still fail for a broken endpoint).
let outputClosed = false;
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE' || outputClosed) {
      outputClosed = true;
      return;
    }
    throw error;
  });
}

// Exit as soon as the output is flushed: fetch's pooled keep-alive sockets (and a cancelled
// stream's) would otherwise hold the process open after the answer.
const exitWhenFlushed = (code: number) => {
  if (outputClosed) process.exit(code);
  process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
};

void runCli(process.argv.slice(2), nodeIo()).then(exitWhenFlushed);
