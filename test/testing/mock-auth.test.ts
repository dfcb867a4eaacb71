// A mock vendor given an apiKey checks the credential itself, not only that one is present: a
// wrong key must be the refusal the real vendor gives, so tests against the mock catch it.
import { describe, expect, it } from 'vitest';
import {
  AuthenticationError,
  createClient,
  type DialectName,
  PermissionDeniedError,
} from '../../src/index.js';
import { createMockServer } from '../../src/testing/index.js';

// Bifrost answers an unknown virtual key with 403 virtual_key_not_found (shared/vendors/bifrost.md).
const CASES: ReadonlyArray<[DialectName, string, string, typeof AuthenticationError]> = [
  ['openai', 'sk-right-0001', 'gpt-4o-mini', AuthenticationError],
  ['caesar', 'csk-right-0001', 'caesar-research', AuthenticationError],
  ['bifrost', 'sk-bf-right-0001', 'openai/gpt-4o-mini', PermissionDeniedError],
  ['morpheus', 'sk-right-0001', 'llama-3.3-70b', AuthenticationError],
  ['intandem', 'staff-right-0001', 'openai/gpt-4o-mini', AuthenticationError],
];

describe.each(CASES)('mock %s with an apiKey', (dialect, key, model, refusal) => {
  const ask = (apiKey: string, baseURL: string) =>
    createClient({ dialect, apiKey, baseURL, maxRetries: 0 } as never as {
      dialect: 'openai';
    }).chat.completions.create({ model, messages: [{ role: 'user', content: 'hi' }] });

  it('answers the right key and refuses a wrong one as the vendor does', async () => {
    const server = await createMockServer({ dialect, apiKey: key });
    try {
      const answered = await ask(key, server.baseURL);
      expect(answered.choices[0]?.message.content).toContain('hi');
      const wrong = dialect === 'bifrost' ? 'sk-bf-wrong-0001' : `${key.slice(0, -1)}2`;
      const refused = await ask(wrong, server.baseURL).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(refusal);
      expect(server.requests.at(-1)?.headers.authorization).toBe(`Bearer ${wrong}`);
    } finally {
      await server.close();
    }
  });
});
