// A vendor or proxy may echo the key anywhere it can put text: the reason phrase, a request-id
// header, JSON-escaped inside the body. And the key on the wire is not always the `apiKey` given
// (Morpheus strips "Bearer "; a Bifrost virtual key may come per call). None may reach an error.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedactor, redactError } from '../../src/errors/redact.js';
import { APIError, ChatwireError, createClient, StreamError } from '../../src/index.js';
import { keyLeaks } from '../soak/drive/key-scan.js';

const KEY = 'sk-live/ABCdef123456';
type Answer = (request: IncomingMessage, response: ServerResponse) => void;
let answer: Answer = (_q, s) => s.end();
let server: Server;
let baseURL = '';

beforeAll(async () => {
  server = createServer((request, response) => {
    request.resume();
    request.on('end', () => answer(request, response));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const ask = { model: 'gpt-4o', messages: [{ role: 'user' as const, content: 'hi' }] };
const failWith = async (reply: Answer, options: Parameters<typeof createClient>[0] = {}) => {
  answer = reply;
  const client = createClient({ baseURL, apiKey: KEY, maxRetries: 0, ...options });
  return client.chat.completions.create(ask).catch((e: unknown) => e);
};
const json =
  (status: number, text: string, headers: Record<string, string> = {}): Answer =>
  (_q, s) => {
    s.writeHead(status, { 'content-type': 'application/json', ...headers });
    s.end(text);
  };

describe('a key the server echoes back', () => {
  it('in the reason phrase', async () => {
    const error = await failWith((_q, s) => {
      s.statusMessage = `Invalid key ${KEY}`;
      s.writeHead(401);
      s.end();
    });
    expect(error).toBeInstanceOf(APIError);
    expect((error as Error).message).toContain('[redacted]');
    expect(keyLeaks(error, KEY)).toEqual([]);
  });

  it('in the request-id header', async () => {
    const error = await failWith(json(400, '{"error":{"message":"bad"}}', { 'x-request-id': `req_${KEY}` }));
    expect((error as APIError).requestId).toBe('req_[redacted]');
    expect(keyLeaks(error, KEY)).toEqual([]);
  });

  it.each([
    ['with escaped slashes', KEY.replace('/', '\\/')],
    ['as \\u escapes', `\\u0073${KEY.slice(1)}`],
  ])('JSON-escaped in the body (%s), in the message and in an excerpt', async (_name, escaped) => {
    const withMessage = await failWith(json(401, `{"error":{"message":"Invalid API key: ${escaped}"}}`));
    expect((withMessage as Error).message).toBe('401 Invalid API key: [redacted]');
    expect(keyLeaks(withMessage, KEY)).toEqual([]);
    const noMessage = await failWith(json(401, `{"detail":"${escaped}"}`));
    expect(noMessage).toBeInstanceOf(APIError);
    expect(keyLeaks(noMessage, KEY)).toEqual([]);
    expect(JSON.stringify(noMessage)).not.toContain(escaped);
  });

  it('as an object key in the body, escaped so it only shows once parsed', async () => {
    const error = await failWith(json(400, `{"error":{"message":"bad","\\u0073${KEY.slice(1)}":1}}`));
    expect(error).toBeInstanceOf(APIError);
    expect(keyLeaks(error, KEY)).toEqual([]);
    expect(Object.keys(((error as APIError).body as { error: object }).error)).toContain('[redacted]');
  });

  it.each(['code', 'type', 'param'])('in the %s of a stream error frame', async (field) => {
    answer = (_q, s) => {
      s.writeHead(200, { 'content-type': 'text/event-stream' });
      s.end(`data: ${JSON.stringify({ error: { message: 'm', [field]: `x ${KEY}` } })}\n\n`);
    };
    const client = createClient({ baseURL, apiKey: KEY, maxRetries: 0 });
    const stream = await client.chat.completions.create({ ...ask, stream: true });
    const error = await stream.finalCompletion().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StreamError);
    expect((error as Record<string, unknown>)[field]).toBe('x [redacted]');
    expect(keyLeaks(error, KEY)).toEqual([]);
  });
});

describe('redactError, the safety net for errors built from vendor text', () => {
  it('masks the message, own fields and the cause chain', () => {
    const redactor = createRedactor([KEY]);
    const error = new ChatwireError(`bad ${KEY}`, {
      cause: new Error(`inner ${KEY}`, { cause: `deep ${KEY}` }),
    });
    Object.assign(error, { detail: { echoed: KEY } });
    redactError(error, redactor);
    expect(error.message).toBe('bad [redacted]');
    expect((error.cause as Error).message).toBe('inner [redacted]');
    expect((error as unknown as { detail: unknown }).detail).toEqual({ echoed: '[redacted]' });
    expect(keyLeaks(error, KEY)).toEqual([]);
  });
});

describe('the key as it went on the wire', () => {
  it('Morpheus: a key given as "Bearer sk-…" is sent bare, and masked bare', async () => {
    const error = await failWith(json(401, `{"detail":"Invalid key: ${KEY}"}`), {
      dialect: 'morpheus',
      apiKey: `Bearer ${KEY}`,
    });
    expect(error).toBeInstanceOf(APIError);
    expect(keyLeaks(error, KEY)).toEqual([]);
  });

  it('Bifrost: a per-call virtual key is masked though it never was the apiKey', async () => {
    const virtualKey = 'sk-bf-per-call-7c1e9a';
    answer = json(401, `{"error":{"message":"Invalid key: ${virtualKey}"}}`);
    const client = createClient({ dialect: 'bifrost', baseURL, maxRetries: 0 });
    const error = await client.chat.completions
      .create({ ...ask, model: 'openai/gpt-4o' }, { bifrost: { virtualKey } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APIError);
    expect(keyLeaks(error, virtualKey)).toEqual([]);
  });

  it('a credential set by hand in headers is masked too', async () => {
    const error = await failWith(json(401, `{"error":{"message":"Bad api-key ${KEY}x"}}`), {
      apiKey: 'sk-unrelated-000000',
      headers: { 'api-key': `${KEY}x` },
    });
    expect(error).toBeInstanceOf(APIError);
    expect((error as Error).message).toContain('[redacted]');
    expect(keyLeaks(error, `${KEY}x`)).toEqual([]);
  });
});
