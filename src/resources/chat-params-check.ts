import type { WithResponse } from '../api-promise.js';
import type { ClientContext } from '../client-context.js';
import type { AnyDialect, PreparedRequest } from '../dialects/dialect.js';
import type { Redactor } from '../errors/redact.js';
import { InvalidRequestError } from '../errors/request-errors.js';
import type { RequestOptions } from '../options.js';
import { checkChatParams } from '../schema/check-chat-params.js';
import { requestJson } from './request-json.js';

/**
 * Checks chat parameters against the shared schema and the dialect's own rules, and returns the
 * wire request. Everything here runs before a byte is sent; a problem is an `InvalidRequestError`
 * listing every issue, not just the first.
 */
export function prepareChatRequest(
  dialect: AnyDialect,
  params: unknown,
  mode: 'json' | 'stream',
  extras: object = {},
): PreparedRequest {
  checkChatParams(params);
  const input = params as Record<string, unknown>;
  if (input.async === true && mode === 'stream') {
    throw new InvalidRequestError(
      '`async: true` cannot be combined with `stream: true`: an async run is polled, not streamed.',
      [{ path: 'async', message: 'conflicts with stream: true' }],
    );
  }
  if (input.async === true && !dialect.capabilities.async) {
    throw new InvalidRequestError(`The ${dialect.name} dialect has no async runs; remove \`async: true\`.`, [
      { path: 'async', message: `not supported by ${dialect.name}` },
    ]);
  }
  // `stream` is always sent explicitly: vendors disagree on its default (inTandem streams unless told not to).
  return dialect.prepareChat({ ...input, stream: mode === 'stream' } as never, extras);
}

/** Sends a prepared chat request whose answer is JSON (a completion, or a run for `async: true`). */
export function postChat<T>(
  context: ClientContext,
  params: unknown,
  options: RequestOptions | undefined,
  read: (body: unknown, response: Response, redactor: Redactor) => T,
): Promise<WithResponse<T>> {
  const prepared = prepareChatRequest(context.dialect, params, 'json', options);
  const headers = prepared.headers ? { headers: prepared.headers } : {};
  return requestJson(
    context,
    { method: 'POST', path: prepared.path, json: prepared.body, ...headers },
    options,
    read,
  );
}
