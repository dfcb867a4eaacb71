import type { CaesarChatParams } from './caesar-params.js';
import { CAESAR_API_VERSION, checkCaesarParams } from './caesar-rules.js';
import { bearer, defineDialect } from './define-dialect.js';
import type { Dialect } from './dialect.js';

export interface CaesarDialectOptions {
  /** Sent as `API-Version` on every request, so a key pinned to an older version gets today's fields. */
  apiVersion?: string;
}

const HALF_AN_HOUR = 1_800_000;

/**
 * Caesar's research API through its OpenAI-compatible endpoint: each chat completion runs a research
 * job (minutes), answers with citations inside the content (see `parseCitations`) and all-zero usage.
 */
export function caesar(options: CaesarDialectOptions = {}): Dialect<CaesarChatParams> {
  const apiVersion = options.apiVersion ?? CAESAR_API_VERSION;
  return defineDialect<CaesarChatParams>({
    name: 'caesar',
    baseURL: 'https://api.caesar.xyz',
    env: { apiKey: 'CAESAR_API_KEY', baseURL: 'CAESAR_BASE_URL' },
    auth: bearer,
    headers: { 'api-version': apiVersion },
    defaults: { timeout: HALF_AN_HOUR, idleTimeout: HALF_AN_HOUR },
    capabilities: {
      tools: false,
      responseFormat: false,
      files: true,
      multipleChoices: false,
      research: true,
    },
    prepareChat: (params) => {
      checkCaesarParams(params as unknown as Record<string, unknown>, apiVersion);
      return { path: '/compat/chat/completions', body: params as unknown as Record<string, unknown> };
    },
  });
}
