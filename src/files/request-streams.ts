import { isBrowserLike } from '../internal/env.js';

type Globals = Pick<typeof globalThis, 'Request' | 'ReadableStream'> & {
  Deno?: unknown;
  Bun?: unknown;
  navigator?: { userAgent?: unknown };
};

const cache = new WeakMap<object, boolean>();

/**
 * True when `fetch` can send a `ReadableStream` body (`duplex: 'half'`): Node, Deno, Bun,
 * Chromium. Firefox and Safari would send the text "[object ReadableStream]" instead, which
 * shows up here as a `text/plain` content type; they get Blob bodies. This is the detection
 * web.dev recommends (a browser that streams asks for `duplex`); Deno and Bun stream without
 * reading `duplex`, so there the missing content type is enough. It cannot see that Chromium also
 * needs HTTP/2 for such a request (over HTTP/1.1 the fetch fails outright), so a browser streams
 * only when the caller says the server speaks HTTP/2 or later (`allowBrowser`).
 */
export function supportsRequestStreams(g: Globals = globalThis, allowBrowser = false): boolean {
  return fetchStreams(g) && (allowBrowser || !isBrowserLike(g as never));
}

function fetchStreams(g: Globals): boolean {
  const known = cache.get(g);
  if (known !== undefined) return known;
  let supported = false;
  try {
    let duplexRead = false;
    const init = {
      method: 'POST',
      body: new g.ReadableStream(),
      get duplex() {
        duplexRead = true;
        return 'half';
      },
    };
    const request = new g.Request('http://localhost/', init as RequestInit);
    const streamsWithoutDuplex = g.Deno !== undefined || g.Bun !== undefined;
    supported = (duplexRead || streamsWithoutDuplex) && !request.headers.has('content-type');
  } catch {
    // A runtime that throws on a stream body cannot send one.
  }
  cache.set(g, supported);
  return supported;
}

const redirectCache = new WeakMap<object, boolean>();

/**
 * True when `fetch` accepts `redirect: 'error'`. Node's fetch keeps a copy of a request body to
 * replay it on a redirect unless told to refuse redirects; Cloudflare Workers reject the value
 * outright ("does not make sense at the edge") and buffer nothing, so they get the default.
 */
export function supportsRedirectError(g: Pick<typeof globalThis, 'Request'> = globalThis): boolean {
  const known = redirectCache.get(g);
  if (known !== undefined) return known;
  let supported = false;
  try {
    supported = new g.Request('http://localhost/', { redirect: 'error' }).redirect === 'error';
  } catch {
    // The runtime refuses the value.
  }
  redirectCache.set(g, supported);
  return supported;
}
