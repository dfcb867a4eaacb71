import type { LoopPort } from '../../structured/loop-port.js';
import type { ToolRunResult } from '../../structured/tool-run-types.js';
import { planRun } from './plan-run.js';
import { runToolLoop } from './tool-loop.js';
import { ToolRunStream } from './tool-run-stream.js';

/**
 * The loop every `tool()` carries for `chat.completions.runTools`: over JSON requests it resolves
 * with the result; with `stream: true` it returns a `ToolRunStream` (parameters are checked at the
 * call either way; the JSON form rejects, the streamed form throws).
 */
export function runLoop(port: LoopPort, params: unknown): Promise<ToolRunResult> | ToolRunStream {
  if ((params as { stream?: unknown }).stream !== true) {
    return (async () => runToolLoop(planRun(port, params), { port, send: port.complete }))();
  }
  const plan = planRun(port, params);
  return new ToolRunStream(port, (own, emit) =>
    runToolLoop(plan, {
      port,
      signals: [own],
      emit,
      send: async (request, signal, step) => {
        const stream = port.stream(request, signal);
        if (emit) for await (const chunk of stream) emit({ type: 'chunk', step, chunk });
        return stream.finalCompletion();
      },
    }),
  );
}
