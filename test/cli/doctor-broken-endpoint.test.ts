import { describe, expect, it } from 'vitest';
import { createMockServer, type MockServer } from '../../src/testing/index.js';
import { startCorsProxy } from './helpers/cors-proxy.js';
import { doctorReport, readReport, row } from './helpers/doctor-json.js';
import { closeAfterEach } from './helpers/lifecycle.js';
import { runCliInProcess } from './helpers/run-cli.js';
import { keyEnv, startVendor, vendorReply } from './helpers/vendors.js';

const onClose = closeAfterEach();

const openai = async (): Promise<MockServer> => {
  const server = await startVendor('openai');
  onClose(() => server.close());
  return server;
};

const doctor = (server: MockServer | string, ...extra: string[]) =>
  doctorReport(typeof server === 'string' ? server : server.baseURL, ...extra);

describe('chatwire doctor names what a deliberately broken endpoint gets wrong', () => {
  it('errors as HTML pages', async () => {
    const server = await createMockServer();
    onClose(() => server.close());
    const normal = vendorReply(server);
    server.route('POST', '/v1/chat/completions', async (request) => {
      const html = (status: number) => ({
        status,
        contentType: 'text/html',
        text: `<html><h1>${status}</h1></html>`,
      });
      if (request.headers.authorization !== 'Bearer sk-test') return html(401);
      if ((request.json as { messages?: unknown[] }).messages?.length === 0) return html(400);
      return normal(request);
    });
    const { code, report } = await doctor(server, '--skip', 'cors');
    expect(code).toBe(1);
    expect(report.failing).toEqual(['error.bad-request', 'error.bad-key']);
    expect(row(report, 'error.bad-request').got).toBe('400 an HTML page: <html><h1>400</h1></html>');
    expect(row(report, 'error.bad-key').got).toMatch(/^401 an HTML page/);
  });

  it('no request id on any answer', async () => {
    const server = await openai();
    const normal = vendorReply(server);
    server.route('POST', '/v1/chat/completions', async (request) => ({
      ...(await normal(request)),
      headers: {},
    }));
    const { code, report } = await doctor(server, '--skip', 'cors');
    expect(code).toBe(1);
    expect(report.failing).toEqual(['request-id']);
    expect(row(report, 'request-id').got).toBe('none on the JSON and stream answer');
  });

  it('a CORS preflight that does not allow Authorization', async () => {
    const server = await openai();
    const proxy = await startCorsProxy(server.url, 'wrong');
    onClose(proxy.close);
    const { code, report } = await doctor(`${proxy.url}/v1`);
    expect(code).toBe(1);
    expect(report.failing).toEqual(['cors.preflight']);
    expect(row(report, 'cors.preflight').got).toBe('allow-headers lacks authorization');
  });

  it('a 429 without Retry-After, provoked on request only', async () => {
    const server = await openai();
    const normal = vendorReply(server);
    let chats = 0;
    server.route('POST', '/v1/chat/completions', (request) =>
      ++chats > 4 ? { error: 429 } : normal(request),
    );
    const { code, report } = await doctor(server, '--skip', 'cors', '--rate-limit-probe', '5');
    expect(code).toBe(0);
    expect(row(report, 'rate-limit')).toMatchObject({ status: 'warn' });
    // json, stream and the bad request were answered; the second probe got the 429.
    expect(row(report, 'rate-limit').got).toMatch(/^429 after 2 request\(s\) without Retry-After/);
    chats = 0;
    const strict = await doctor(server, '--skip', 'cors', '--rate-limit-probe', '5', '--strict');
    expect(strict.code).toBe(1);
    expect(strict.report.failing).toEqual(['rate-limit']);
  });

  it('a Retry-After that is neither whole seconds nor an HTTP date fails (Date.parse would take "1.5")', async () => {
    for (const [after, status] of [
      ['1.5', 'fail'],
      ['-5', 'fail'],
      ['Wed, 21 Oct 2015 07:28:00 GMT', 'pass'],
      ['7', 'pass'],
    ] as const) {
      const server = await openai();
      const normal = vendorReply(server);
      let chats = 0;
      server.route('POST', '/v1/chat/completions', (request) =>
        ++chats > 4 ? { error: 429, headers: { 'retry-after': after } } : normal(request),
      );
      const { report } = await doctor(server, '--skip', 'cors', '--rate-limit-probe', '5');
      expect(row(report, 'rate-limit').status, after).toBe(status);
    }
  });

  it('a 429 with Retry-After passes (Morpheus enforcing its limit)', async () => {
    const { morpheusMockDialect } = await import('../../src/testing/index.js');
    const dialect = morpheusMockDialect({ rateLimit: { requests: 3, enforce: true } });
    const server = await createMockServer({ dialect, apiKey: 'sk-test' });
    onClose(() => server.close());
    const args = [
      'doctor',
      '--dialect',
      'morpheus',
      '--base-url',
      server.baseURL,
      '--json',
      '--skip',
      'cors',
      '--rate-limit-probe',
      '5',
    ];
    const report = readReport(await runCliInProcess(args, keyEnv('morpheus')));
    expect(row(report, 'rate-limit')).toMatchObject({ status: 'pass' });
    expect(row(report, 'rate-limit').got).toMatch(/^429 after 2 request\(s\), Retry-After: \d+ \(\d+ s\)$/);
  });

  it('an unreachable endpoint: one failure, everything else skipped', async () => {
    const server = await openai();
    const { url } = server;
    await server.close();
    const { code, report } = await doctor(`${url}/v1`);
    expect(code).toBe(1);
    expect(row(report, 'json.shape').got).toMatch(/^no answer: fetch failed/);
    expect(row(report, 'stream').got).toBe('endpoint unreachable (see json.shape)');
    expect(report.counts.fail).toBe(1);
  });

  it('a refused key: says which variable to check and skips what needs a key', async () => {
    const server = await createMockServer({ apiKey: 'sk-other' });
    onClose(() => server.close());
    const { code, report } = await doctor(server, '--skip', 'cors');
    expect(code).toBe(1);
    expect(row(report, 'json.shape').got).toBe('401: Incorrect API key provided.');
    expect(row(report, 'stream').got).toBe('your key was refused (401): check OPENAI_API_KEY');
  });
});
