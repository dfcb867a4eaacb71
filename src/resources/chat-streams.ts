// SKELETON — to be replaced by the streaming implementation (issue 3).
import { APIPromise } from '../api-promise.js';
import type { ClientContext } from '../client-context.js';
import type { RequestOptions } from '../options.js';
import { ChatCompletionStream } from '../streaming/chat-completion-stream.js';

export function createStream(
  _context: ClientContext,
  _params: unknown,
  _options?: RequestOptions,
): APIPromise<ChatCompletionStream> {
  return new APIPromise(Promise.reject(new Error('not implemented')));
}

export function lazyStream(_context: ClientContext, _params: unknown, _options?: RequestOptions): ChatCompletionStream {
  return new ChatCompletionStream();
}
