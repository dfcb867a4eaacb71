import { bifrost, caesar, type Dialect, intandem, morpheus, openai } from '../index.js';
import { CliError } from './cli-error.js';
import { closest } from './suggest.js';

/** The dialects the command knows, by the name given to `--dialect`. */
export const DIALECTS = { openai, caesar, bifrost, morpheus, intandem } as const;

export type CliDialectName = keyof typeof DIALECTS;

export type AnyDialect = Dialect<any, any>;

/** The model used when `--model` is not given: one each vendor documents. */
export const DEFAULT_MODELS: Readonly<Record<CliDialectName, string>> = {
  openai: 'gpt-4o-mini',
  caesar: 'caesar-research',
  bifrost: 'openai/gpt-4o-mini',
  morpheus: 'llama-3.3-70b',
  intandem: 'openai/gpt-4o-mini',
};

const names = Object.keys(DIALECTS) as CliDialectName[];

const isDialectName = (value: string): value is CliDialectName => names.includes(value as CliDialectName);

/** The dialect named by `--dialect` (default `openai`), or a usage error listing the known ones. */
export const pickDialect = (value: string | undefined): { name: CliDialectName; dialect: AnyDialect } => {
  const name = (value ?? 'openai').toLowerCase();
  if (!isDialectName(name)) {
    const guess = closest(name, names);
    throw new CliError(`Unknown dialect "${value}".${guess ? ` Did you mean ${guess}?` : ''}`, {
      hint: `Use --dialect with one of: ${names.join(', ')}.`,
    });
  }
  return { name, dialect: DIALECTS[name]() };
};
