type Json = Record<string, unknown>;

/**
 * Which tool call each `tool_calls` delta of one choice belongs to. A delta's `index` decides when
 * it has one. Without it (Google and Workers AI leave it out): a new id starts a new call and a
 * known id continues its own; a delta with neither is placed by its position when its chunk
 * carries several (one per call), and otherwise continues the latest call. Placing by position
 * alone would fuse two calls that arrive in separate chunks (both at position 0) into one.
 */
export class ToolCallSlots {
  readonly #byId = new Map<string, number>();
  #latest: number | undefined;
  #next = 0;

  /** The call index of each delta, in order; remembers them for the chunks that follow. */
  place(deltas: readonly unknown[]): number[] {
    const placed: number[] = [];
    for (let position = 0; position < deltas.length; position++) {
      const delta = deltas[position] as Json | null;
      const id = typeof delta?.id === 'string' && delta.id !== '' ? delta.id : undefined;
      let index: number;
      if (typeof delta?.index === 'number') index = delta.index;
      else if (id !== undefined) index = this.#byId.get(id) ?? this.#next;
      else if (deltas.length > 1) index = position;
      else index = this.#latest ?? 0;
      if (id !== undefined && !this.#byId.has(id)) this.#byId.set(id, index);
      this.#latest = index;
      if (index >= this.#next) this.#next = index + 1;
      placed.push(index);
    }
    return placed;
  }
}
