/**
 * A result settled once and read any number of times. The promise is created only when asked
 * for, so a failure nobody asked about is never an unhandled rejection.
 */
export function settleable<T>(): {
  promise(): Promise<T>;
  resolve(value: T): void;
  reject(error: Error): void;
} {
  let outcome: { value: T } | { error: Error } | undefined;
  let pending:
    | { promise: Promise<T>; resolve: (value: T) => void; reject: (error: Error) => void }
    | undefined;
  return {
    promise() {
      if (pending) return pending.promise;
      if (outcome) return 'error' in outcome ? Promise.reject(outcome.error) : Promise.resolve(outcome.value);
      let resolve!: (value: T) => void;
      let reject!: (error: Error) => void;
      const promise = new Promise<T>((yes, no) => {
        resolve = yes;
        reject = no;
      });
      pending = { promise, resolve, reject };
      return promise;
    },
    resolve(value) {
      outcome ??= { value };
      pending?.resolve(value);
    },
    reject(error) {
      outcome ??= { error };
      pending?.reject(error);
    },
  };
}
