import { createServer, request as forward } from 'node:http';
import type { AddressInfo } from 'node:net';

/** `good`: what a browser needs; `wrong`: a preflight that forgets Authorization. */
export type CorsMode = 'good' | 'wrong';

/**
 * A reverse proxy in front of a mock vendor that adds CORS: it answers preflights itself (the mock
 * does not, see the report) and adds Access-Control-* headers to every proxied answer.
 */
export const startCorsProxy = async (target: string, mode: CorsMode = 'good') => {
  const server = createServer((req, res) => {
    const origin = req.headers.origin ?? '*';
    if (req.method === 'OPTIONS') {
      const asked = req.headers['access-control-request-headers'] ?? '';
      res.writeHead(204, {
        'access-control-allow-origin': origin,
        'access-control-allow-methods': 'GET, POST, OPTIONS',
        'access-control-allow-headers': mode === 'good' ? asked : 'content-type',
        'access-control-max-age': '600',
      });
      return void res.end();
    }
    const upstream = forward(
      new URL(req.url ?? '/', target),
      { method: req.method, headers: { ...req.headers, host: new URL(target).host } },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, {
          ...answer.headers,
          'access-control-allow-origin': origin,
          'access-control-expose-headers': 'x-request-id',
        });
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.destroy());
    res.on('close', () => upstream.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
};
