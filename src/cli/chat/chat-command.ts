import { CliError } from '../cli-error.js';
import { type CliDialectName, DIALECTS } from '../dialects.js';
import { describeFailure } from '../format-error.js';
import { chatHelp } from '../help-text.js';
import { watchInterrupt } from '../interrupt.js';
import type { CliIo } from '../io.js';
import { parseOptions } from '../parse-options.js';
import { peekFlag } from '../peek-flag.js';
import { printFailure } from '../print-failure.js';
import { refuseSecretFlags } from '../refuse-secret-flags.js';
import { styleFor } from '../style.js';
import { CHAT_FLAGS, type ChatOptions, readChatOptions } from './chat-options.js';
import { jsonFailure, jsonResult } from './json-result.js';
import { printAnswer } from './print-answer.js';
import { produceAnswer } from './produce-answer.js';

/** `chatwire chat`: resolves the options, sends, prints; returns the exit code. */
export const chatCommand = async (args: readonly string[], io: CliIo): Promise<number> => {
  const named = DIALECTS[peekFlag(args, 'dialect') as CliDialectName] ?? DIALECTS.openai;
  refuseSecretFlags(args, named().env.apiKey);
  const parsed = parseOptions('chat', args, CHAT_FLAGS);
  if (parsed.values.help === true) {
    io.stdout.write(chatHelp);
    return 0;
  }
  const options = await readChatOptions(parsed, io);
  const controller = new AbortController();
  const stopWatching = watchInterrupt(io, controller, io.exit);
  const started = Date.now();
  try {
    const { answer, files } = await produceAnswer(options, io, controller.signal);
    const elapsedMs = Date.now() - started;
    if (options.json) {
      const result = jsonResult({ ...answer, endpoint: options.endpoint, elapsedMs, files });
      io.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    } else printAnswer(io, options.endpoint.name, answer, elapsedMs);
    return 0;
  } catch (error) {
    return fail(io, options, error, controller.signal.aborted);
  } finally {
    stopWatching();
  }
};

const fail = (io: CliIo, options: ChatOptions, error: unknown, interrupted: boolean): number => {
  if (interrupted) {
    const style = styleFor(io.stderr, io.env);
    io.stderr.write(`\n${style.yellow('Interrupted:')} request cancelled.\n`);
    return 130;
  }
  const failure = describeFailure(error, {
    baseURL: options.endpoint.baseURL,
    keyVariable: options.endpoint.keyVariable,
    debug: Boolean(io.env.CHATWIRE_DEBUG),
  });
  // Usage mistakes stay on stderr; an API failure is also a JSON result for CI.
  if (options.json && !(error instanceof CliError)) {
    io.stdout.write(`${JSON.stringify(jsonFailure(error, failure.message), null, 2)}\n`);
  }
  return printFailure(io, failure);
};
