// SKELETON — to be replaced by the streaming implementation (issue 3).
import type { ChatCompletion, ChatCompletionChunk } from '../schema/chat-completion.js';

export class ChatCompletionStream implements AsyncIterable<ChatCompletionChunk> {
  [Symbol.asyncIterator](): AsyncIterator<ChatCompletionChunk> {
    throw new Error('not implemented');
  }
  finalCompletion(): Promise<ChatCompletion> {
    throw new Error('not implemented');
  }
}
