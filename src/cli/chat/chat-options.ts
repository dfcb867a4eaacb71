import { CliError } from '../cli-error.js';
import { type Endpoint, resolveEndpoint } from '../endpoint.js';
import type { CliIo } from '../io.js';
import { readPositiveInt } from '../numbers.js';
import type { Parsed } from '../parse-options.js';

/** The flags of `chatwire chat`, for `parseOptions`. */
export const CHAT_FLAGS = {
  dialect: { type: 'string' },
  'base-url': { type: 'string' },
  model: { type: 'string' },
  system: { type: 'string' },
  'api-key-env': { type: 'string' },
  json: { type: 'boolean' },
  file: { type: 'string', multiple: true },
  async: { type: 'boolean' },
  'poll-interval': { type: 'string' },
  timeout: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** `chatwire chat`, resolved and checked. */
export interface ChatOptions {
  readonly endpoint: Endpoint;
  readonly prompt: string;
  readonly system: string | undefined;
  readonly json: boolean;
  readonly files: readonly string[];
  readonly async: boolean;
  readonly pollIntervalMs: number;
  readonly timeoutMs: number | undefined;
}

const text = (value: unknown) => (typeof value === 'string' ? value : undefined);

export const readChatOptions = async ({ values, positionals }: Parsed, io: CliIo): Promise<ChatOptions> => {
  const endpoint = resolveEndpoint(
    {
      dialect: text(values.dialect),
      baseURL: text(values['base-url']),
      model: text(values.model),
      apiKeyEnv: text(values['api-key-env']),
    },
    io.env,
    'talk to',
  );
  const files = Array.isArray(values.file)
    ? values.file.filter((f): f is string => typeof f === 'string')
    : [];
  if (files.length > 0 && endpoint.name !== 'caesar') {
    throw new CliError(`--file works with --dialect caesar only (got ${endpoint.name}).`, {
      hint: 'Caesar is the vendor with file uploads: files go to its /research/files and are attached by id.',
    });
  }
  const isAsync = values.async === true;
  if (isAsync && !endpoint.dialect.capabilities.async) {
    throw new CliError(`--async needs a dialect with async runs; ${endpoint.name} has none.`, {
      hint: 'Async runs exist on --dialect intandem and --dialect bifrost.',
    });
  }
  return {
    endpoint,
    prompt: await readPrompt(positionals, io),
    system: text(values.system),
    json: values.json === true,
    files,
    async: isAsync,
    pollIntervalMs: readPositiveInt('--poll-interval', text(values['poll-interval'])) ?? 1000,
    timeoutMs: readPositiveInt('--timeout', text(values.timeout)),
  };
};

const readPrompt = async (positionals: readonly string[], io: CliIo): Promise<string> => {
  const given = positionals.join(' ').trim();
  if (given !== '') return given;
  // A pipe supplies the prompt: `git diff | chatwire chat …`.
  const piped = io.stdinIsTTY ? '' : (await io.readStdin()).trim();
  if (piped !== '') return piped;
  throw new CliError('Missing prompt.', {
    hint: 'Pass it as the last argument (quoted), e.g. chatwire chat --base-url URL "Hello", or pipe it in.',
  });
};
