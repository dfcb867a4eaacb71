/** The value of `--name VALUE` or `--name=VALUE` before any parsing (for messages about other flags). */
export const peekFlag = (args: readonly string[], name: string): string | undefined => {
  for (const [index, arg] of args.entries()) {
    if (arg === '--') return undefined;
    if (arg === `--${name}`) return args[index + 1];
    if (arg.startsWith(`--${name}=`)) return arg.slice(name.length + 3);
  }
  return undefined;
};
