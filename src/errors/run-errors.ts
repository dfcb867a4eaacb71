import { ChatwireError } from './chatwire-error.js';

/** An async run or research job ended in failure. */
export class RunFailedError extends ChatwireError {
  override name = 'RunFailedError';
  readonly run: unknown;
  readonly code: string | undefined;
  /** The HTTP status the failed job reported (Bifrost's `status_code`), when known. */
  readonly status: number | undefined;

  constructor(
    message: string,
    options: { run?: unknown; code?: string; status?: number; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.run = options.run;
    this.code = options.code;
    this.status = options.status;
  }
}

/** `runs.wait` gave up before the run finished; `run` is the last state seen. */
export class RunTimeoutError extends ChatwireError {
  override name = 'RunTimeoutError';
  readonly run: unknown;

  constructor(message: string, options: { run?: unknown } = {}) {
    super(message);
    this.run = options.run;
  }
}

/** A structured answer was asked for, but the model stopped at its token limit. */
export class LengthFinishReasonError extends ChatwireError {
  override name = 'LengthFinishReasonError';
  constructor(
    message = 'The answer was cut at the token limit (finish_reason "length"), so it cannot be parsed.',
  ) {
    super(message);
  }
}

/** A structured answer was asked for, but the vendor's content filter stopped it. */
export class ContentFilterFinishReasonError extends ChatwireError {
  override name = 'ContentFilterFinishReasonError';
  constructor(message = 'The answer was stopped by the content filter (finish_reason "content_filter").') {
    super(message);
  }
}
