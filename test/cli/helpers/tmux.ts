import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * A real terminal: a private tmux server (its own socket, no user config) running an interactive
 * bash, driven with send-keys and read with capture-pane.
 */
export class TmuxTerminal {
  readonly #socket = `chatwire-cli-test-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;

  private constructor() {}

  static async start(options: { cwd: string; env: Record<string, string> }): Promise<TmuxTerminal> {
    const terminal = new TmuxTerminal();
    // The tmux server, and so the shell, inherits this environment.
    await run(
      'tmux',
      [
        '-L',
        terminal.#socket,
        '-f',
        '/dev/null',
        'new-session',
        '-d',
        '-s',
        'main',
        '-x',
        '160',
        '-y',
        '48',
        'bash --norc --noprofile',
      ],
      { cwd: options.cwd, env: { ...options.env, PS1: '$ ' } },
    );
    return terminal;
  }

  /** Types a command line and presses Enter. */
  async type(line: string): Promise<void> {
    await this.#tmux('send-keys', '-t', 'main', '-l', line);
    await this.#tmux('send-keys', '-t', 'main', 'Enter');
  }

  /** Presses keys by tmux name, e.g. `C-c`. */
  async press(key: string): Promise<void> {
    await this.#tmux('send-keys', '-t', 'main', key);
  }

  /** The visible screen and scrollback; with `escapes`, the colour codes too. */
  async screen(escapes = false): Promise<string> {
    const { stdout } = await this.#tmux(
      'capture-pane',
      '-p',
      '-J',
      '-S',
      '-200',
      ...(escapes ? ['-e'] : []),
      '-t',
      'main',
    );
    return stdout;
  }

  /** Polls the screen until `pattern` shows up; returns the screen. */
  async waitFor(pattern: RegExp, timeoutMs = 15_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const screen = await this.screen();
      if (pattern.test(screen)) return screen;
      if (Date.now() > deadline) throw new Error(`Timed out waiting for ${pattern} in:\n${screen}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  async close(): Promise<void> {
    await this.#tmux('kill-server').catch(() => undefined);
  }

  #tmux(...args: string[]) {
    return run('tmux', ['-L', this.#socket, ...args]);
  }
}
