// Feature detection in one place. Every check takes the global object as a parameter so tests can
// pass a fake one; none of them selects a different code path except the browser-key guard.

type Globals = typeof globalThis & Record<string, any>;

/** Reads an environment variable where `process.env` exists (Node, Bun, Deno's Node compat). */
export function readEnv(name: string, g: Globals = globalThis as Globals): string | undefined {
  const env = g.process?.env;
  if (env === undefined || env === null) return undefined;
  const value = env[name];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/**
 * True in a browser page or a browser worker. Server runtimes that define `window`-like globals
 * (Deno, Bun, edge workers) are excluded, so only code that really ships to a browser is guarded.
 */
export function isBrowserLike(g: Globals = globalThis as Globals): boolean {
  if (g.Deno !== undefined || g.Bun !== undefined || g.EdgeRuntime !== undefined) return false;
  if (g.process?.versions?.node !== undefined) return false;
  if (typeof g.WebSocketPair === 'function') return false; // Cloudflare Workers
  const page =
    typeof g.window === 'object' && typeof g.document === 'object' && typeof g.navigator === 'object';
  const worker = typeof g.WorkerGlobalScope === 'function' && typeof g.importScripts === 'function';
  return page || worker;
}
