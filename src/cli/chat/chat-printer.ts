import type { CliIo } from '../io.js';
import { styleFor } from '../style.js';
import { StreamPrinter } from './stream-printer.js';
import { TrackedOutput } from './tracked-output.js';

/** The printer for an answer: reasoning shares stdout on a terminal, goes to stderr when stdout is piped. */
export const chatPrinter = (io: CliIo): StreamPrinter => {
  const answer = new TrackedOutput(io.stdout);
  const reasoning = io.stdout.isTTY ? answer : new TrackedOutput(io.stderr);
  return new StreamPrinter(answer, reasoning, styleFor(io.stdout, io.env));
};
