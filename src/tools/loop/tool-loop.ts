import type { ChatCompletion } from '../../schema/chat-completion.js';
import type { ChatMessage } from '../../schema/chat-params.js';
import type { LoopPort } from '../../structured/loop-port.js';
import { schemaOf } from '../../structured/response-format.js';
import type {
  ToolRunEvent,
  ToolRunResult,
  ToolRunStopReason,
  ToolStep,
} from '../../structured/tool-run-types.js';
import type { RunPlan } from './plan-run.js';
import { assistantMessage, toolMessages, totalUsage } from './run-messages.js';
import { runSignal } from './run-signal.js';
import { runToolCalls, toolRuntimes } from './tool-calls.js';

/** Sends one step's request (`messages` included) and resolves with its completion. */
export type StepSender = (
  request: Record<string, unknown>,
  signal: AbortSignal,
  step: number,
) => Promise<ChatCompletion>;

/** Where a loop sends, and who hears about its progress. */
export interface LoopDriver {
  readonly port: LoopPort;
  readonly send: StepSender;
  /** More signals that abort the run (a `ToolRunStream`'s own). */
  readonly signals?: ReadonlyArray<AbortSignal | undefined>;
  readonly emit?: ((event: ToolRunEvent) => void) | undefined;
}

/**
 * The tool-call loop: send, run the tools the model called (concurrently), append the assistant
 * message and the tool results, repeat until the model answers without a tool call, a called tool
 * has no `execute`, or `maxSteps` requests were sent.
 */
export async function runToolLoop(plan: RunPlan, driver: LoopDriver): Promise<ToolRunResult> {
  const { port, send } = driver;
  const run = runSignal([plan.signal, port.signal, ...(driver.signals ?? [])], port.aborted);
  const emit = driver.emit ?? (() => {});
  const tools = toolRuntimes(plan.tools);
  const format = plan.request.response_format;
  // Steps are sent with a plain copy of the format: a step that calls tools (often after a line of
  // text) is not the structured answer, so only the loop parses, and only the answer.
  const structured = schemaOf(format) !== undefined;
  const request = structured ? { ...plan.request, response_format: { ...(format as object) } } : plan.request;
  const messages = [...plan.messages] as ChatMessage[];
  const steps: ToolStep[] = [];
  try {
    for (let index = 0; ; index++) {
      run.throwIfAborted();
      const sent = await send({ ...request, messages: [...messages] }, run.signal, index);
      const callsTools = (sent.choices[0]?.message?.tool_calls?.length ?? 0) > 0;
      const completion = !structured
        ? sent
        : callsTools
          ? unparsed(sent)
          : await port.parseCompletion(sent, format);
      const assistant = assistantMessage(completion.choices[0]?.message, index);
      messages.push(assistant);
      const toolResults = await runToolCalls(assistant.tool_calls ?? [], {
        tools,
        messages: [...messages],
        signal: run.signal,
        toolErrors: plan.toolErrors,
        onResult: (result) => emit({ type: 'tool-result', step: index, result }),
      });
      messages.push(...toolMessages(toolResults));
      const step: ToolStep = { index, completion, toolResults };
      steps.push(step);
      await plan.onStep?.(step);
      emit({ type: 'step', step });
      const stopReason = stopReasonOf(step, plan.maxSteps);
      if (stopReason) {
        return {
          ...(completion as ToolRunResult),
          messages,
          steps,
          stopReason,
          totalUsage: totalUsage(steps),
        };
      }
    }
  } catch (error) {
    // Tools still running (another one threw, or a request failed) are told to stop.
    run.abort(error instanceof Error ? error : port.misuse(String(error)));
    throw error;
  } finally {
    run.dispose();
  }
}

function stopReasonOf(step: ToolStep, maxSteps: number): ToolRunStopReason | undefined {
  if (step.toolResults.length === 0) return 'answered';
  if (step.toolResults.some((result) => result.status === 'pending')) return 'pending-tool-calls';
  if (step.index + 1 >= maxSteps) return 'max-steps';
  return undefined;
}

/** A step that called tools has no structured answer: `parsed` is `null`, its text left as it is. */
function unparsed(completion: ChatCompletion): ChatCompletion {
  const choices = completion.choices.map((choice) => ({
    ...choice,
    message: { ...choice.message, parsed: null },
  }));
  return { ...completion, choices };
}
