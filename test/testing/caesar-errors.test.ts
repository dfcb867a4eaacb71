import { describe, expect, it } from 'vitest';
import { caesarMockDialect, createMockServer, type MockServer } from '../../src/testing/index.js';
import { postJson, readJson, userSays } from './vendor-helpers.js';

const versioned = { authorization: 'Bearer csk-test', 'api-version': '2025-11-27' };

describe('mock caesar: error shapes', () => {
  it('sends { error: "…" } by default and { error: { code, message } } with errorShape nested', async () => {
    const plain = await createMockServer({ dialect: 'caesar' });
    const nested = await createMockServer({ dialect: caesarMockDialect({ errorShape: 'nested' }) });
    try {
      plain.enqueue({ error: 429, message: 'Too many requests - rate limit exceeded.' });
      nested.enqueue({ error: 429, message: 'Too many requests - rate limit exceeded.' });
      const url = (server: MockServer) => `${server.url}/compat/chat/completions`;
      expect((await readJson(await postJson(url(plain), userSays('x'), versioned))).body).toEqual({
        error: 'Too many requests - rate limit exceeded.',
      });
      expect((await readJson(await postJson(url(nested), userSays('x'), versioned))).body).toEqual({
        error: { code: 'RATE_LIMITED', message: 'Too many requests - rate limit exceeded.' },
      });
      const missing = await readJson(await fetch(`${nested.url}/research/nope`));
      expect(missing.body).toEqual({ error: { code: 'NOT_FOUND', message: 'Resource not found' } });
    } finally {
      await Promise.all([plain.close(), nested.close()]);
    }
  });

  it('cites custom references, or none', async () => {
    const server = await createMockServer({
      dialect: caesarMockDialect({ references: [{ title: 'Only', url: 'https://only.example/x' }] }),
    });
    try {
      const { body } = await readJson(
        await postJson(`${server.url}/compat/chat/completions`, userSays('q'), versioned),
      );
      expect(body.choices[0].message.content).toBe(
        'Echo: q [1]\n\nReferences\n[1] Only – https://only.example/x',
      );
    } finally {
      await server.close();
    }
  });
});
