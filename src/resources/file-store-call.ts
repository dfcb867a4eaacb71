import { APIPromise, type WithResponse } from '../api-promise.js';
import type { ClientContext } from '../client-context.js';
import { requireCapability } from './require-capability.js';

// Apart from files.ts so that collections (which share the guard) do not pull in the upload code.

/**
 * Refuses, before sending, a client whose dialect has no Caesar file store. The `files`
 * capability alone is not enough: OpenAI's `/files` (with its `purpose` field) is another API.
 */
export function requireFileStore(context: ClientContext, what: string): void {
  const detail = `${what} (Caesar's file store; use the caesar dialect)`;
  requireCapability(context, 'files', detail);
  requireCapability(context, 'research', detail);
}

/** Runs `run` once the dialect is known to have the file store; refusals reject the promise. */
export function fileStoreCall<T>(
  context: ClientContext,
  what: string,
  run: () => Promise<WithResponse<T>>,
): APIPromise<T> {
  return new APIPromise<T>(
    (async () => {
      requireFileStore(context, what);
      return run();
    })(),
  );
}
