import { type ChatCompletionCreateParams, type Client, type ClientOptions, createClient } from '../index.js';

/**
 * A client typed with the widest parameters: the CLI picks the dialect at run time, and the
 * dialect itself refuses what its vendor would not take.
 */
export type AnyClient = Client<ChatCompletionCreateParams>;

export const createAnyClient = (options: ClientOptions): AnyClient =>
  createClient(options) as unknown as AnyClient;
