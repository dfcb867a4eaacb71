import type { MockEngine } from './mock-engine.js';
import type { RecordedRequest } from './recorded-request.js';
import type { ReplySource } from './reply.js';
import type { MockUpload } from './upload.js';

/** What every mock front (the HTTP server, the msw handlers) lets a test script and inspect. */
export interface ScriptingMembers {
  readonly requests: readonly RecordedRequest[];
  readonly lastRequest: RecordedRequest | undefined;
  readonly uploads: readonly MockUpload[];
  readonly pendingReplies: number;
  enqueue(...replies: ReplySource[]): void;
  route(method: string, path: string, reply: ReplySource): void;
  waitForRequests(count: number, timeoutMs?: number): Promise<readonly RecordedRequest[]>;
  reset(): void;
}

/** Lays the engine's live scripting members onto a front's object (getters stay getters). */
export function withScripting<T extends object>(front: T, engine: MockEngine): T & ScriptingMembers {
  const { log, script } = engine;
  const members: ScriptingMembers = {
    get requests() {
      return log.all;
    },
    get lastRequest() {
      return log.last;
    },
    get uploads() {
      return engine.uploads;
    },
    get pendingReplies() {
      return script.pending;
    },
    enqueue: (...replies) => script.enqueue(replies),
    route: (method, path, reply) => script.route(method, path, reply),
    waitForRequests: (count, timeoutMs) => log.waitFor(count, timeoutMs),
    reset: () => engine.reset(),
  };
  return Object.defineProperties(front, Object.getOwnPropertyDescriptors(members)) as T & ScriptingMembers;
}
