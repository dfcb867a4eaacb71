import { APIUserAbortError } from '../errors/connection-errors.js';
import type { StreamLease } from './chunk-source.js';

/**
 * A {@link StreamLease} for a body that did not come from our transport (`fromReadableStream`):
 * its signal aborts when `signal` does, with an `APIUserAbortError` as the reason, or on `abort`.
 */
export function bodyLease(signal: AbortSignal | undefined): StreamLease {
  const controller = new AbortController();
  const onAbort = () =>
    controller.abort(new APIUserAbortError('The stream was aborted.', { cause: signal?.reason }));
  if (signal?.aborted) onAbort();
  else signal?.addEventListener('abort', onAbort, { once: true });
  return {
    signal: controller.signal,
    abort: () => controller.abort(),
    release: () => signal?.removeEventListener('abort', onAbort),
  };
}
