import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type ChildServer, forkServer } from './fork-server.js';
import { chunkTexts } from './sse-stream-fixture.js';

// A short streamed answer: the first event leaves with the headers, the rest 2 ms later (a model's
// next token takes longer than that), so the first read holds the first event alone.
const { texts } = chunkTexts(8);
const FIRST = `data: ${texts[0]}\n\n`;
const REST = `${texts
  .slice(1)
  .map((t) => `data: ${t}\n\n`)
  .join('')}data: [DONE]\n\n`;

/** An HTTP/1.1 server that answers every POST with the same small SSE stream. */
export function createSseServer(): Server {
  const server = createServer((request, response) => {
    request.on('data', () => {});
    request.on('end', () => {
      response.writeHead(200, {
        'content-type': 'text/event-stream',
        'cache-control': 'no-cache',
        'x-request-id': 'req_ttft',
      });
      // Headers and the first event in one packet: time to first chunk is then the client's own.
      response.write(FIRST);
      setTimeout(() => response.end(REST), 2);
    });
  });
  server.keepAliveTimeout = 60_000;
  return server;
}

/** Starts the server in its own process, so its work stays off the client's event loop. */
export function startSseServer(): Promise<ChildServer> {
  return forkServer(new URL('./sse-loopback-server-process.ts', import.meta.url), 'SSE server');
}

export function listen(server: Server): Promise<number> {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
  );
}
