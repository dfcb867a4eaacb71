import { CliError } from './cli-error.js';

// Flags people reach for out of habit; each would put a secret into shell history and `ps`.
const SECRET_FLAGS = ['--api-key', '--apikey', '--key', '--token', '--api-token'];

/**
 * Refuses a key given on the command line, before anything else reads the arguments, with a
 * message that never repeats the value.
 */
export const refuseSecretFlags = (args: readonly string[], envName: string): void => {
  for (const arg of args) {
    if (arg === '--') return;
    const flag = arg.split('=', 1)[0] ?? '';
    if (!SECRET_FLAGS.includes(flag)) continue;
    throw new CliError(
      `API keys are not taken on the command line (${flag}): a key there is saved in your shell ` +
        'history and visible to anyone on this machine through `ps`.',
      {
        hint:
          `Put the key in an environment variable instead:\n` +
          `  export ${envName}=...           (read by default for this dialect)\n` +
          `or keep it in another variable and name it: --api-key-env MY_KEY_VAR`,
      },
    );
  }
};
