// A registered symbol survives two copies of the package (or two realms), where `instanceof` fails.
const BRAND = Symbol.for('chatwire.error');

/** The base of every error chatwire throws. */
export class ChatwireError extends Error {
  override name: string = 'ChatwireError';

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    Object.defineProperty(this, BRAND, { value: true });
  }

  /** True for any chatwire error, even one thrown by another copy of the package. */
  static is(value: unknown): value is ChatwireError {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
  }

  /** A plain, secret-free view used by `JSON.stringify`. */
  toJSON(): Record<string, unknown> {
    const out: Record<string, unknown> = { name: this.name, message: this.message };
    for (const [key, value] of Object.entries(this)) {
      if (key !== 'cause' && typeof value !== 'function' && !(value instanceof Headers)) out[key] = value;
    }
    return out;
  }
}
