import type { Issue } from '../../errors/request-errors.js';
import type { LoopPort } from '../../structured/loop-port.js';
import type { RunToolsOptions } from '../../structured/tool-run-types.js';
import { toolName } from './tool-calls.js';

/** `runTools`' parameters split into what is sent and what drives the loop. */
export interface RunPlan {
  /** The chat parameters of every request, less `messages`, which the loop grows. */
  readonly request: Record<string, unknown>;
  readonly messages: readonly unknown[];
  readonly tools: readonly unknown[];
  readonly maxSteps: number;
  readonly signal: AbortSignal | undefined;
  readonly onStep: RunToolsOptions['onStep'];
  readonly toolErrors: 'report' | 'throw';
}

const DEFAULT_MAX_STEPS = 10;

/**
 * Checks `runTools`' parameters before anything is sent, including the dialect's own rules for the
 * first request (Caesar refuses tools there), and returns the loop's plan.
 */
export function planRun(port: LoopPort, params: unknown): RunPlan {
  const {
    maxSteps = DEFAULT_MAX_STEPS,
    signal,
    onStep,
    toolErrors = 'report',
    stream: _stream,
    ...request
  } = params as Record<string, unknown> & Partial<RunToolsOptions> & { stream?: unknown };
  const issues = checkLoopFields(request, { maxSteps, onStep, toolErrors });
  if (issues.length > 0) {
    const summary = issues.map((i) => `${i.path} ${i.message}`).join('; ');
    throw port.invalid(`Invalid runTools parameters: ${summary}.`, issues);
  }
  port.check(request);
  const { messages, ...rest } = request;
  return {
    request: rest,
    messages: Array.isArray(messages) ? messages : [],
    tools: request.tools as unknown[],
    maxSteps,
    signal,
    onStep,
    toolErrors,
  };
}

function checkLoopFields(
  request: Record<string, unknown>,
  loop: { maxSteps: number; onStep: unknown; toolErrors: unknown },
): Issue[] {
  const issues: Issue[] = [];
  const add = (path: string, message: string) => issues.push({ path, message });
  const names = (request.tools as unknown[]).map(toolName);
  const twice = [...new Set(names.filter((name, i) => names.indexOf(name) !== i))];
  if (twice.length > 0) add('tools', `name a tool twice: ${twice.join(', ')}`);
  if (!Number.isInteger(loop.maxSteps) || loop.maxSteps < 1) add('maxSteps', 'must be a whole number ≥ 1');
  if (loop.toolErrors !== 'report' && loop.toolErrors !== 'throw')
    add('toolErrors', "must be 'report' or 'throw'");
  if (loop.onStep !== undefined && typeof loop.onStep !== 'function') add('onStep', 'must be a function');
  if (typeof request.n === 'number' && request.n > 1)
    add('n', 'must be 1: runTools follows one conversation');
  return issues;
}
