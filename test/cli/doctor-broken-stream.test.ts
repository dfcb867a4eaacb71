import { describe, expect, it } from 'vitest';
import { chunk, createMockServer, type MockServer, type RecordedRequest } from '../../src/testing/index.js';
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

const isStream = (request: RecordedRequest) => (request.json as { stream?: unknown }).stream === true;

const doctor = (server: MockServer | string, ...extra: string[]) =>
  doctorReport(typeof server === 'string' ? server : server.baseURL, ...extra);

describe('chatwire doctor names what is wrong with a deliberately broken stream', () => {
  it('a stream with no [DONE] and no finish_reason', async () => {
    const server = await openai();
    const normal = vendorReply(server);
    server.route('POST', '/v1/chat/completions', (request) =>
      isStream(request)
        ? { sse: [chunk({ role: 'assistant', content: '' }), chunk({ content: 'Hello' })], done: false }
        : normal(request),
    );
    const { code, report } = await doctor(server, '--skip', 'cors');
    expect(code).toBe(1);
    expect(report.failing).toEqual(['stream.finish', 'stream.done', 'sdk.stream']);
    expect(row(report, 'stream.done').got).toBe(
      'body ended with neither [DONE] nor finish_reason: looks like a cut stream',
    );
    expect(row(report, 'stream.finish').got).toBe('no chunk carried a finish_reason');
    expect(row(report, 'sdk.stream').got).toMatch(/^StreamError/);
  });

  it('chunks without choices', async () => {
    const server = await openai();
    const normal = vendorReply(server);
    server.route('POST', '/v1/chat/completions', (request) =>
      isStream(request)
        ? {
            sse: [
              { id: 'x', object: 'chat.completion.chunk', delta: { content: 'Hi' } },
              chunk({ finishReason: 'stop' }),
            ],
          }
        : normal(request),
    );
    const { report } = await doctor(server, '--skip', 'cors');
    expect(row(report, 'stream.chunks')).toMatchObject({ status: 'fail' });
    expect(row(report, 'stream.chunks').got).toMatch(/^1 without choices \(\{"id":"x"/);
  });

  it('[DONE] missing on the openai dialect, although a finish_reason came (Morpheus-style)', async () => {
    const server = await openai();
    const normal = vendorReply(server);
    server.route('POST', '/v1/chat/completions', async (request) =>
      isStream(request)
        ? ({ ...((await normal(request)) as object), done: false } as never)
        : normal(request),
    );
    const { report } = await doctor(server, '--skip', 'cors');
    expect(row(report, 'stream.done')).toMatchObject({
      status: 'fail',
      got: 'body ended after finish_reason without data: [DONE]',
    });
    expect(row(report, 'sdk.stream').status).toBe('pass');
  });

  it('a stream held open after finish_reason without [DONE]', async () => {
    const server = await openai();
    const normal = vendorReply(server);
    server.route('POST', '/v1/chat/completions', (request) =>
      isStream(request)
        ? { sse: [chunk({ content: 'Hi' }), chunk({ finishReason: 'stop' })], done: false, holdOpen: true }
        : normal(request),
    );
    const { report } = await doctor(server, '--skip', 'cors,errors');
    expect(row(report, 'stream.done').got).toMatch(/stayed open after finish_reason: clients hang/);
    await expect.poll(() => server.requests.at(-1)?.closedEarly).toBe(true);
  });

  it('a mid-stream error frame (Morpheus proxy error)', async () => {
    const { morpheusMockDialect } = await import('../../src/testing/index.js');
    const server = await createMockServer({
      dialect: morpheusMockDialect({ streamError: { after: 1 } }),
      apiKey: 'sk-test',
    });
    onClose(() => server.close());
    const run = await runCliInProcess(
      ['doctor', '--dialect', 'morpheus', '--base-url', server.baseURL, '--json', '--skip', 'cors'],
      keyEnv('morpheus'),
    );
    const report = readReport(run);
    expect(row(report, 'stream.chunks').got).toMatch(/^error frame: mock proxy-router failure/);
    expect(report.failing).toContain('sdk.stream');
  });
});
