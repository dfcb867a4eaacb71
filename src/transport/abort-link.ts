/**
 * Links callbacks to a caller's `AbortSignal` with at most one `abort` listener on it, however many
 * requests, streams and backoff sleeps share it. A listener per request was removed when the request
 * ended, but 11 requests in flight on one app-wide signal were enough for Node's "Possible
 * EventTarget memory leak detected … MaxListenersExceededWarning" (openai-node #279; found by the
 * soak at concurrency 64). The one listener goes when the last callback unlinks.
 */
type Callback = () => void;

const links = new WeakMap<AbortSignal, Set<Callback>>();

/**
 * Calls `callback` once when `signal` aborts (at once if it already has); the returned function
 * unlinks it (safe to call twice).
 */
export function linkAbort(signal: AbortSignal, callback: Callback): () => void {
  // An aborted signal fires no more events: a link made now would never be called.
  if (signal.aborted) {
    callback();
    return () => {};
  }
  let callbacks = links.get(signal);
  if (callbacks === undefined) {
    callbacks = new Set();
    links.set(signal, callbacks);
    signal.addEventListener('abort', dispatch);
  }
  // A wrapper per link, so that linking the same function twice needs two unlinks.
  const entry = () => callback();
  callbacks.add(entry);
  return () => unlink(signal, entry);
}

function unlink(signal: AbortSignal, entry: Callback): void {
  const callbacks = links.get(signal);
  if (!callbacks?.delete(entry) || callbacks.size > 0) return;
  links.delete(signal);
  signal.removeEventListener('abort', dispatch);
}

// One function for every signal: `addEventListener` is keyed by (signal, listener).
function dispatch(event: Event): void {
  const signal = event.currentTarget as AbortSignal;
  const callbacks = links.get(signal);
  links.delete(signal);
  signal.removeEventListener('abort', dispatch);
  if (callbacks) for (const callback of callbacks) callback();
}
