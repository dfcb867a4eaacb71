import type { ChatCompletionCreateParams } from '../schema/chat-params.js';
import { bearer, defineDialect } from './define-dialect.js';
import type { Dialect } from './dialect.js';

export interface OpenAIDialectOptions {
  /** Sent as `OpenAI-Organization`. */
  organization?: string;
  /** Sent as `OpenAI-Project`. */
  project?: string;
}

/**
 * OpenAI's own API, and the default for any "OpenAI-compatible" server: it accepts the union of
 * every documented parameter and sends them as they are.
 */
export function openai(options: OpenAIDialectOptions = {}): Dialect<ChatCompletionCreateParams> {
  const headers: Record<string, string> = {};
  if (options.organization) headers['openai-organization'] = options.organization;
  if (options.project) headers['openai-project'] = options.project;
  return defineDialect<ChatCompletionCreateParams>({
    name: 'openai',
    baseURL: 'https://api.openai.com/v1',
    env: { apiKey: 'OPENAI_API_KEY', baseURL: 'OPENAI_BASE_URL' },
    auth: bearer,
    headers,
    defaults: { timeout: 600_000, idleTimeout: 300_000 },
    capabilities: { files: true },
    prepareChat: (params) => ({
      path: '/chat/completions',
      body: params as unknown as Record<string, unknown>,
    }),
  });
}
