import { describe, expect, it } from 'vitest';
import type { MockServer } from '../../src/testing/index.js';
import { readReport, row } from './helpers/doctor-json.js';
import { closeAfterEach } from './helpers/lifecycle.js';
import { runCliInProcess, runCliProcess } from './helpers/run-cli.js';
import { keyEnv, startVendor, VENDORS } from './helpers/vendors.js';

const onClose = closeAfterEach();

const started = async (
  name: (typeof VENDORS)[number]['name'],
  options: { cors?: boolean } = {},
): Promise<MockServer> => {
  const server = await startVendor(name, options);
  onClose(() => server.close());
  return server;
};

describe('chatwire doctor against every mock vendor', () => {
  for (const { name } of VENDORS) {
    it(`${name}: fully compatible, every check passes`, async () => {
      const server = await started(name);
      const baseURL = server.baseURL;
      const args = ['doctor', '--dialect', name, '--base-url', baseURL, '--poll-interval', '20', '--json'];
      const run = await runCliInProcess(args, keyEnv(name));
      const report = readReport(run);
      expect(run.code, run.stdout).toBe(0);
      expect(report.compatible).toBe(true);
      const notPassed = report.checks.filter((check) => check.status !== 'pass');
      // Only what the dialect does not have, or what doctor never provokes by default, is skipped.
      for (const check of notPassed) expect(['async', 'rate-limit']).toContain(check.id);
      expect(row(report, 'rate-limit').got).toMatch(/not provoked/);
      if (name === 'intandem' || name === 'bifrost') expect(row(report, 'async.poll').status).toBe('pass');
    });
  }

  it('a vendor without CORS answers is still compatible: the CORS rows warn and say why', async () => {
    const server = await started('openai', { cors: false });
    const args = ['doctor', '--base-url', server.baseURL, '--json'];
    const report = readReport(await runCliInProcess(args, keyEnv('openai')));
    expect(report.compatible).toBe(true);
    expect(row(report, 'cors.preflight')).toMatchObject({ status: 'warn' });
    expect(row(report, 'cors.preflight').got).toMatch(/no Access-Control-\* headers: no browser use/);
    expect(row(report, 'cors.response').status).toBe('warn');
  });

  it('morpheus streams without [DONE] pass on morpheus (documented), with usage_from_provider frames', async () => {
    const server = await started('morpheus');
    const args = [
      'doctor',
      '--dialect',
      'morpheus',
      '--base-url',
      server.baseURL,
      '--json',
      '--skip',
      'cors',
    ];
    const report = readReport(await runCliInProcess(args, keyEnv('morpheus')));
    expect(row(report, 'stream.done')).toMatchObject({ status: 'pass' });
    expect(row(report, 'stream.done').got).toMatch(/no \[DONE\]/);
    expect(row(report, 'stream.usage').got).toMatch(/usage_from_provider/);
  });

  it('prints a table in a child process and exits 0', async () => {
    const server = await started('bifrost');
    const args = ['doctor', '--dialect', 'bifrost', '--base-url', server.baseURL, '--poll-interval', '20'];
    const run = await runCliProcess(args, keyEnv('bifrost'));
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^check\s+expected\s+got\s+result$/m);
    expect(run.stdout).toMatch(
      /^stream\.done\s+data: \[DONE\] after the last chunk\s+data: \[DONE\]\s+pass$/m,
    );
    expect(run.stdout).toMatch(/^async\.poll .* pass$/m);
    expect(run.stdout).toMatch(/Compatible: \d+ passed, 1 skipped\./);
    // No colour codes when stdout is not a terminal.
    expect(run.stdout).not.toContain('\u001b[');
  });

  it('a model the async API refuses: the async row is skipped and says why, the rest runs', async () => {
    const server = await started('bifrost');
    const args = [
      'doctor',
      '--dialect',
      'bifrost',
      '--base-url',
      server.baseURL,
      '--model',
      'gpt-4o-mini',
      '--json',
    ];
    const report = readReport(await runCliInProcess(args, keyEnv('bifrost')));
    expect(row(report, 'async')).toMatchObject({ status: 'skip' });
    expect(row(report, 'async').got).toMatch(
      /^not sent: Not sent to bifrost: model must be "provider\/model"/,
    );
    expect(row(report, 'stream.done').status).toBe('pass');
  });
});
