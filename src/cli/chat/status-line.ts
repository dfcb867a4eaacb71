import type { Run } from '../../index.js';
import type { Output } from '../io.js';
import type { Style } from '../style.js';

/** `live`: one line redrawn in place (a terminal); `lines`: a line per status change; `quiet`: nothing. */
export type StatusMode = 'live' | 'lines' | 'quiet';

const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];
const CLEAR_LINE = '\r\x1b[2K';

/** The progress of an async run: its status and the time elapsed since it was started. */
export class StatusLine {
  readonly #started = Date.now();
  #run: Run | undefined;
  #lastKey = '';
  #frame = 0;
  #timer: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly out: Output,
    private readonly style: Style,
    private readonly mode: StatusMode,
  ) {
    if (mode === 'live') {
      this.#timer = setInterval(() => this.#draw(), 100);
      this.#timer.unref?.();
    }
  }

  update(run: Run): void {
    this.#run = run;
    const key = `${run.status}/${run.vendorStatus}`;
    if (this.mode === 'lines' && key !== this.#lastKey) this.out.write(`${this.#describe(run)}\n`);
    this.#lastKey = key;
    this.#draw();
  }

  /** Stops redrawing and leaves a final line saying how it ended. */
  stop(outcome: 'completed' | 'failed' | 'cancelled'): void {
    clearInterval(this.#timer);
    if (this.mode === 'quiet' || !this.#run) return;
    if (this.mode === 'live') this.out.write(CLEAR_LINE);
    const mark = outcome === 'completed' ? this.style.green('✓') : this.style.red('✗');
    this.out.write(`${mark} run ${this.#run.id} ${outcome} after ${this.#elapsed()}\n`);
  }

  #draw(): void {
    if (this.mode !== 'live' || !this.#run) return;
    this.#frame = (this.#frame + 1) % FRAMES.length;
    this.out.write(`${CLEAR_LINE}${this.style.cyan(FRAMES[this.#frame] ?? '')} ${this.#describe(this.#run)}`);
  }

  #describe(run: Run): string {
    return `run ${run.id} · ${run.status} (${run.vendorStatus}) · ${this.#elapsed()}`;
  }

  #elapsed(): string {
    return `${((Date.now() - this.#started) / 1000).toFixed(1)} s`;
  }
}
