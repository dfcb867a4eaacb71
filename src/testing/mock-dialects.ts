import { openaiMockDialect } from './dialects/openai.js';
import type { MockDialect } from './mock-dialect.js';

/** The built-in mock vendors by dialect name; a new vendor adds one file and one line here. */
export const mockDialects = {
  openai: openaiMockDialect,
} satisfies Record<string, MockDialect>;

/** A built-in dialect's name. */
export type MockDialectName = keyof typeof mockDialects;

/** The dialect object for a built-in name (a custom dialect object is returned as is). */
export const resolveMockDialect = (dialect: MockDialectName | MockDialect): MockDialect => {
  if (typeof dialect === 'object') return dialect;
  const found: MockDialect | undefined = mockDialects[dialect];
  // Plain-JS callers can pass any string.
  if (!found) {
    throw new TypeError(
      `Unknown mock dialect "${dialect}"; use one of: ${Object.keys(mockDialects).join(', ')}`,
    );
  }
  return found;
};
