import { CliError } from '../cli-error.js';
import { type Endpoint, resolveEndpoint } from '../endpoint.js';
import { readPositiveInt } from '../numbers.js';
import type { Parsed } from '../parse-options.js';
import { type CheckGroup, GROUP_NAMES } from './run-doctor.js';

/** The flags of `chatwire doctor`, for `parseOptions`. */
export const DOCTOR_FLAGS = {
  dialect: { type: 'string' },
  'base-url': { type: 'string' },
  model: { type: 'string' },
  'api-key-env': { type: 'string' },
  json: { type: 'boolean' },
  strict: { type: 'boolean' },
  skip: { type: 'string', multiple: true },
  'rate-limit-probe': { type: 'string' },
  origin: { type: 'string' },
  'poll-interval': { type: 'string' },
  timeout: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

export interface DoctorOptions {
  readonly endpoint: Endpoint;
  readonly json: boolean;
  readonly strict: boolean;
  readonly skip: ReadonlySet<CheckGroup>;
  readonly rateLimitProbe: number;
  readonly origin: string;
  readonly pollIntervalMs: number;
  readonly timeoutMs: number;
}

const text = (value: unknown) => (typeof value === 'string' ? value : undefined);

export const readDoctorOptions = (
  { values, positionals }: Parsed,
  env: Readonly<Record<string, string | undefined>>,
): DoctorOptions => {
  if (positionals.length > 0) {
    throw new CliError(`doctor takes no arguments, got "${positionals.join(' ')}".`, {
      hint: 'Give the endpoint with --base-url URL. Run `chatwire doctor --help`.',
    });
  }
  const endpoint = resolveEndpoint(
    {
      dialect: text(values.dialect),
      baseURL: text(values['base-url']),
      model: text(values.model),
      apiKeyEnv: text(values['api-key-env']),
    },
    env,
    'check',
  );
  const origin = text(values.origin) ?? 'https://chatwire-doctor.example';
  if (!/^https?:\/\/[^/]+$/.test(origin)) {
    throw new CliError(`--origin must be a scheme and host like https://app.example.com, got "${origin}".`);
  }
  return {
    endpoint,
    json: values.json === true,
    strict: values.strict === true,
    skip: readSkip(values.skip),
    rateLimitProbe: readPositiveInt('--rate-limit-probe', text(values['rate-limit-probe'])) ?? 0,
    origin,
    pollIntervalMs: readPositiveInt('--poll-interval', text(values['poll-interval'])) ?? 1000,
    // Caesar's chat is a research job: minutes, not seconds.
    timeoutMs:
      readPositiveInt('--timeout', text(values.timeout)) ?? (endpoint.name === 'caesar' ? 1_800_000 : 60_000),
  };
};

const readSkip = (value: unknown): Set<CheckGroup> => {
  const names = (Array.isArray(value) ? value : [])
    .flatMap((item) => String(item).split(','))
    .map((item) => item.trim())
    .filter(Boolean);
  for (const name of names) {
    if (!(GROUP_NAMES as readonly string[]).includes(name)) {
      throw new CliError(`--skip: unknown check group "${name}".`, {
        hint: `Groups: ${GROUP_NAMES.join(', ')}.`,
      });
    }
  }
  return new Set(names as CheckGroup[]);
};
