/**
 * A signal that aborts when `parent` does or `timeoutMs` passes (AbortSignal.any is Node 20+,
 * and the CLI runs on 18). `dispose` clears the timer and the link.
 */
export const linkedSignal = (parent: AbortSignal, timeoutMs: number) => {
  const controller = new AbortController();
  const onAbort = () => controller.abort(parent.reason);
  parent.addEventListener('abort', onAbort, { once: true });
  const timer = setTimeout(() => controller.abort(new DOMException('timed out', 'TimeoutError')), timeoutMs);
  return {
    signal: controller.signal,
    abort: () => controller.abort(),
    dispose: () => {
      clearTimeout(timer);
      parent.removeEventListener('abort', onAbort);
    },
  };
};
