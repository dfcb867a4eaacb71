import { describe, expect, it } from 'vitest';
import { hasStackTrace, runCliInProcess, runCliProcess } from './helpers/run-cli.js';

const KEY = { OPENAI_API_KEY: 'sk-test' };
const URL = ['--base-url', 'http://127.0.0.1:59999/v1'];

describe('help', () => {
  it.each([
    [['--help'], /^chatwire \d+\.\d+\.\d+ — one client/],
    [['help', 'doctor'], /^Usage: chatwire doctor/],
    [['chat', '--help'], /^Usage: chatwire chat/],
    [['doctor', '-h'], /^Usage: chatwire doctor/],
  ])('chatwire %j prints help with examples, exit 0', async (args, first) => {
    const run = await runCliInProcess(args);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(first);
    expect(run.stdout).toMatch(/\nExamples\n {2}/);
  });

  it('no command prints the help on stderr, exit 2 (child process)', async () => {
    const run = await runCliProcess([]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^chatwire .* one client/);
  });
});

describe('user mistakes: a message saying what to do, exit 2, never a stack trace', () => {
  it.each<[string, string[], Record<string, string>, RegExp]>([
    [
      'unknown command',
      ['chta'],
      {},
      /^chatwire: Unknown command "chta"\. Did you mean `chatwire chat`\?\n {2}Commands: chat, doctor/,
    ],
    [
      'typo in a flag',
      ['chat', '--modle', 'x', 'Hi'],
      KEY,
      /^chatwire: Unknown option --modle\. Did you mean --model\?\n {2}Run `chatwire chat --help`/,
    ],
    ['flag without its value', ['chat', ...URL, '--model'], KEY, /Option --model needs a value/],
    [
      'missing base URL',
      ['chat', 'Hi'],
      KEY,
      /Missing --base-url: which openai endpoint should chatwire talk to\?\n {2}Pass it, e\.g\. --base-url https:\/\/api\.openai\.com\/v1 .*or set OPENAI_BASE_URL/,
    ],
    [
      'base URL without a scheme',
      ['chat', '--base-url', 'localhost:8080', 'Hi'],
      KEY,
      /must be an absolute URL, got "localhost:8080"\.\n {2}Include the scheme, e\.g\. --base-url http:\/\/localhost:8080/,
    ],
    [
      'missing key',
      ['chat', ...URL, 'Hi'],
      {},
      /Missing API key: the openai dialect reads OPENAI_API_KEY, which is not set\.\n {2}Export it first/,
    ],
    [
      'key variable not set',
      ['chat', ...URL, '--api-key-env', 'MY_KEY', 'Hi'],
      {},
      /MY_KEY \(named by --api-key-env\) is not set/,
    ],
    [
      'a key passed as the variable name',
      ['chat', ...URL, '--api-key-env', 'sk-abc123', 'Hi'],
      {},
      /takes the NAME of an environment variable, not a key/,
    ],
    [
      // Letters, digits and `_` pass as a name: it must still not be printed back.
      'a key that looks like a variable name',
      ['chat', ...URL, '--api-key-env', 'sk_live_4f9a8b7c6d5e4f3a2b1c', 'Hi'],
      {},
      /^(?![\s\S]*sk_live_4f9a8b7c6d5e4f3a2b1c)[\s\S]*the variable named by --api-key-env is not set/,
    ],
    [
      'bad dialect',
      ['doctor', '--dialect', 'opneai', ...URL],
      KEY,
      /Unknown dialect "opneai"\. Did you mean openai\?\n {2}Use --dialect with one of: openai, caesar, bifrost, morpheus, intandem\./,
    ],
    [
      'a key Morpheus would refuse',
      ['chat', '--dialect', 'morpheus', ...URL, 'Hi'],
      { MORPHEUS_API_KEY: 'eyJhbGciOi.jwt' },
      /The key in MORPHEUS_API_KEY is refused: Morpheus chat needs an API key starting with "sk-"/,
    ],
    [
      '--file off Caesar',
      ['chat', ...URL, '--file', 'a.pdf', 'Hi'],
      KEY,
      /--file works with --dialect caesar only/,
    ],
    [
      '--async without runs',
      ['chat', ...URL, '--async', 'Hi'],
      KEY,
      /--async needs a dialect with async runs; openai has none\.\n {2}Async runs exist on --dialect intandem and --dialect bifrost\./,
    ],
    ['missing prompt', ['chat', ...URL], KEY, /Missing prompt\./],
    [
      'unknown doctor group',
      ['doctor', ...URL, '--skip', 'json,cros'],
      KEY,
      /--skip: unknown check group "cros"/,
    ],
    [
      'a model the dialect refuses',
      ['doctor', '--dialect', 'intandem', ...URL, '--model', 'gpt-4o'],
      { INTANDEM_API_TOKEN: 't' },
      /Not sent to intandem: model must be "openai\/…"/,
    ],
    [
      'a missing file',
      ['chat', '--dialect', 'caesar', ...URL, '--file', '/nonexistent.pdf', 'Hi'],
      { CAESAR_API_KEY: 'k' },
      /Cannot read --file \/nonexistent\.pdf: no such file\./,
    ],
  ])('%s', async (_name, args, env, message) => {
    const run = await runCliInProcess(args, env);
    expect(run.stderr).toMatch(message);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(hasStackTrace(run.stderr)).toBe(false);
  });

  it('refuses --api-key, says why and what to do, never echoes the key (child process)', async () => {
    const run = await runCliProcess([
      'chat',
      '--dialect',
      'bifrost',
      ...URL,
      '--api-key=sk-bf-secret-value',
      'Hi',
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /API keys are not taken on the command line \(--api-key\): .*shell\s+history.*`ps`/s,
    );
    expect(run.stderr).toMatch(/export BIFROST_API_KEY=\.\.\./);
    expect(run.stderr).toMatch(/--api-key-env MY_KEY_VAR/);
    expect(run.stderr).not.toContain('secret-value');
    expect(hasStackTrace(run.stderr)).toBe(false);
  });

  it('an unknown flag in a child process: exit 2, no stack trace', async () => {
    const run = await runCliProcess(['doctor', '--bsae-url', 'http://x']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'chatwire: Unknown option --bsae-url. Did you mean --base-url?\n  Run `chatwire doctor --help` for the options.\n',
    );
  });
});
