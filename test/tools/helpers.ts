import { type ChatCompletionCreateParams, type Client, createClient } from '../../src/index.js';
import {
  completion,
  createMockServer,
  type MockCompletion,
  type MockServer,
  type RecordedRequest,
  type Reply,
} from '../../src/testing/index.js';

/** The vendors whose dialects have tools and response_format. */
export const TOOL_VENDORS = ['openai', 'bifrost', 'morpheus', 'intandem'] as const;
export type ToolVendor = (typeof TOOL_VENDORS)[number];

const SETTINGS: Record<ToolVendor | 'caesar', { model: string; apiKey: string }> = {
  openai: { model: 'gpt-4o-mini', apiKey: 'sk-test-openai' },
  bifrost: { model: 'openai/gpt-4o-mini', apiKey: 'sk-bf-test' },
  morpheus: { model: 'llama-3.3-70b', apiKey: 'sk-test-morpheus' },
  intandem: { model: 'openai/gpt-4o-mini', apiKey: 'staff-token-test' },
  caesar: { model: 'caesar-research', apiKey: 'csk-test-caesar' },
};

/** A mock vendor, a client for it (typed loosely: the tests are about behaviour), and its model. */
export interface Vendor {
  readonly name: ToolVendor | 'caesar';
  readonly server: MockServer;
  readonly client: Client<ChatCompletionCreateParams>;
  readonly model: string;
  /** A JSON answer in the vendor's envelope (inTandem wraps it in `{ success, data }`). */
  readonly json: (body: MockCompletion) => Reply;
}

export async function startVendor(name: ToolVendor | 'caesar'): Promise<Vendor> {
  const server = await createMockServer({ dialect: name });
  const { model, apiKey } = SETTINGS[name];
  const client = createClient({ dialect: name, baseURL: server.baseURL, apiKey, maxRetries: 0 });
  return {
    name,
    server,
    client: client as unknown as Client<ChatCompletionCreateParams>,
    model,
    json: (body) => (name === 'intandem' ? { json: { success: true, data: body } } : { json: body }),
  };
}

/** A recorded request's JSON body (empty when it had none). */
export const sentBody = (request: RecordedRequest | undefined): Record<string, unknown> =>
  (request?.json ?? {}) as Record<string, unknown>;

/** The chat messages of a recorded request. */
export const sentMessages = (request: RecordedRequest | undefined): Array<Record<string, unknown>> =>
  ((request?.json as { messages?: unknown[] } | undefined)?.messages ?? []) as Array<Record<string, unknown>>;

/** The tool messages of a recorded request, as `tool_call_id → content`. */
export const sentToolResults = (request: RecordedRequest | undefined): Record<string, string> =>
  Object.fromEntries(
    sentMessages(request)
      .filter((m) => m.role === 'tool')
      .map((m) => [m.tool_call_id as string, m.content as string]),
  );

/** A promise with its resolve function, to script when a tool finishes. */
export function deferred<T = void>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

export const ask = (content: string) => [{ role: 'user' as const, content }];

export { completion };
