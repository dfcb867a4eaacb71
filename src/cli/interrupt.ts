import type { CliIo } from './io.js';

/** How long a cancelled command may take to unwind before the process is ended anyway. */
const GRACE_MS = 1500;

/**
 * Ctrl-C aborts `controller` (cancelling the request) and lets the command unwind to exit code
 * 130; a second Ctrl-C, or a command still running after a short grace, exits at once.
 */
export const watchInterrupt = (
  io: CliIo,
  controller: AbortController,
  exit: (code: number) => void,
): (() => void) => {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const dispose = io.onInterrupt(() => {
    if (controller.signal.aborted) return exit(130);
    controller.abort();
    timer = setTimeout(() => exit(130), GRACE_MS);
    timer.unref?.();
  });
  return () => {
    clearTimeout(timer);
    dispose();
  };
};
