// Appending hundreds of thousands of small deltas with `+=` builds a rope of as many nodes,
// several times the text's own size; joining in batches keeps the accumulated text near flat.
const BATCH = 256;

/** Concatenates many small strings without growing a deep rope. */
export class TextBuffer {
  #text = '';
  #parts: string[] = [];

  append(piece: string): void {
    const parts = this.#parts;
    parts.push(piece);
    if (parts.length === BATCH) {
      this.#text += parts.join('');
      parts.length = 0;
    }
  }

  toString(): string {
    if (this.#parts.length > 0) {
      this.#text += this.#parts.join('');
      this.#parts.length = 0;
    }
    return this.#text;
  }
}
