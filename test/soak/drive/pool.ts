/** How {@link runPool} handles each item. Tasks must not throw. */
export interface PoolSteps<I, P> {
  /** Makes the work for an item just before it runs (so nothing is built ahead). */
  prepare(item: I): P;
  /** Milliseconds after which an unsettled task counts as hung. */
  budget(prepared: P): number;
  task(prepared: P): Promise<void>;
  onHung(prepared: P): void;
}

/**
 * Runs every item, at most `concurrency` at a time, each under a watchdog: a task that has not
 * settled within its budget is reported through `onHung` and no longer waited for (it keeps
 * running, and `running()` still counts it).
 */
export async function runPool<I, P>(
  items: readonly I[],
  concurrency: number,
  steps: PoolSteps<I, P>,
): Promise<{ running: () => number }> {
  let next = 0;
  let unsettled = 0;
  const worker = async () => {
    while (next < items.length) {
      const prepared = steps.prepare(items[next++] as I);
      unsettled += 1;
      const work = steps.task(prepared).finally(() => {
        unsettled -= 1;
      });
      let timer: ReturnType<typeof setTimeout> | undefined;
      const watchdog = new Promise<'hung'>((resolve) => {
        timer = setTimeout(() => resolve('hung'), steps.budget(prepared));
      });
      const outcome = await Promise.race([work.then(() => 'settled' as const), watchdog]);
      clearTimeout(timer);
      if (outcome === 'hung') steps.onHung(prepared);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return { running: () => unsettled };
}
