import { afterEach } from 'vitest';

/** Registers closers (servers, proxies, terminals) run after each test, last in first out. */
export const closeAfterEach = (): ((close: () => Promise<unknown>) => void) => {
  const closers: Array<() => Promise<unknown>> = [];
  afterEach(async () => {
    for (const close of closers.splice(0).reverse()) await close();
  });
  return (close) => void closers.push(close);
};
