/** One signal for a whole tool run, fed by the caller's signals; `dispose()` unhooks it from them. */
export interface RunSignal {
  /** Its reason is always an `Error`: the abort error, or the failure that ended the run. */
  readonly signal: AbortSignal;
  /** Aborts the run's own signal (running tools see it), e.g. when one tool's error ends the run. */
  abort(reason: Error): void;
  dispose(): void;
  /** Throws the abort reason once the run is aborted. */
  throwIfAborted(): void;
}

/**
 * Links the caller's signals into one the run owns; `aborted` makes the error a caller's abort
 * becomes. `AbortSignal.any` would do, but Node 18 lacks it, and a run must not leave listeners on
 * a long-lived caller signal.
 */
export function runSignal(
  sources: ReadonlyArray<AbortSignal | undefined>,
  aborted: (message: string, cause: unknown) => Error,
): RunSignal {
  const controller = new AbortController();
  const linked = sources.filter((s): s is AbortSignal => s !== undefined);
  const onAbort = (source: AbortSignal): void => {
    controller.abort(aborted('The tool run was aborted.', source.reason));
  };
  const listeners = linked.map((source) => [source, () => onAbort(source)] as const);
  for (const [source, listener] of listeners) {
    if (source.aborted) onAbort(source);
    else source.addEventListener('abort', listener, { once: true });
  }
  return {
    signal: controller.signal,
    abort: (reason) => controller.abort(reason),
    dispose: () => {
      for (const [source, listener] of listeners) source.removeEventListener('abort', listener);
    },
    throwIfAborted: () => {
      if (controller.signal.aborted) throw controller.signal.reason;
    },
  };
}

/** Settles like `work`, or rejects with the signal's reason as soon as it aborts. */
export function abortable<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  // Whatever `work` does after an abort is nobody's business: never an unhandled rejection.
  work.catch(() => {});
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    const settle = () => signal.removeEventListener('abort', onAbort);
    work.then(
      (value) => {
        settle();
        resolve(value);
      },
      (error: unknown) => {
        settle();
        reject(error);
      },
    );
  });
}
