import type { ToolCall } from '../../schema/chat-completion.js';
import type { ChatMessage } from '../../schema/chat-params.js';
import { runtimeOf, type ToolRuntime } from '../../structured/tool-definition.js';
import type { ToolResult } from '../../structured/tool-run-types.js';
import {
  describeIssues,
  parseJsonText,
  type Validated,
  validateStandard,
} from '../../structured/validate.js';
import { abortable } from './run-signal.js';

/** What running one step's tool calls needs. */
export interface ToolCallScope {
  /** Tools by name (a plain definition maps to `undefined` runtime). */
  readonly tools: ReadonlyMap<string, ToolRuntime | undefined>;
  readonly messages: readonly ChatMessage[];
  readonly signal: AbortSignal;
  readonly toolErrors: 'report' | 'throw';
  /** Called as each call settles, in the order they settle. */
  readonly onResult: (result: ToolResult) => void;
}

/** Builds the name → runtime map of a run's tools. */
export const toolRuntimes = (tools: readonly unknown[]): Map<string, ToolRuntime | undefined> =>
  new Map(tools.map((tool) => [toolName(tool), runtimeOf(tool)]));

export const toolName = (tool: unknown): string =>
  String((tool as { function?: { name?: unknown } } | null)?.function?.name ?? '');

/**
 * Runs one step's tool calls concurrently and resolves with their results in call order. Bad
 * arguments, unknown tools and (by default) thrown errors become results the model reads.
 */
export function runToolCalls(calls: readonly ToolCall[], scope: ToolCallScope): Promise<ToolResult[]> {
  return Promise.all(
    calls.map(async (call) => {
      const result = await runToolCall(call, scope);
      scope.onResult(result);
      return result;
    }),
  );
}

async function runToolCall(call: ToolCall, scope: ToolCallScope): Promise<ToolResult> {
  const { name } = call.function;
  const base = { toolCallId: call.id, name };
  if (!scope.tools.has(name)) {
    const known = [...scope.tools.keys()].join(', ');
    return {
      ...base,
      status: 'unknown-tool',
      args: undefined,
      content: `Unknown tool "${name}". Tools: ${known}.`,
    };
  }
  const runtime = scope.tools.get(name);
  const args = await readArguments(call.function.arguments, runtime);
  if (!args.ok) {
    const content = `Invalid arguments for tool "${name}": ${describeIssues(args.issues)}. Call it again with arguments that match its parameters.`;
    return { ...base, status: 'invalid-arguments', args: undefined, error: args.issues, content };
  }
  const execute = runtime?.execute;
  if (execute === undefined) return { ...base, status: 'pending', args: args.value };
  const context = { toolCallId: call.id, messages: scope.messages, signal: scope.signal };
  try {
    const result = await abortable(
      Promise.resolve().then(() => execute(args.value, context)),
      scope.signal,
    );
    return { ...base, status: 'ok', args: args.value, result, content: toContent(result) };
  } catch (error) {
    if (scope.signal.aborted || scope.toolErrors === 'throw') throw error;
    const content = `Tool "${name}" failed: ${error instanceof Error ? error.message : String(error)}`;
    return { ...base, status: 'error', args: args.value, error, content };
  }
}

async function readArguments(text: string, runtime: ToolRuntime | undefined): Promise<Validated<unknown>> {
  // Some vendors send '' for a call without arguments.
  const json = parseJsonText(text.trim() === '' ? '{}' : text);
  if (!json.ok || runtime?.schema === undefined) return json;
  return validateStandard(runtime.schema, json.value);
}

/** A tool's result as message text: strings as they are, anything else as JSON. */
function toContent(result: unknown): string {
  if (typeof result === 'string') return result;
  return JSON.stringify(result) ?? 'null';
}
