import { ChatwireError } from './chatwire-error.js';

/** One reason a request or a response was refused. `path` is dotted, e.g. `messages.0.content`. */
export interface Issue {
  readonly path: string;
  readonly message: string;
}

/** Refused before sending: a bad parameter, a missing key, conflicting options. Nothing went over the wire. */
export class InvalidRequestError extends ChatwireError {
  override name = 'InvalidRequestError';
  readonly issues: readonly Issue[];

  constructor(message: string, issues: readonly Issue[] = [{ path: '', message }]) {
    super(message);
    this.issues = issues;
  }
}

/** A 2xx body that could not be read as the expected shape, or a structured answer that fails its schema. */
export class ResponseValidationError extends ChatwireError {
  override name = 'ResponseValidationError';
  readonly issues: readonly Issue[];
  /** The raw body text (or the structured answer's text) as received, secrets redacted. */
  readonly rawText: string | undefined;

  constructor(
    message: string,
    options: { issues?: readonly Issue[]; rawText?: string; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.issues = options.issues ?? [];
    this.rawText = options.rawText;
  }
}

/** An error frame inside a 200 stream, or a stream that was cut or could not be decoded. */
export class StreamError extends ChatwireError {
  override name = 'StreamError';
  readonly code: string | undefined;
  readonly type: string | undefined;
  readonly param: string | undefined;
  readonly body: unknown;

  constructor(
    message: string,
    options: { code?: string; type?: string; param?: string; body?: unknown; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.code = options.code;
    this.type = options.type;
    this.param = options.param;
    this.body = options.body;
  }
}
