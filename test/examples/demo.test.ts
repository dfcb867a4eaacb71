// `npm run demo` is the README's first command: with no key set it must tour every dialect
// against the built-in mock vendors and exit 0. Run as a user runs it, in a child process.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const run = promisify(execFile);

/** The environment without any dialect's key, so the demo picks the mock vendors. */
const keyless = () =>
  Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) => !/_API_(KEY|TOKEN)$/.test(name) && !name.startsWith('DEMO_'),
    ),
  );

describe('npm run demo', () => {
  it('with no key, tours every dialect against the mock vendors and exits 0', async () => {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'examples/demo.ts'], {
      cwd: root,
      env: keyless(),
      timeout: 60_000,
    });
    expect(stdout).toContain('No API key set: touring every dialect against the built-in mock vendors.');
    for (const dialect of ['openai', 'caesar', 'bifrost', 'morpheus', 'intandem'])
      expect(stdout).toMatch(new RegExp(`── ${dialect} — mock at http://127\\.0\\.0\\.1:\\d+`));
    // One line from each step that needs a working client, not only the headings.
    expect(stdout).toContain('RateLimitError 429');
    expect(stdout).toMatch(/uploaded "Q3 résumé\.txt" as [0-9a-f-]{36}/);
    expect(stdout).toMatch(/research [0-9a-f]{8}: completed/);
    expect(stdout).toContain('job answer: Echo: A slow question');
    expect(stdout).toContain('ended without [DONE] after finish_reason "stop"');
    expect(stdout).toContain('run answer: Echo: Think it over');
    expect(stdout).toContain('parsed: {"city":"Paris","celsius":18,"sky":"cloudy"}');
    expect(stdout).toContain('The caesar dialect has no tool calling.');
  }, 90_000);
});
