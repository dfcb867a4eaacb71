import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** A loopback server whose answers are generated as they are sent, never held in memory. */
export interface HugeServer {
  readonly url: string;
  /** Body bytes written so far, over all requests. */
  readonly bytesSent: number;
  /** Resolves when the client has closed (or the server ended) the last response. */
  readonly lastClosed: Promise<void>;
  close(): Promise<void>;
}

export interface Pump {
  /** Bytes written before each piece, e.g. the start of a JSON document. */
  readonly head?: string;
  readonly piece: string;
  /** Stop (and end the body) after this many bytes; omit for a body that never ends. */
  readonly limit?: number;
  /** Wait this long between pieces (a rate limit); 0 writes as fast as the socket drains. */
  readonly paceMs?: number;
}

export const GiB = 1024 * 1024 * 1024;

/** Serves `status`/`headers` then `pump`'s body to every request, honouring backpressure. */
export async function startHugeServer(
  status: number,
  headers: Record<string, string>,
  pump: Pump,
): Promise<HugeServer> {
  let bytesSent = 0;
  let lastClosed: Promise<void> = Promise.resolve();
  const sockets = new Set<Socket>();
  const piece = Buffer.from(pump.piece);
  const write = (response: ServerResponse) => {
    const paced = () => void setTimeout(next, pump.paceMs);
    const next = () => {
      while (!response.destroyed) {
        if (pump.limit !== undefined && bytesSent >= pump.limit) return void response.end();
        bytesSent += piece.length;
        const flushed = response.write(piece);
        if (pump.paceMs) return void (flushed ? paced() : response.once('drain', paced));
        if (!flushed) return void response.once('drain', next);
      }
    };
    next();
  };
  const server = createServer((request, response) => {
    lastClosed = new Promise((resolve) => response.once('close', () => resolve()));
    request.resume();
    response.writeHead(status, headers);
    if (pump.head) {
      bytesSent += Buffer.byteLength(pump.head);
      response.write(pump.head);
    }
    write(response);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    get bytesSent() {
      return bytesSent;
    },
    get lastClosed() {
      return lastClosed;
    },
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** Runs `work` while sampling RSS; resolves with its outcome and the peak growth in bytes. */
export async function peakRssGrowth<T>(work: () => Promise<T>): Promise<{ outcome: T; growth: number }> {
  (globalThis as { gc?: () => void }).gc?.();
  const before = process.memoryUsage().rss;
  let peak = before;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 10);
  try {
    const outcome = await work();
    peak = Math.max(peak, process.memoryUsage().rss);
    return { outcome, growth: peak - before };
  } finally {
    clearInterval(sampler);
  }
}
