#!/usr/bin/env node
import { nodeIo } from './io.js';
import { runCli } from './run-cli.js';

// `chatwire chat … | head`: a reader that hangs up early is not an error worth a stack trace, and
// nothing more is worth doing (a streamed answer would go on downloading, and costing). Exit at
// once, closing the request, with 141 as a process killed by SIGPIPE would: not a success, so
// `chatwire doctor | true` under pipefail does not pass a broken endpoint.
const SIGPIPE_EXIT = 141;
let outputClosed = false;
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE' || outputClosed) {
      outputClosed = true;
      process.exit(SIGPIPE_EXIT);
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
