import { openaiMockDialect } from './dialects/openai.js';
import type { MockDialect } from './mock-dialect.js';

/** The built-in mock vendors by dialect name; a new vendor adds one file and one line here. */
export const mockDialects = {
  openai: openaiMockDialect,
} satisfies Record<string, MockDialect>;

/** A built-in dialect's name. */
export type MockDialectName = keyof typeof mockDialects;
