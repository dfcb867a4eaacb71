import type { Failure } from './format-error.js';
import type { CliIo } from './io.js';
import { styleFor } from './style.js';

/** Writes a failure to stderr: `chatwire: <message>` and, indented, what to do about it. */
export const printFailure = (io: CliIo, failure: Failure): number => {
  const style = styleFor(io.stderr, io.env);
  io.stderr.write(`${style.red('chatwire:')} ${failure.message}\n`);
  if (failure.hint) io.stderr.write(`${failure.hint.replace(/^/gm, '  ')}\n`);
  return failure.exitCode;
};
