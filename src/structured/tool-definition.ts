import type { ChatMessage, FunctionTool } from '../schema/chat-params.js';
import type { ToolLoop } from './loop-port.js';
import type { StandardSchemaV1 } from './standard-schema.js';

// `tool()` (chatwire/tools) hangs what runs the tool on its definition under this key: registered,
// so two copies of chatwire agree, and non-enumerable, so it never reaches the wire.
const RUNTIME = Symbol.for('chatwire.tool.runtime');

/** What a tool's `execute` receives besides its arguments. */
export interface ToolContext {
  /** The id of the call being answered. */
  readonly toolCallId: string;
  /** The conversation so far, ending with the assistant message that made the call. */
  readonly messages: readonly ChatMessage[];
  /** Aborts when the run is aborted: stop work and let the promise settle. */
  readonly signal: AbortSignal;
}

/**
 * A function tool as sent to the model, that also knows how to validate its arguments and run.
 * Build it with `tool()` from `chatwire/tools`; `Args` is the parameters schema's output type.
 */
export interface Tool<Args = unknown, Result = unknown> extends FunctionTool {
  /** Type-only: the validated arguments. Never set. */
  readonly __args?: Args;
  /** Type-only: what `execute` resolves with. Never set. */
  readonly __result?: Result;
}

/**
 * What runs a tool: the schema of its arguments, its `execute` (absent: the caller runs it), and
 * the loop of `chatwire/tools` that `runTools` drives.
 */
export interface ToolRuntime {
  readonly schema: StandardSchemaV1 | undefined;
  readonly execute: ((args: unknown, context: ToolContext) => unknown) | undefined;
  readonly loop: ToolLoop;
}

/** Attaches `runtime` to a tool definition without making it part of the JSON sent. */
export function attachRuntime<T extends object>(tool: T, runtime: ToolRuntime): T {
  Object.defineProperty(tool, RUNTIME, { value: runtime, enumerable: false });
  return tool;
}

/** The runtime `tool()` attached, if any. */
export function runtimeOf(tool: unknown): ToolRuntime | undefined {
  if (typeof tool !== 'object' || tool === null) return undefined;
  return (tool as { [RUNTIME]?: ToolRuntime })[RUNTIME];
}
