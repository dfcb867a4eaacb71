import { createClient, type DialectInput } from '../../src/index.js';
import { completionBody, json, type Step, scriptedFetch } from './scripted-fetch.js';

/** A client of `dialect` whose fetch records calls and answers a plain completion (or `steps`). */
export function capturingClient<const D extends DialectInput>(
  dialect: D,
  options: { apiKey?: string; baseURL?: string; steps?: Step[]; maxRetries?: number } = {},
) {
  const script = scriptedFetch(...(options.steps ?? [json(completionBody())]));
  const client = createClient({
    dialect,
    apiKey: options.apiKey ?? 'sk-test-key',
    baseURL: options.baseURL ?? 'http://127.0.0.1:9',
    fetch: script.fetch,
    maxRetries: options.maxRetries ?? 0,
  });
  return { client, calls: script.calls };
}
