import { APIUserAbortError } from '../errors/connection-errors.js';
import { linkAbort } from '../transport/abort-link.js';
import type { StreamLease } from './chunk-source.js';

/**
 * A {@link StreamLease} for a body that did not come from our transport (`fromReadableStream`):
 * its signal aborts when `signal` does, with an `APIUserAbortError` as the reason, or on `abort`.
 */
export function bodyLease(signal: AbortSignal | undefined): StreamLease {
  const controller = new AbortController();
  const onAbort = () =>
    controller.abort(new APIUserAbortError('The stream was aborted.', { cause: signal?.reason }));
  let unlink: (() => void) | undefined;
  if (signal?.aborted) onAbort();
  else if (signal) unlink = linkAbort(signal, onAbort);
  return {
    signal: controller.signal,
    abort: () => controller.abort(),
    release: () => unlink?.(),
  };
}
