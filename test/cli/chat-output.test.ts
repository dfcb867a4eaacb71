import { describe, expect, it } from 'vitest';
import { chunk, createMockServer, type MockServer } from '../../src/testing/index.js';
import { closeAfterEach } from './helpers/lifecycle.js';
import { hasStackTrace, runCliInProcess, runCliProcess } from './helpers/run-cli.js';
import { keyEnv, startVendor } from './helpers/vendors.js';

const onClose = closeAfterEach();

const vendor = async (name: Parameters<typeof startVendor>[0]): Promise<MockServer> => {
  const server = await startVendor(name);
  onClose(() => server.close());
  return server;
};

describe('chatwire chat output', () => {
  it('--json prints one parseable result (child process)', async () => {
    const server = await vendor('openai');
    const run = await runCliProcess(
      ['chat', '--base-url', server.baseURL, '--json', 'Hello there'],
      keyEnv('openai'),
    );
    expect(run.code, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result).toMatchObject({
      ok: true,
      dialect: 'openai',
      content: 'Echo: Hello there',
      finishReason: 'stop',
      requestId: 'req_mock_1',
      usage: { prompt_tokens: 2, completion_tokens: 3, total_tokens: 5 },
      completion: { object: 'chat.completion' },
    });
    expect(server.lastRequest?.json).toMatchObject({ stream: false, model: 'gpt-4o-mini' });
  });

  it('--json on Bifrost carries extra_fields; the text summary names provider and cost', async () => {
    const server = await vendor('bifrost');
    const env = keyEnv('bifrost');
    const json = await runCliInProcess(
      ['chat', '--dialect', 'bifrost', '--base-url', server.baseURL, '--json', 'Hi'],
      env,
    );
    expect(JSON.parse(json.stdout).extraFields).toMatchObject({
      routing_info: { provider: 'openai', model: 'gpt-4o-mini' },
    });
    const text = await runCliInProcess(
      ['chat', '--dialect', 'bifrost', '--base-url', server.baseURL, 'Hi'],
      env,
    );
    expect(text.stdout).toBe('Echo: Hi\n');
    expect(text.stderr).toMatch(/^bifrost +provider openai · model gpt-4o-mini · latency \d+ ms$/m);
    expect(text.stderr).toMatch(/^usage +1 prompt \+ 2 completion = 3 tokens · cost \$[\d.e-]+$/m);
  });

  it('--json reports a vendor error as JSON too, exit 1', async () => {
    const server = await createMockServer({ apiKey: 'sk-right' });
    onClose(() => server.close());
    const run = await runCliInProcess(['chat', '--base-url', server.baseURL, '--json', 'Hi'], {
      OPENAI_API_KEY: 'sk-wrong',
    });
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toEqual({
      ok: false,
      error: expect.objectContaining({ name: 'AuthenticationError', status: 401, code: 'invalid_api_key' }),
    });
    expect(run.stderr).toMatch(/Check the key in OPENAI_API_KEY/);
    expect(run.stderr).not.toContain('sk-wrong');
  });

  it('shows tool calls and keeps reasoning off a piped stdout', async () => {
    const server = await vendor('openai');
    server.route('POST', '/v1/chat/completions', {
      sse: [
        chunk({ role: 'assistant', delta: { reasoning: 'Need the weather' } }),
        chunk({
          toolCalls: [
            { index: 0, id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '' } },
          ],
        }),
        chunk({ toolCalls: [{ index: 0, function: { arguments: '{"city":"Paris"}' } }] }),
        chunk({ finishReason: 'tool_calls' }),
      ],
    });
    const run = await runCliInProcess(['chat', '--base-url', server.baseURL, 'Weather?'], keyEnv('openai'));
    expect(run.stdout).toBe('→ get_weather {"city":"Paris"}\n');
    expect(run.stderr).toMatch(/^Need the weather\n/);
    expect(run.stderr).toMatch(/^finish +tool_calls · mock-model/m);
    expect(run.stderr).toMatch(/^tools +get_weather$/m);
  });

  it('a Caesar answer lists its cited sources', async () => {
    const server = await vendor('caesar');
    const run = await runCliInProcess(
      ['chat', '--dialect', 'caesar', '--base-url', server.baseURL, 'Why?'],
      keyEnv('caesar'),
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^References$/m);
    expect(run.stderr).toMatch(
      /^sources +2 cited: https:\/\/example\.com\/mock-source-1, https:\/\/example\.com\/mock-source-2$/m,
    );
    expect(server.lastRequest?.headers['api-version']).toBe('2025-11-27');
  });

  it('a connection failure says what to check, without a stack trace', async () => {
    const server = await vendor('openai');
    const { baseURL } = server;
    await server.close();
    const run = await runCliInProcess(['chat', '--base-url', baseURL, 'Hi'], keyEnv('openai'));
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /^chatwire: Could not reach http:\/\/127\.0\.0\.1:\d+\/v1: fetch failed \(ECONNREFUSED\)\n {2}Is the server running/,
    );
    expect(hasStackTrace(run.stderr)).toBe(false);
  });

  it('a stream broken by a vendor error frame: the partial line is closed, exit 1, says it is incomplete', async () => {
    const { morpheusMockDialect } = await import('../../src/testing/index.js');
    const server = await createMockServer({ dialect: morpheusMockDialect({ streamError: { after: 2 } }) });
    onClose(() => server.close());
    const args = ['chat', '--dialect', 'morpheus', '--base-url', server.baseURL, 'one two three four'];
    const run = await runCliInProcess(args, keyEnv('morpheus'));
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('Echo: one \n');
    expect(run.stderr).toBe(
      'chatwire: The stream broke: The server sent an error in the stream: mock proxy-router failure\n' +
        '  Any answer printed above is incomplete.\n',
    );
  });
});
