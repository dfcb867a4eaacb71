import { describe, expect, it } from 'vitest';
import { createMockServer, type MockServer } from '../../src/testing/index.js';
import { closeAfterEach } from './helpers/lifecycle.js';
import { runCliInProcess, runCliProcess } from './helpers/run-cli.js';
import { keyEnv, startVendor } from './helpers/vendors.js';

const onClose = closeAfterEach();

const vendor = async (name: Parameters<typeof startVendor>[0]): Promise<MockServer> => {
  const server = await startVendor(name);
  onClose(() => server.close());
  return server;
};

/** `chatwire chat --async` against `baseURL`, polling every 20 ms. */
const asyncChat = (dialect: string, baseURL: string, ...rest: string[]) => [
  'chat',
  '--dialect',
  dialect,
  '--base-url',
  baseURL,
  '--async',
  '--poll-interval',
  '20',
  ...rest,
];

describe('chatwire chat --async', () => {
  it('intandem: polls the run with a status line per change, then prints the answer (child process)', async () => {
    const server = await vendor('intandem');
    const args = asyncChat('intandem', server.baseURL, 'Draft it');
    const run = await runCliProcess(args, keyEnv('intandem'));
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe('Echo: Draft it\n');
    const statuses = [...run.stderr.matchAll(/^run (\S+) · (\w+) \((\w+)\) · [\d.]+ s$/gm)].map(
      (m) => `${m[2]}/${m[3]}`,
    );
    expect(statuses).toEqual(['queued/QUEUED', 'in_progress/IN_PROGRESS', 'completed/COMPLETED']);
    expect(run.stderr).toMatch(/^✓ run \S+ completed after [\d.]+ s$/m);
    expect(server.requests[0]?.json).toMatchObject({ async: true });
  });

  it('bifrost: --async --json waits for the job and prints one result', async () => {
    const server = await vendor('bifrost');
    const args = asyncChat('bifrost', server.baseURL, '--json', 'Later');
    const run = await runCliInProcess(args, keyEnv('bifrost'));
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({
      ok: true,
      content: 'Echo: Later',
      run: { status: 'completed', vendorStatus: 'completed' },
    });
    expect(run.stderr).toBe('');
    expect(server.requests.map((r) => `${r.method} ${r.path.replace(/[0-9a-f-]{36}/, '{id}')}`)).toEqual([
      'POST /v1/async/chat/completions',
      'GET /v1/async/chat/completions/{id}',
      'GET /v1/async/chat/completions/{id}',
    ]);
  });

  it('a failed run exits 1 with the vendor reason', async () => {
    const { intandemMockDialect } = await import('../../src/testing/index.js');
    const server = await createMockServer({
      dialect: intandemMockDialect({ failRuns: 'Provider timed out' }),
    });
    onClose(() => server.close());
    const args = asyncChat('intandem', server.baseURL, 'X');
    const run = await runCliInProcess(args, keyEnv('intandem'));
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^✗ run \S+ failed after/m);
    expect(run.stderr).toMatch(/Provider timed out/);
  });
});
