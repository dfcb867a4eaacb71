import type { RecordedRequest } from '../recorded-request.js';
import { bearerToken } from '../route-match.js';

const VK_PREFIX = 'sk-bf-';

/**
 * The virtual key a request carries: `x-bf-vk`, else an `sk-bf-` value in `Authorization: Bearer`,
 * `x-api-key`, `x-goog-api-key` or `api-key` (Bifrost's accepted spellings).
 */
export const virtualKey = (request: RecordedRequest): string | undefined => {
  const { headers } = request;
  if (headers['x-bf-vk'] !== undefined) return headers['x-bf-vk'];
  const candidates = [
    bearerToken(request),
    headers['x-api-key'],
    headers['x-goog-api-key'],
    headers['api-key'],
  ];
  return candidates.find((value) => value?.startsWith(VK_PREFIX));
};

/** Whether the request presents `apiKey` as its virtual key or bearer token. */
export const hasCredential = (request: RecordedRequest, apiKey: string): boolean =>
  virtualKey(request) === apiKey || bearerToken(request) === apiKey;
