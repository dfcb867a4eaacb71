import { VERSION } from '../../index.js';
import type { DoctorContext } from './doctor-context.js';
import type { WireRequest } from './exchange.js';
import type { Json } from './json-tools.js';

/** The key sent by the bad-key check, so servers and logs can recognise the probe. */
export const PROBE_KEY = 'chatwire-doctor-invalid-key';

const PROMPT = 'Reply with the single word: pong';

/** Variations of the test request. */
export interface ChatRequestOptions {
  readonly stream?: boolean;
  readonly async?: boolean;
  /** `invalid`: send {@link PROBE_KEY} instead of the user's key. */
  readonly key?: 'user' | 'invalid';
  /** Adds `Origin`, as a browser would. */
  readonly origin?: string;
  /** Rewrites the body after the dialect shaped it (to make it bad on purpose). */
  readonly body?: (body: Json) => Json;
}

/** Headers every doctor request carries: the dialect's own, auth, and a recognisable user agent. */
export const baseHeaders = (
  context: DoctorContext,
  key: 'user' | 'invalid' = 'user',
): Record<string, string> => {
  const { dialect, apiKey } = context.endpoint;
  const auth =
    key === 'invalid'
      ? { authorization: `Bearer ${PROBE_KEY}` }
      : apiKey === undefined
        ? {}
        : dialect.auth(apiKey);
  return { 'user-agent': `chatwire-doctor/${VERSION}`, ...dialect.headers, ...auth };
};

/** A chat request shaped by the dialect (path, body, headers), as raw wire values. */
export const chatRequest = (context: DoctorContext, options: ChatRequestOptions = {}): WireRequest => {
  const { endpoint, expect } = context;
  const stream = options.stream === true;
  const params = {
    model: endpoint.model,
    messages: [{ role: 'user', content: PROMPT }],
    stream,
    ...(stream && expect.usage.ask ? { stream_options: { include_usage: true } } : {}),
    ...(options.async ? { async: true } : {}),
  };
  const prepared = endpoint.dialect.prepareChat(params, {});
  const body = options.body ? options.body(prepared.body) : prepared.body;
  return {
    method: 'POST',
    url: endpoint.baseURL + prepared.path,
    headers: {
      'content-type': 'application/json',
      accept: stream ? 'text/event-stream' : 'application/json',
      ...baseHeaders(context, options.key),
      ...prepared.headers,
      ...(options.origin === undefined ? {} : { origin: options.origin }),
    },
    body: JSON.stringify(body),
  };
};

/** The URL path of the dialect's chat endpoint (for the CORS preflight). */
export const chatURL = (context: DoctorContext): string => {
  const params = { model: context.endpoint.model, messages: [{ role: 'user', content: PROMPT }] };
  return context.endpoint.baseURL + context.endpoint.dialect.prepareChat(params, {}).path;
};
