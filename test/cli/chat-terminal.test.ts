import { execFileSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { chunk, type MockServer } from '../../src/testing/index.js';
import { closeAfterEach } from './helpers/lifecycle.js';
import { baseEnv, CLI, hasStackTrace, ROOT } from './helpers/run-cli.js';
import { TmuxTerminal } from './helpers/tmux.js';
import { keyEnv, startVendor } from './helpers/vendors.js';

const ESC = '\u001b';

// The terminal is real: without tmux these tests fail (not skip) — `.ci/run` installs it.
const tmuxMissing = (() => {
  try {
    execFileSync('tmux', ['-V']);
    return undefined;
  } catch {
    return 'tmux is not installed: run `apt-get install -y tmux` (CI does this in .ci/run).';
  }
})();

const onClose = closeAfterEach();

const setUp = async (): Promise<{ server: MockServer; terminal: TmuxTerminal }> => {
  const server = await startVendor('openai');
  onClose(() => server.close());
  const terminal = await TmuxTerminal.start({ cwd: ROOT, env: { ...baseEnv(), OPENAI_API_KEY: 'sk-test' } });
  onClose(() => terminal.close());
  return { server, terminal };
};

const chatLine = (server: MockServer) =>
  `node --import tsx ${CLI} chat --base-url ${server.baseURL} "Tell me something"; echo EXIT=$?`;

describe('chatwire chat in a real terminal (tmux)', () => {
  beforeAll(() => {
    if (tmuxMissing) throw new Error(tmuxMissing);
  });

  it('streams the answer as it arrives (reasoning dimmed), then the summary', async () => {
    const { server, terminal } = await setUp();
    server.route('POST', '/v1/chat/completions', {
      sse: [
        chunk({ role: 'assistant', delta: { reasoning_content: 'Thinking it over' } }),
        chunk({ content: 'Streaming ' }),
        chunk({ content: 'words ' }),
        chunk({ content: 'arrive ' }),
        chunk({ content: 'one by one.' }),
        chunk({ finishReason: 'stop' }),
        chunk({ usage: { prompt_tokens: 3, completion_tokens: 5 } }),
      ],
      intervalMs: 300,
      headers: { 'x-request-id': 'req_tmux_1' },
    });
    await terminal.type(chatLine(server));
    // The first words are on screen while the rest is still on its way.
    const partial = await terminal.waitFor(/Streaming/);
    expect(partial).not.toContain('one by one.');
    const done = await terminal.waitFor(/EXIT=\d+/);
    expect(done).toContain('EXIT=0');
    expect(done).toMatch(/Thinking it over\n\nStreaming words arrive one by one\.\n/);
    expect(done).toMatch(/finish +stop · mock-model · [\d.]+ s · request id req_tmux_1/);
    expect(done).toMatch(/usage +3 prompt \+ 5 completion = 8 tokens/);
    const colours = await terminal.screen(true);
    expect(colours).toContain(`${ESC}[2mThinking it over`);
    expect(server.lastRequest?.json).toMatchObject({ stream: true, stream_options: { include_usage: true } });
  });

  it('Ctrl-C cancels the request: exit 130 at once, no stack trace, the server sees the connection closed', async () => {
    const { server, terminal } = await setUp();
    server.route('POST', '/v1/chat/completions', {
      sse: [chunk({ role: 'assistant', content: '' }), chunk({ content: 'Partial answer' })],
      done: false,
      holdOpen: true,
    });
    await terminal.type(chatLine(server));
    await terminal.waitFor(/Partial answer/);
    const request = server.lastRequest;
    expect(request?.closedEarly).toBe(false);
    const pressed = Date.now();
    await terminal.press('C-c');
    const screen = await terminal.waitFor(/EXIT=\d+/, 5000);
    expect(Date.now() - pressed).toBeLessThan(3000);
    expect(screen).toContain('EXIT=130');
    expect(screen).toContain('Interrupted: request cancelled.');
    expect(hasStackTrace(screen)).toBe(false);
    await request?.closed;
    expect(request?.closedEarly).toBe(true);
  });

  it('--async shows a live status line with the elapsed time, then the answer', async () => {
    const server = await startVendor('intandem');
    onClose(() => server.close());
    const terminal = await TmuxTerminal.start({ cwd: ROOT, env: { ...baseEnv(), ...keyEnv('intandem') } });
    onClose(() => terminal.close());
    const args = `--dialect intandem --base-url ${server.baseURL} --async --poll-interval 400`;
    await terminal.type(`node --import tsx ${CLI} chat ${args} "Draft a reply"; echo EXIT=$?`);
    // One line, redrawn in place: a spinner, the run, its status and the time so far.
    const live = await terminal.waitFor(
      /run \S+ · (queued|in_progress) \((QUEUED|IN_PROGRESS)\) · \d+\.\d s/,
    );
    expect(live).not.toMatch(/EXIT=\d/);
    const done = await terminal.waitFor(/EXIT=\d+/);
    expect(done).toMatch(/✓ run \S+ completed after \d+\.\d s\nEcho: Draft a reply\n/);
    expect(done).toContain('EXIT=0');
    // The status line was redrawn, not repeated: no leftover in_progress line.
    expect(done).not.toMatch(/in_progress \(IN_PROGRESS\)[^\n]*\n/);
  });
});
