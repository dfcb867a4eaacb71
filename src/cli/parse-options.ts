import { type ParseArgsConfig, parseArgs } from 'node:util';
import { CliError } from './cli-error.js';
import { closest } from './suggest.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/** What `parseArgs` gives for a config: flag values by name, and the positionals. */
export interface Parsed {
  readonly values: Readonly<Record<string, string | boolean | Array<string | boolean> | undefined>>;
  readonly positionals: readonly string[];
}

/**
 * `node:util` parseArgs, with its errors turned into messages that name the command's help and,
 * for a typo, the flag that was probably meant.
 */
export const parseOptions = (command: string, args: readonly string[], options: Options): Parsed => {
  try {
    return parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
  } catch (error) {
    throw explain(command, error, Object.keys(options));
  }
};

const explain = (command: string, error: unknown, known: readonly string[]): CliError => {
  const hint = `Run \`chatwire ${command} --help\` for the options.`;
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : String(error);
  const flag = /'(-{1,2}[^'\s=]+)/.exec(message)?.[1] ?? '';
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const guess = closest(flag.replace(/^-+/, ''), known);
    return new CliError(`Unknown option ${flag}.${guess ? ` Did you mean --${guess}?` : ''}`, { hint });
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const takesValue = /argument missing/.test(message);
    return new CliError(
      takesValue ? `Option ${flag} needs a value, e.g. ${flag} VALUE.` : `Option ${flag} takes no value.`,
      { hint },
    );
  }
  return new CliError(message, { hint });
};
