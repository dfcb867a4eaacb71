import { APIPromise } from '../api-promise.js';
import { ChatwireError } from '../errors/chatwire-error.js';

/**
 * Code a streamed chat never runs (uploads, runs, research, structured parsing) is loaded with
 * `import()` the first time it is called. Browser bundlers put it in chunks of its own, so a
 * page that only chats does not download it. These helpers keep each lazy method's signature:
 * an `APIPromise` stays one, an async iterable is returned at once and loads on first `next()`.
 * A call whose implementation is not loaded yet runs once it is (a few microtasks later in Node,
 * one chunk fetch later in a browser), so an `APIPromise` method copies its plain-data arguments
 * at the call: what is sent is what was passed, whatever the caller changes afterwards. Chat
 * calls are never lazy themselves.
 */

/**
 * Runs an `import()` of chatwire's own code. Its failure (a page whose chunk cannot be fetched
 * any more, e.g. after a deploy) becomes a `ChatwireError` that says what was being loaded.
 */
export function loadChunk<T>(what: string, load: () => Promise<T>): Promise<T> {
  return load().catch((cause: unknown) => {
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new ChatwireError(
      `chatwire could not load its ${what} code (a chunk loaded on first use): ${reason}`,
      {
        cause,
      },
    );
  });
}

/** `load` once, however often (and however concurrently) it is asked for. */
export function once<T>(load: () => Promise<T>): () => Promise<T> {
  let loaded: Promise<T> | undefined;
  return () => {
    // A failed chunk load (a flaky network in a browser) is tried again on the next call.
    loaded ??= load().catch((error: unknown) => {
      loaded = undefined;
      throw error;
    });
    return loaded;
  };
}

type AnyFunction = (...args: any[]) => any;

/** A method returning an `APIPromise`, whose implementation comes from `load`. */
export function lazyApi<F extends (...args: any[]) => APIPromise<any>>(load: () => Promise<F>): F {
  return ((...args: Parameters<F>) => {
    const copies = new Map<object, unknown>();
    const atCall = args.map((arg) => plainCopy(arg, copies));
    return new APIPromise(load().then((method) => method(...atCall).withResponse()));
  }) as F;
}

/**
 * A copy of the plain data in `value` (arrays and plain objects, symbol keys and non-enumerable
 * properties included); anything else — a Blob, a stream, a signal, a function — is passed as is.
 */
function plainCopy(value: unknown, copies: Map<object, unknown>): unknown {
  if (typeof value !== 'object' || value === null) return value;
  // Shared and cyclic references stay shared and cyclic in the copy (and a cycle ends).
  if (copies.has(value)) return copies.get(value);
  if (Array.isArray(value)) {
    const copy: unknown[] = [];
    copies.set(value, copy);
    for (const item of value) copy.push(plainCopy(item, copies));
    return copy;
  }
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return value;
  const copy = Object.create(proto) as object;
  copies.set(value, copy);
  const descriptors = Object.getOwnPropertyDescriptors(value) as Record<PropertyKey, PropertyDescriptor>;
  for (const key of Reflect.ownKeys(descriptors)) {
    const descriptor = descriptors[key] as PropertyDescriptor;
    if ('value' in descriptor) descriptor.value = plainCopy(descriptor.value, copies);
    Object.defineProperty(copy, key, descriptor);
  }
  return copy;
}

/** A method returning a plain promise, whose implementation comes from `load`. */
export function lazyPromise<F extends (...args: any[]) => Promise<any>>(load: () => Promise<F>): F {
  return ((...args: Parameters<F>) => load().then((method) => method(...args))) as F;
}

/** A method returning an async iterable at once; the implementation loads on the first `next()`. */
export function lazyIterable<F extends (...args: any[]) => AsyncIterable<any>>(load: () => Promise<F>): F {
  return ((...args: Parameters<F>) => {
    const iterable = once(() => load().then((method) => method(...args)));
    return { [Symbol.asyncIterator]: () => lazyIterator(() => iterable()) };
  }) as unknown as F;
}

/** An iterator whose source iterable is loaded by the first `next()`. */
export function lazyIterator<T>(load: () => Promise<AsyncIterable<T>>): AsyncIterableIterator<T> {
  let inner: Promise<AsyncIterator<T>> | undefined;
  const start = () => {
    inner ??= load().then((iterable) => iterable[Symbol.asyncIterator]());
    return inner;
  };
  return {
    next: async () => (await start()).next(),
    // Even before the first `next()`: the source may hold something to release (a claimed stream).
    return: async (value?: unknown) =>
      (await (await start()).return?.(value)) ?? ({ value, done: true } as IteratorResult<T>),
    throw: async (error?: unknown) => {
      const iterator = await start();
      if (iterator.throw) return iterator.throw(error);
      throw error;
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}

type Kind = 'api' | 'promise' | 'iterable';

/** The kind a method's return type calls for (an `APIPromise` is a promise too: checked first). */
type KindOf<F> = F extends (...args: any[]) => infer R
  ? R extends APIPromise<any>
    ? 'api'
    : R extends Promise<any>
      ? 'promise'
      : R extends AsyncIterable<any>
        ? 'iterable'
        : never
  : never;

/** Which kind each method of a lazily loaded resource is; a nested resource has its own map. */
export type MethodKinds<R> = {
  readonly [K in keyof R]: R[K] extends AnyFunction ? KindOf<R[K]> : MethodKinds<R[K]>;
};

const wrappers: Record<Kind, (load: () => Promise<any>) => AnyFunction> = {
  api: lazyApi,
  promise: lazyPromise,
  iterable: lazyIterable,
};

/** A resource object (`client.files`, `client.runs`, …) whose methods load `create`'s on first use. */
export function lazyResource<R extends object>(create: () => Promise<R>, kinds: MethodKinds<R>): R {
  return lazyMembers(once(create), (root) => root, kinds) as R;
}

/**
 * Every method, nested ones (`research.chat.send`) included, is reached from the one root load in
 * the same number of steps: calls made one after another start in that order, loaded or not.
 */
function lazyMembers(
  load: () => Promise<object>,
  pick: (root: object) => Record<string, any>,
  kinds: object,
): Record<string, unknown> {
  const resource: Record<string, unknown> = {};
  for (const [name, kind] of Object.entries(kinds) as Array<[string, Kind | object]>) {
    resource[name] =
      typeof kind === 'string'
        ? wrappers[kind as Kind](() => load().then((root) => pick(root)[name]))
        : Object.freeze(lazyMembers(load, (root) => pick(root)[name], kind));
  }
  return resource;
}
