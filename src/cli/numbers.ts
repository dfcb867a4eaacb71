import { CliError } from './cli-error.js';

/** A whole number of milliseconds (or a count) from a flag, or a usage error naming the flag. */
export const readPositiveInt = (flag: string, value: string | undefined): number | undefined => {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isInteger(number) || number <= 0) {
    throw new CliError(`${flag} must be a whole number above 0, got "${value}".`);
  }
  return number;
};
