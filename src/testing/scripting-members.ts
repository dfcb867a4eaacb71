import type { MockEngine } from './mock-engine.js';
import type { RecordedRequest } from './recorded-request.js';
import type { ReplySource } from './reply.js';
import type { MockUpload } from './upload.js';

/** What every mock front (the HTTP server, the msw handlers) lets a test script and inspect. */
export interface ScriptingMembers {
  /** Every request received since start or the last `reset()`, oldest first. */
  readonly requests: readonly RecordedRequest[];
  readonly lastRequest: RecordedRequest | undefined;
  /** Files the vendor accepted (Caesar uploads), oldest first, with size and SHA-256 as received. */
  readonly uploads: readonly MockUpload[];
  /** Queued replies not used yet. */
  readonly pendingReplies: number;
  /** Queue replies for the next requests, whatever their path, first in first out. */
  enqueue(...replies: ReplySource[]): void;
  /** Answer `method` (or `'*'`) `path` (the vendor's own path from its root, query ignored) with `reply` until `reset()`. */
  route(method: string, path: string, reply: ReplySource): void;
  /** Resolves with the requests once `count` have arrived. @defaultValue timeoutMs 2000 */
  waitForRequests(count: number, timeoutMs?: number): Promise<readonly RecordedRequest[]>;
  /** Forget records, queued replies, routes, uploads and runs; ids restart at 1. Open responses carry on. */
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
