/** One request, start to parsed result. */
export type Call = () => Promise<unknown>;

export interface LoadSample {
  /** Wall-clock time per request, in µs. */
  wallMicros: number;
  /** CPU time of this process (user + system, every thread) per request, in µs. */
  cpuMicros: number;
}

/**
 * Issues `count` calls with at most `concurrency` in flight (1 = strictly sequential) and returns
 * the time per request. Each lane starts its next call as soon as its previous one settles.
 */
export async function runLoad(
  call: Call,
  { count, concurrency }: { count: number; concurrency: number },
): Promise<LoadSample> {
  let issued = 0;
  const lane = async (): Promise<void> => {
    while (issued < count) {
      issued++;
      await call();
    }
  };
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, lane));
  const wallMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  return { wallMicros: (wallMs * 1000) / count, cpuMicros: (cpu.user + cpu.system) / count };
}
