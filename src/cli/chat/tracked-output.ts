import type { Output } from '../io.js';

/** An output that remembers whether the cursor sits at the start of a line. */
export class TrackedOutput {
  #atLineStart = true;

  constructor(readonly output: Output) {}

  get atLineStart(): boolean {
    return this.#atLineStart;
  }

  write(text: string): void {
    if (text === '') return;
    this.output.write(text);
    this.#atLineStart = text.endsWith('\n');
  }

  /** Ends the current line, if one is open. */
  newline(): void {
    if (!this.#atLineStart) this.write('\n');
  }
}
