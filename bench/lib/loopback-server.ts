import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { completionJSON } from './fixture.js';
import { forkServer } from './fork-server.js';

export interface LoopbackServer {
  /** `http://127.0.0.1:<port>`; any POST path answers the fixed completion. */
  readonly origin: string;
  close(): Promise<void>;
}

/** Where the server runs: its own process (default) or this one's event loop. */
export type ServerPlacement = 'process' | 'inline';

/**
 * A minimal HTTP/1.1 server answering every request with the fixed completion: a precomputed
 * buffer, explicit content-length and keep-alive, so it costs as little as a server can.
 */
export function createLoopbackServer(): Server {
  const body = Buffer.from(completionJSON);
  const headers = {
    'content-type': 'application/json',
    'content-length': String(body.byteLength),
    'x-request-id': 'req_bench',
  };
  const server = createServer((request, response) => {
    // Drain the request body before answering, so the socket is clean for the next keep-alive request.
    request.on('data', noop);
    request.on('end', () => {
      response.writeHead(200, headers);
      response.end(body);
    });
  });
  // Idle gaps between phases (printing, GC) must not close pooled sockets and add reconnects.
  server.keepAliveTimeout = 60_000;
  return server;
}

/**
 * Starts the loopback server. In its own process (the default) its CPU time stays out of the
 * client's event loop, so the ratios show client overhead rather than server work shared by all.
 */
export async function startLoopbackServer(placement: ServerPlacement): Promise<LoopbackServer> {
  return placement === 'inline' ? startInline() : startChild();
}

async function startInline(): Promise<LoopbackServer> {
  const server = createLoopbackServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Pooled keep-alive sockets would otherwise hold `close` (and the process) open.
        server.closeAllConnections();
      }),
  };
}

function startChild(): Promise<LoopbackServer> {
  return forkServer(new URL('./loopback-server-process.ts', import.meta.url), 'loopback server');
}

function noop(): void {}
