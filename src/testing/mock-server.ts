import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { allowCrossOrigin, answerPreflight, isPreflight } from './cors.js';
import type { MockDialect } from './mock-dialect.js';
import { type Claim, MockEngine, type MockEngineOptions } from './mock-engine.js';
import { headersOf, type RecordedRequest, recordRequest } from './recorded-request.js';
import type { Reply } from './reply.js';
import { type ScriptingMembers, withScripting } from './scripting-members.js';
import { writeReply } from './write-reply.js';

/** Options of {@link createMockServer}. */
export interface MockServerOptions extends MockEngineOptions {
  /** @defaultValue 0 (a free port) */
  port?: number;
  /**
   * Body bytes each record keeps (`body`, `bodyText`, multipart `bytes`); beyond it only size and
   * SHA-256 are kept, so a large upload costs no memory. @defaultValue 4 MiB
   */
  maxRecordedBodyBytes?: number;
  /**
   * Answer CORS preflights (before any key check) and mark answers readable from any origin, as a
   * vendor that supports browser use does. `false` imitates one that does not. @defaultValue true
   */
  cors?: boolean;
}

/** A running mock vendor on 127.0.0.1. */
export interface MockServer extends ScriptingMembers {
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  /** What a client passes as `baseURL` for this dialect, e.g. `url + '/v1'`. */
  readonly baseURL: string;
  readonly port: number;
  readonly dialect: MockDialect;
  /** Sockets currently open (pooled keep-alive connections count). */
  readonly openConnections: number;
  /** Destroy every socket and stop listening; nothing is left to keep the process alive. */
  close(): Promise<void>;
}

/**
 * Starts a real HTTP server on 127.0.0.1 speaking a vendor's wire format. Requests are answered
 * by queued replies, then routes, then the dialect's default handler: an answer echoing the last
 * user message (streamed when asked) in the vendor's envelope and framing, plus the vendor's
 * runs, research jobs and file uploads. `dialect` is a name (`'openai'`, `'caesar'`, `'bifrost'`,
 * `'morpheus'`, `'intandem'`) or a dialect object, e.g. from `bifrostMockDialect({ failPrimary: true })`.
 *
 * @example
 * const server = await createMockServer();
 * server.enqueue({ error: 429, headers: { 'retry-after-ms': '10' } }, { sse: [chunk({ content: 'Hi' })] });
 * const client = createClient({ baseURL: server.baseURL, apiKey: 'sk-test' });
 * // … exercise the client, then:
 * expect(server.requests).toHaveLength(2);
 * await server.close();
 *
 * @example
 * const caesar = await createMockServer({ dialect: 'caesar' });
 * const client = createClient({ dialect: 'caesar', baseURL: caesar.baseURL, apiKey: 'csk-test' });
 * const file = await client.files.upload(new Blob(['report']), { filename: 'report.txt' });
 * expect(caesar.uploads[0]).toMatchObject({ id: file.id, size: 6, filename: 'report.txt' });
 */
export const createMockServer = async (options: MockServerOptions = {}): Promise<MockServer> => {
  const engine = new MockEngine(options);
  const { dialect, log } = engine;
  const sockets = new Set<Socket>();

  const chooseReply = async (request: RecordedRequest, claim: Claim): Promise<Reply> => {
    const reply = await engine.choose(request, claim);
    if (reply !== undefined) return reply;
    const { pathname } = new URL(request.path, 'http://mock.invalid');
    return { error: 404, message: `Mock ${dialect.name} has no route ${request.method} ${pathname}.` };
  };

  const cors = options.cors ?? true;
  const answer = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    if (cors) allowCrossOrigin(request, response);
    const preflight = cors && isPreflight(request);
    // Place in the log and scripted reply are taken on arrival, so both follow arrival order.
    const ticket = log.reserve();
    const headers = headersOf(request);
    const claim = preflight
      ? undefined
      : engine.claim({ method: request.method ?? 'GET', path: request.url ?? '/', headers });
    const lifecycle = await recordRequest(request, response, options.maxRecordedBodyBytes, headers).catch(
      () => undefined,
    );
    // The client vanished while sending its body: nothing to record or answer.
    if (!lifecycle) {
      if (claim) engine.release(claim);
      return void response.destroy();
    }
    log.add(lifecycle.record, ticket);
    // Recorded like any request (tests check what a page asked for), answered before any key check.
    if (!claim) return answerPreflight(request, response);
    try {
      await writeReply(await chooseReply(lifecycle.record, claim), { ...lifecycle, response, dialect });
    } catch (error) {
      // A throwing reply function is a bug in the test: say so in a 500 rather than hang.
      if (response.headersSent) return void response.destroy();
      response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      response.end(`chatwire mock: reply failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  const server = createServer((request, response) => void answer(request, response));
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });

  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  let closing: Promise<void> | undefined;
  const front = {
    url,
    baseURL: url + dialect.basePath,
    port,
    dialect,
    get openConnections() {
      return sockets.size;
    },
    close: () => {
      closing ??= new Promise<void>((resolve) => {
        log.rejectAll(new Error('Mock server closed'));
        server.close(() => resolve());
        // Destroying sockets ends every open response, which clears its timers.
        for (const socket of sockets) socket.destroy();
      });
      return closing;
    },
  };
  return withScripting(front, engine);
};
