import { readErrorBody } from '../errors/read-error-body.js';
import type { ChatCompletionCreateParams } from '../schema/chat-params.js';
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
  return {
    name: 'openai',
    baseURL: 'https://api.openai.com/v1',
    env: { apiKey: 'OPENAI_API_KEY', baseURL: 'OPENAI_BASE_URL' },
    auth: (apiKey) => ({ authorization: `Bearer ${apiKey}` }),
    keyOptional: false,
    headers,
    requestIdHeaders: ['x-request-id'],
    defaults: { timeout: 600_000, idleTimeout: 300_000 },
    capabilities: {
      streaming: true,
      tools: true,
      responseFormat: true,
      async: false,
      files: true,
      multipleChoices: true,
    },
    prepareChat: (params) => ({
      path: '/chat/completions',
      body: params as unknown as Record<string, unknown>,
    }),
    unwrapCompletion: (body) => body,
    unwrapChunk: (data) => data,
    readError: readErrorBody,
  };
}
