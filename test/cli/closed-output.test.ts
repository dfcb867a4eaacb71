// `chatwire doctor | head` (or `| true` under pipefail): a reader that hangs up early is neither a
// crash nor a success. The command stops (nothing more is worth downloading) and exits 141, as a
// process killed by SIGPIPE does.
import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseEnv, CLI, ROOT } from './helpers/run-cli.js';

let server: Server;
let url = '';
beforeAll(async () => {
  // A broken endpoint: every answer is a proxy's HTML 502 page.
  server = createServer((request, response) => {
    request.resume();
    response.writeHead(502, { 'content-type': 'text/html' });
    response.end('<html><body>Bad Gateway</body></html>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** Runs the CLI with its stdout's reader gone at once, as `… | true` leaves it. */
const withClosedStdout = (args: string[]): Promise<{ code: number | null; stderr: string }> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], {
      cwd: ROOT,
      env: { ...baseEnv(), OPENAI_API_KEY: 'sk-test-closed-output' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (text: string) => {
      stderr += text;
    });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`CLI did not finish:\n${stderr}`));
    }, 30_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    });
  });

describe('a closed stdout', () => {
  it('doctor against a broken endpoint exits 141, not 0, without a stack trace', async () => {
    const run = await withClosedStdout(['doctor', '--base-url', url]);
    expect(run.code).toBe(141);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  }, 40_000);
});
