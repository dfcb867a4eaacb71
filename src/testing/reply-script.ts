import type { ReplySource } from './reply.js';

/** The replies a test scripted: a FIFO queue for any request, then persistent routes. */
export class ReplyScript {
  #queue: ReplySource[] = [];
  #routes = new Map<string, ReplySource>();

  /** Queued replies not yet used. */
  get pending(): number {
    return this.#queue.length;
  }

  enqueue(replies: readonly ReplySource[]): void {
    this.#queue.push(...replies);
  }

  /** `method` is case-insensitive, `'*'` matches any; `path` is matched without its query. */
  route(method: string, path: string, reply: ReplySource): void {
    this.#routes.set(routeKey(method, path.split('?')[0] ?? path), reply);
  }

  /**
   * The next queued reply, else the route's, else `undefined` (the dialect answers); `queued`
   * says whether it came off the queue (only those can be given back).
   */
  take(method: string, pathname: string): { source: ReplySource | undefined; queued: boolean } {
    const queued = this.#queue.shift();
    if (queued !== undefined) return { source: queued, queued: true };
    const routed = this.#routes.get(routeKey(method, pathname)) ?? this.#routes.get(routeKey('*', pathname));
    return { source: routed, queued: false };
  }

  /** Puts back a queued reply taken for a request that vanished before it could be answered. */
  giveBack(reply: ReplySource): void {
    this.#queue.unshift(reply);
  }

  clear(): void {
    this.#queue = [];
    this.#routes.clear();
  }
}

const routeKey = (method: string, pathname: string): string => `${method.toUpperCase()} ${pathname}`;
