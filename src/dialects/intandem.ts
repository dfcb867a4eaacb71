import { readErrorBody } from '../errors/read-error-body.js';
import { ResponseValidationError } from '../errors/request-errors.js';
import { loadChunk } from '../internal/lazy.js';
import { readUnixSeconds } from '../schema/normalise-completion.js';
import { bearer, defineDialect, type LooseMessages, Refusals } from './define-dialect.js';
import type { Dialect } from './dialect.js';
import type { InTandemChatParams } from './intandem-params.js';

const MODEL = /^(openai|anthropic|google)\/\S+/;
const TOOL_NAME = /^[a-zA-Z0-9_-]{1,64}$/;
const ROLES = new Set(['system', 'user', 'assistant', 'tool']);

type Json = Record<string, unknown>;

/** Unwraps `{success, data}` and renames inTandem's `uid`/`created_at` to OpenAI's `id`/`created`. */
export function unwrapInTandem(body: unknown): unknown {
  if (isEnvelope(body) && body.success === false) {
    throw new ResponseValidationError(
      `inTandem answered success: false: ${readErrorBody(body).message ?? 'no message'}`,
    );
  }
  const inner = isEnvelope(body) ? body.data : body;
  if (typeof inner !== 'object' || inner === null) return inner;
  const record = inner as Json;
  if (record.id === undefined && record.uid !== undefined) record.id = record.uid;
  // Only a readable date becomes `created`: strict mode then reports a bad one, not a made-up 0.
  const seconds = record.created === undefined ? readUnixSeconds(record.created_at) : undefined;
  if (seconds !== undefined) record.created = seconds;
  return record;
}

const isEnvelope = (body: unknown): body is { success: unknown; data?: unknown } =>
  typeof body === 'object' && body !== null && typeof (body as Json).success === 'boolean';

/**
 * inTandem (vcita) Generic AI API: a `{success, data}` envelope, `stream` defaulting to true on the
 * server (chatwire always sends it), `provider/model` names and async runs.
 */
export function intandem(): Dialect<InTandemChatParams> {
  return defineDialect<InTandemChatParams>({
    name: 'intandem',
    baseURL: 'https://api.vcita.biz',
    env: { apiKey: 'INTANDEM_API_TOKEN', baseURL: 'INTANDEM_BASE_URL' },
    auth: bearer,
    defaults: { timeout: 600_000, idleTimeout: 300_000 },
    // "Maximum 10 requests per minute. Please retry after 60 seconds." — and no Retry-After header.
    rateLimitWindowMs: 60_000,
    runs: () => loadChunk('async runs', () => import('./intandem-runs.js')).then((m) => m.inTandemRuns),
    capabilities: { async: true, multipleChoices: false },
    prepareChat: (params) => {
      const body = params as unknown as Json;
      const refusals = new Refusals('intandem');
      if (!MODEL.test(String(body.model)))
        refusals.add('model', 'must be "openai/…", "anthropic/…" or "google/…"');
      const messages = body.messages as LooseMessages;
      if (!messages.some((m) => m.role === 'user')) {
        refusals.add('messages', 'must contain at least one user message');
      }
      messages.forEach((m, i) => {
        if (!ROLES.has(m.role as string))
          refusals.add(`messages.${i}.role`, 'must be "system", "user", "assistant" or "tool" on inTandem');
      });
      if (typeof body.n === 'number' && body.n > 1)
        refusals.add('n', 'is not supported: inTandem answers one choice');
      (body.tools as Array<{ function?: { name?: unknown; parameters?: unknown } }> | undefined)?.forEach(
        (tool, i) => {
          if (!TOOL_NAME.test(String(tool.function?.name))) {
            refusals.add(`tools.${i}.function.name`, 'must match ^[a-zA-Z0-9_-]{1,64}$');
          }
          if (tool.function?.parameters === undefined) {
            refusals.add(`tools.${i}.function.parameters`, 'is required by inTandem (a JSON Schema)');
          }
        },
      );
      refusals.throwIfAny();
      return { path: '/v3/ai/chat_completions', body };
    },
    unwrapCompletion: unwrapInTandem,
    unwrapChunk: unwrapInTandem,
  });
}
