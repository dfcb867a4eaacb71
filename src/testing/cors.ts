import type { IncomingMessage, ServerResponse } from 'node:http';

// Headers a browser page may read on answers: every one the client reads — request ids, retry
// hints, the rate limits `RateLimitError.rateLimit` reports, `readBifrostHeaders()`'s. `*` covers
// the rest for pages that send no cookies (a wildcard does not apply to credentialed requests).
const EXPOSED = [
  '*',
  'x-request-id',
  'retry-after',
  'retry-after-ms',
  ...['limit', 'remaining', 'reset'].flatMap((kind) =>
    ['requests', 'tokens'].map((what) => `x-ratelimit-${kind}-${what}`),
  ),
  ...[
    'provider',
    'fallback-index',
    'cost-usd',
    'original-model',
    'resolved-model',
    'request-type',
    'trace-id',
    'upstream-latency-ms',
  ].map((name) => `x-bifrost-${name}`),
].join(', ');

/** Marks every answer as readable from any origin, as a vendor that supports browser use does. */
export function allowCrossOrigin(request: IncomingMessage, response: ServerResponse): void {
  response.setHeader('access-control-allow-origin', request.headers.origin ?? '*');
  response.setHeader('vary', 'Origin');
  response.setHeader('access-control-expose-headers', EXPOSED);
}

/**
 * Answers a CORS preflight (204) allowing what the page asked for. It comes before any key check:
 * browsers never send credentials on a preflight.
 */
export function answerPreflight(request: IncomingMessage, response: ServerResponse): void {
  allowCrossOrigin(request, response);
  response.writeHead(204, {
    'access-control-allow-methods': 'GET, POST, PATCH, DELETE, OPTIONS',
    // `*` would not cover Authorization, so echo what the page asked for.
    'access-control-allow-headers':
      request.headers['access-control-request-headers'] ?? 'authorization, content-type',
    'access-control-max-age': '600',
  });
  response.end();
}

export const isPreflight = (request: IncomingMessage): boolean =>
  request.method === 'OPTIONS' && request.headers['access-control-request-method'] !== undefined;
