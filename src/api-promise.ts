/** The result of a call together with the raw response it came from. */
export interface WithResponse<T> {
  data: T;
  response: Response;
  requestId: string | undefined;
}

/**
 * A promise of a call's data that can also give the raw response: `await p` is the data,
 * `await p.withResponse()` is `{ data, response, requestId }`. Both share one request.
 */
export class APIPromise<T> extends Promise<T> {
  readonly #result: Promise<WithResponse<T>>;

  constructor(result: Promise<WithResponse<T>>) {
    super((resolve) => resolve(undefined as T));
    this.#result = result;
  }

  // `then`, `catch` and `finally` of a subclass would build more APIPromises; plain ones are right.
  static override get [Symbol.species]() {
    return Promise;
  }

  withResponse(): Promise<WithResponse<T>> {
    return this.#result;
  }

  // biome-ignore lint/suspicious/noThenProperty: this class is a promise; `then` is what makes `await` read the data.
  override then<R1 = T, R2 = never>(
    onFulfilled?: ((value: T) => R1 | PromiseLike<R1>) | null,
    onRejected?: ((reason: unknown) => R2 | PromiseLike<R2>) | null,
  ): Promise<R1 | R2> {
    return this.#result.then((r) => r.data).then(onFulfilled, onRejected);
  }
}
