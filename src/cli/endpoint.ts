import { ChatwireError } from '../index.js';
import { CliError } from './cli-error.js';
import { type AnyDialect, type CliDialectName, DEFAULT_MODELS, pickDialect } from './dialects.js';

type Env = Readonly<Record<string, string | undefined>>;

/** Who to talk to and as whom, resolved from the flags shared by `chat` and `doctor`. */
export interface Endpoint {
  readonly name: CliDialectName;
  readonly dialect: AnyDialect;
  readonly baseURL: string;
  readonly model: string;
  /** Undefined only for a dialect that works without a key (Bifrost without governance). */
  readonly apiKey: string | undefined;
  /** The environment variable the key came from (for messages: never the key itself). */
  readonly keyVariable: string;
}

/** The flags this reads. */
export interface EndpointFlags {
  readonly dialect?: string | undefined;
  readonly baseURL?: string | undefined;
  readonly model?: string | undefined;
  readonly apiKeyEnv?: string | undefined;
}

export const resolveEndpoint = (flags: EndpointFlags, env: Env, command: string): Endpoint => {
  const { name, dialect } = pickDialect(flags.dialect);
  const baseURL = resolveBaseURL(flags.baseURL ?? nonEmpty(env[dialect.env.baseURL]), dialect, command);
  const { apiKey, keyVariable } = resolveKey(flags.apiKeyEnv, dialect, env);
  return { name, dialect, baseURL, model: flags.model ?? DEFAULT_MODELS[name], apiKey, keyVariable };
};

const nonEmpty = (value: string | undefined) => (value?.trim() ? value.trim() : undefined);

const resolveBaseURL = (value: string | undefined, dialect: AnyDialect, command: string): string => {
  if (value === undefined) {
    throw new CliError(`Missing --base-url: which ${dialect.name} endpoint should chatwire ${command}?`, {
      hint: `Pass it, e.g. --base-url ${dialect.baseURL} (the vendor's own), or set ${dialect.env.baseURL}.`,
    });
  }
  const url = safeURL(value);
  if (url === undefined || !/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) {
    throw new CliError(`--base-url must be an absolute URL, got "${value}".`, {
      hint: `Include the scheme, e.g. --base-url http://${value.replace(/^\/+/, '')}`,
    });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new CliError(`--base-url must use http or https, got "${url.protocol}".`);
  }
  return value.replace(/\/+$/, '');
};

const safeURL = (value: string): URL | undefined => {
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
};

const resolveKey = (
  flag: string | undefined,
  dialect: AnyDialect,
  env: Env,
): { apiKey: string | undefined; keyVariable: string } => {
  const keyVariable = flag ?? dialect.env.apiKey;
  if (flag !== undefined && !/^[A-Za-z_][A-Za-z0-9_]*$/.test(flag)) {
    // Someone pasted the key itself: do not print it back.
    throw new CliError('--api-key-env takes the NAME of an environment variable, not a key.', {
      hint: 'e.g. export MY_KEY=... and pass --api-key-env MY_KEY',
    });
  }
  // A key made only of letters, digits and `_` passes as a name: print a given name back only
  // when it looks like one (upper case, as environment variables are), never what may be a key.
  const shown =
    flag === undefined || /^[A-Z][A-Z0-9_]{0,63}$/.test(flag)
      ? keyVariable
      : 'the variable named by --api-key-env';
  const apiKey = nonEmpty(env[keyVariable]);
  if (apiKey === undefined) {
    if (flag === undefined && dialect.keyOptional) return { apiKey, keyVariable };
    throw new CliError(
      flag === undefined
        ? `Missing API key: the ${dialect.name} dialect reads ${keyVariable}, which is not set.`
        : shown === keyVariable
          ? `Missing API key: ${keyVariable} (named by --api-key-env) is not set.`
          : `Missing API key: ${shown} is not set (if you passed the key itself, pass a variable's NAME).`,
      {
        hint:
          shown === keyVariable
            ? `Export it first (export ${keyVariable}=...)` +
              (flag === undefined ? ', or name another variable with --api-key-env NAME.' : '.')
            : 'e.g. export MY_KEY=... and pass --api-key-env MY_KEY',
      },
    );
  }
  try {
    dialect.auth(apiKey);
  } catch (error) {
    // The dialect refuses keys its vendor would refuse (Morpheus wants sk-…).
    if (ChatwireError.is(error)) throw new CliError(`The key in ${shown} is refused: ${error.message}`);
    throw error;
  }
  return { apiKey, keyVariable };
};
