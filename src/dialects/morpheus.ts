import { InvalidRequestError } from '../errors/request-errors.js';
import type { ChatCompletionCreateParams } from '../schema/chat-params.js';
import { defineDialect } from './define-dialect.js';
import type { Dialect } from './dialect.js';

/** What the Morpheus gateway accepts: OpenAI chat parameters plus the legacy `session_id`. */
export type MorpheusChatParams = Omit<
  ChatCompletionCreateParams,
  'fallbacks' | 'async' | 'extra_params' | 'metadata' | 'reasoning'
> & {
  /**
   * A compute session id from the Morpheus marketplace.
   * @deprecated The gateway now routes sessions itself and ignores this field; it is still sent.
   */
  session_id?: string;
};

/**
 * The Morpheus API Gateway: OpenAI-shaped, `sk-` API keys only, streams that may end without
 * `[DONE]`, `usage_from_provider` frames and in-band error frames (all handled by the stream reader).
 */
export function morpheus(): Dialect<MorpheusChatParams> {
  return defineDialect<MorpheusChatParams>({
    name: 'morpheus',
    baseURL: 'https://api.mor.org/api/v1',
    env: { apiKey: 'MORPHEUS_API_KEY', baseURL: 'MORPHEUS_BASE_URL' },
    auth: (key) => {
      const bare = key.replace(/^Bearer\s+/i, '');
      if (!bare.startsWith('sk-')) {
        throw new InvalidRequestError(
          'Morpheus chat needs an API key starting with "sk-" (create one in the Morpheus dashboard); a login JWT is refused by the gateway.',
          [{ path: 'apiKey', message: 'must start with sk-' }],
        );
      }
      return { authorization: `Bearer ${bare}` };
    },
    defaults: { timeout: 600_000, idleTimeout: 300_000 },
    prepareChat: (params) => ({
      path: '/chat/completions',
      body: params as unknown as Record<string, unknown>,
      // The 2025 gateway chose SSE from Accept; today `stream` decides. Send both, matching.
      headers: { accept: params.stream ? 'text/event-stream' : 'application/json' },
    }),
  });
}
