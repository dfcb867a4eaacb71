import { fork } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
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
export async function startSseServer(): Promise<{ origin: string; close(): Promise<void> }> {
  const child = fork(new URL('./sse-loopback-server-process.ts', import.meta.url), {
    execArgv: process.execArgv.filter((flag, i, all) => flag === '--import' || all[i - 1] === '--import'),
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (message) => resolve(Number(message)));
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`SSE server exited early (code ${code})`)));
  });
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.disconnect();
      }),
  };
}

export function listen(server: Server): Promise<number> {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
  );
}
