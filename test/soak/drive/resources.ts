import { getEventListeners } from 'node:events';

/** Active handles and requests by type (sockets, timers, servers…), from Node itself. */
export function activeResources(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const type of process.getActiveResourcesInfo()) counts.set(type, (counts.get(type) ?? 0) + 1);
  return counts;
}

/** Types with more resources now than in `before`, e.g. `TCPSocketWrap +2`. */
export function leftovers(before: Map<string, number>, now = activeResources()): string[] {
  const extra: string[] = [];
  for (const [type, count] of now) {
    const more = count - (before.get(type) ?? 0);
    if (more > 0) extra.push(`${type} +${more}`);
  }
  return extra;
}

/** Waits (bounded) for resources to drop back to `before`: sockets close and grace timers end asynchronously. */
export async function settleResources(before: Map<string, number>, maxWaitMs: number): Promise<string[]> {
  const deadline = Date.now() + maxWaitMs;
  for (;;) {
    const extra = leftovers(before);
    if (extra.length === 0 || Date.now() >= deadline) return extra;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export function abortListenerCount(signal: AbortSignal): number {
  return getEventListeners(signal, 'abort').length;
}

/** Heap in use after a full collection when `--expose-gc` is on (else a noisy reading). */
export function heapUsed(): { bytes: number; collected: boolean } {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  return { bytes: process.memoryUsage().heapUsed, collected: gc !== undefined };
}
