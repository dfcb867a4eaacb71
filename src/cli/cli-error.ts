/** Exit codes: 0 done, 1 the endpoint or the request failed, 2 the command line was wrong, 130 Ctrl-C. */
export const EXIT = { ok: 0, failed: 1, usage: 2, interrupted: 130 } as const;

/**
 * A mistake the user can fix: printed as its message (plus a hint saying what to do), never with
 * a stack trace.
 */
export class CliError extends Error {
  override name = 'CliError';
  readonly exitCode: number;
  readonly hint: string | undefined;

  constructor(message: string, options: { hint?: string; exitCode?: number } = {}) {
    super(message);
    this.exitCode = options.exitCode ?? EXIT.usage;
    this.hint = options.hint;
  }
}
