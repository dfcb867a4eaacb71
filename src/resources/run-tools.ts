import type { ClientContext } from '../client-context.js';
import { ChatwireError } from '../errors/chatwire-error.js';
import { APIUserAbortError } from '../errors/connection-errors.js';
import { InvalidRequestError } from '../errors/request-errors.js';
import { loadChunk } from '../internal/lazy.js';
import type { RequestOptions } from '../options.js';
import type { LoopPort } from '../structured/loop-port.js';
import { runtimeOf } from '../structured/tool-definition.js';
import type { ToolRunResult } from '../structured/tool-run-types.js';
import type { ToolRunStream } from '../tools/loop/tool-run-stream.js';
import { createCompletion } from './chat-completions.js';
import { prepareChatRequest } from './chat-params-check.js';
import { lazyStream } from './chat-streams.js';
import { requireCapability } from './require-capability.js';

/**
 * `chat.completions.runTools(params)`. The loop itself comes with the tools: `tool()` from
 * `chatwire/tools` carries it, so a client that never runs tools does not bundle it. This lends
 * it the client's sending, checks and error classes.
 */
export function runTools(
  context: ClientContext,
  params: unknown,
  options: RequestOptions = {},
): Promise<ToolRunResult> | ToolRunStream {
  const stream = (params as { stream?: unknown } | null)?.stream === true;
  const tools = (params as { tools?: unknown } | null)?.tools;
  const loop = Array.isArray(tools) ? tools.map(runtimeOf).find((runtime) => runtime)?.loop : undefined;
  if (loop === undefined) {
    const error = new InvalidRequestError(
      'runTools runs tools made with tool() from chatwire/tools: pass at least one in `tools`.',
      [{ path: 'tools', message: 'must include a tool() tool' }],
    );
    if (stream) throw error;
    return Promise.reject(error);
  }
  return loop(loopPort(context, options, stream ? 'stream' : 'json'), params);
}

function loopPort(context: ClientContext, options: RequestOptions, mode: 'json' | 'stream'): LoopPort {
  return {
    check: (request) => {
      prepareChatRequest(context.dialect, request, mode, options);
      requireCapability(context, 'tools', 'tool calling', 'tools');
    },
    complete: (request, signal) => createCompletion(context, request, { ...options, signal }),
    stream: (request, signal) => lazyStream(context, request, { ...options, signal }),
    // Loaded when a tool loop's answer must be parsed (a `jsonSchemaFormat()` request).
    parseCompletion: (completion, format) =>
      loadChunk('structured output', () => import('../structured/parse-completion.js')).then((m) =>
        m.parseCompletion(completion, format),
      ),
    signal: options.signal,
    invalid: (message, issues) => new InvalidRequestError(message, issues),
    aborted: (message, cause) => new APIUserAbortError(message, { cause }),
    misuse: (message) => new ChatwireError(message),
  };
}
