import { afterEach, describe, expect, it } from 'vitest';
import { createMockServer, type MockServer } from '../../src/testing/index.js';

let server: MockServer | undefined;
afterEach(() => server?.close());

const preflight = (url: string) =>
  fetch(url, {
    method: 'OPTIONS',
    headers: {
      origin: 'http://page.example',
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'authorization, content-type, api-version',
    },
  });

describe('CORS', () => {
  it('answers a preflight before the key check, echoing the requested headers', async () => {
    server = await createMockServer({ apiKey: 'sk-required' });
    const response = await preflight(`${server.baseURL}/chat/completions`);
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('http://page.example');
    expect(response.headers.get('access-control-allow-headers')).toBe(
      'authorization, content-type, api-version',
    );
    expect(response.headers.get('access-control-allow-methods')).toContain('POST');
    expect(server.lastRequest).toMatchObject({ method: 'OPTIONS' });
    expect(server.lastRequest?.headers['access-control-request-headers']).toBe(
      'authorization, content-type, api-version',
    );
  });

  it('marks every answer, errors included, readable from the page and exposes the request id', async () => {
    server = await createMockServer({ apiKey: 'sk-required' });
    const denied = await fetch(`${server.baseURL}/chat/completions`, {
      method: 'POST',
      headers: { origin: 'http://page.example' },
      body: '{}',
    });
    expect(denied.status).toBe(401);
    expect(denied.headers.get('access-control-allow-origin')).toBe('http://page.example');
    expect(denied.headers.get('access-control-expose-headers')).toContain('x-request-id');
  });

  it('exposes every header the client reads: rate limits and Bifrost’s x-bifrost-* included', async () => {
    server = await createMockServer();
    const exposed = (await fetch(`${server.baseURL}/models`)).headers.get('access-control-expose-headers');
    const names = exposed?.split(', ') ?? [];
    for (const name of [
      'x-ratelimit-limit-requests',
      'x-ratelimit-reset-tokens',
      'x-bifrost-provider',
      'x-bifrost-trace-id',
      'retry-after-ms',
    ]) {
      expect(names).toContain(name);
    }
  });

  it('cors: false imitates a vendor without browser support', async () => {
    server = await createMockServer({ cors: false });
    const response = await preflight(`${server.baseURL}/chat/completions`);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    expect(response.status).toBe(404);
  });
});
