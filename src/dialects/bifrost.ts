import { loadChunk } from '../internal/lazy.js';
import type { ChatCompletionCreateParams } from '../schema/chat-params.js';
import { type BifrostRequestOptions, bifrostControlHeaders } from './bifrost-controls.js';
import { bearer, defineDialect, Refusals } from './define-dialect.js';
import type { Dialect } from './dialect.js';

/** What Bifrost accepts: the OpenAI body plus `fallbacks`, `async`, `reasoning` and `extra_params`. */
export type BifrostChatParams = Omit<ChatCompletionCreateParams, 'session_id' | 'metadata'> & {
  metadata?: Record<string, string>;
};

export interface BifrostDialectOptions {
  /** `'openai'` (default): the drop-in `/openai/v1` route. `'native'`: `/v1`, where `model` must be `provider/model`. */
  route?: 'openai' | 'native';
  /** How a virtual key (`sk-bf-…`) travels: as a Bearer token (default) or in `x-bf-vk`. */
  virtualKeyHeader?: 'authorization' | 'x-bf-vk';
}

const hasProvider = (model: unknown) => typeof model === 'string' && /^[^/\s]+\/\S/.test(model);

/**
 * Bifrost, the LLM gateway: fallbacks, virtual keys, `x-bf-*` controls (typed request options
 * `{ bifrost: { cacheKey, … } }`), `extra_fields` on every answer and async jobs on the native API.
 */
export function bifrost(
  options: BifrostDialectOptions = {},
): Dialect<BifrostChatParams, BifrostRequestOptions> {
  const route = options.route ?? 'openai';
  return defineDialect<BifrostChatParams, BifrostRequestOptions>({
    name: 'bifrost',
    baseURL: 'http://localhost:8080',
    env: { apiKey: 'BIFROST_API_KEY', baseURL: 'BIFROST_BASE_URL' },
    auth: (key) =>
      options.virtualKeyHeader === 'x-bf-vk' && key.startsWith('sk-bf-') ? { 'x-bf-vk': key } : bearer(key),
    // A gateway without governance needs no key at all.
    keyOptional: true,
    defaults: { timeout: 600_000, idleTimeout: 300_000 },
    runs: () => loadChunk('async jobs', () => import('./bifrost-runs.js')).then((m) => m.bifrostRuns),
    capabilities: { async: true },
    // A job made with a virtual key can only be read with that key (shared/vendors/bifrost.md §7):
    // the key, given as a control or as a header, goes with every poll; nothing else does.
    requestHeaders: (extras) => {
      const given = extras as { bifrost?: { virtualKey?: string }; headers?: Record<string, unknown> };
      const header = Object.entries(given.headers ?? {}).find(
        ([name]) => name.toLowerCase() === 'x-bf-vk',
      )?.[1];
      const key = given.bifrost?.virtualKey ?? (typeof header === 'string' ? header : undefined);
      return key === undefined ? {} : { 'x-bf-vk': key };
    },
    prepareChat: (params, extras) => {
      const body: Record<string, unknown> = { ...params };
      const isAsync = body.async === true;
      const native = route === 'native' || isAsync;
      const refusals = new Refusals('bifrost');
      if (native && !hasProvider(body.model)) {
        refusals.add('model', `must be "provider/model" on Bifrost's native ${isAsync ? 'async ' : ''}API`);
      }
      (body.fallbacks as unknown[] | undefined)?.forEach((fallback, i) => {
        if (!hasProvider(fallback))
          refusals.add(`fallbacks.${i}`, 'must be "provider/model" (Bifrost silently drops it otherwise)');
      });
      const reasoning = body.reasoning as { effort?: unknown } | undefined;
      if (body.reasoning_effort != null && reasoning?.effort != null) {
        refusals.add(
          'reasoning_effort',
          'cannot be sent with reasoning.effort (Bifrost answers 400): pick one',
        );
      }
      refusals.throwIfAny();
      const headers = bifrostControlHeaders(extras.bifrost);
      if (body.extra_params !== undefined) {
        // Without this header Bifrost drops the extra params without a word.
        headers['x-bf-passthrough-extra-params'] ??= 'true';
        // The native route reads unknown top-level keys; the /openai route reads the `extra_params` key.
        if (native) {
          const extra = body.extra_params as Record<string, unknown>;
          delete body.extra_params;
          Object.assign(body, extra);
        }
      }
      delete body.async;
      const path = isAsync
        ? '/v1/async/chat/completions'
        : native
          ? '/v1/chat/completions'
          : '/openai/v1/chat/completions';
      return { path, body, headers };
    },
  });
}
