import { noRedaction, type Redactor } from './redact.js';

// The redactor of the call each completion came from, for errors built from it later (parsing a
// structured answer that echoes the key). Beside the completion, never on it: completions get
// logged and serialised.
const redactors = new WeakMap<object, Redactor>();

/** Remembers which call's secrets to mask in errors made from `completion`. */
export function rememberRedactor(completion: object, redactor: Redactor): void {
  if (redactor !== noRedaction) redactors.set(completion, redactor);
}

/** The redactor of the call `completion` came from (no masking for one built by hand). */
export function redactorOf(completion: object): Redactor {
  return redactors.get(completion) ?? noRedaction;
}
