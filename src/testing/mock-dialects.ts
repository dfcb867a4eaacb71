import { bifrostMockDialect } from './dialects/bifrost.js';
import { caesarMockDialect } from './dialects/caesar.js';
import { intandemMockDialect } from './dialects/intandem.js';
import { morpheusMockDialect } from './dialects/morpheus.js';
import { openaiMockDialect } from './dialects/openai.js';
import type { MockDialect } from './mock-dialect.js';

/**
 * The built-in mock vendors by dialect name, each a factory making a fresh dialect (with its own
 * runs, files and counters) with default options. A new vendor adds one file and one line here.
 */
export const mockDialects = {
  openai: () => openaiMockDialect,
  caesar: () => caesarMockDialect(),
  bifrost: () => bifrostMockDialect(),
  morpheus: () => morpheusMockDialect(),
  intandem: () => intandemMockDialect(),
} satisfies Record<string, () => MockDialect>;

/** A built-in dialect's name. */
export type MockDialectName = keyof typeof mockDialects;

/** A fresh dialect for a built-in name (a dialect object is returned as is). */
export const resolveMockDialect = (dialect: MockDialectName | MockDialect): MockDialect => {
  if (typeof dialect === 'object') return dialect;
  const make: (() => MockDialect) | undefined = mockDialects[dialect];
  // Plain-JS callers can pass any string.
  if (!make) {
    throw new TypeError(
      `Unknown mock dialect "${dialect}"; use one of: ${Object.keys(mockDialects).join(', ')}`,
    );
  }
  return make();
};
