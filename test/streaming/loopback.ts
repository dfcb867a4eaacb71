import { afterAll, afterEach, beforeAll } from 'vitest';
import { createMockServer, type MockServer, type Reply } from '../../src/testing/index.js';
import { clientFor, drain, type Outcome, streamParams } from './helpers.js';

/** Starts one mock vendor for the surrounding `describe`, reset after each test. */
export function useMockServer(): { readonly server: MockServer } {
  const holder = {} as { server: MockServer };
  beforeAll(async () => {
    holder.server = await createMockServer();
  });
  afterEach(() => holder.server.reset());
  afterAll(() => holder.server.close());
  return holder;
}

/** Serves `reply` once and iterates the stream a client gets for it. */
export async function streamOnce(server: MockServer, reply: Reply): Promise<Outcome> {
  server.enqueue(reply);
  return drain(await clientFor(server).chat.completions.create(streamParams));
}
