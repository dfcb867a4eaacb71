import type { BaseChatParams, ResponseFormat, ToolCallParam } from '../schema/chat-params.js';
import type { ContentPart, TextPart } from '../schema/content-parts.js';

/** inTandem's `image` part (only `type` is documented; the payload keys follow OpenAI's). */
export interface InTandemImagePart {
  type: 'image';
  image?: string | { url: string };
  image_url?: { url: string };
}

export type InTandemContentPart = ContentPart | InTandemImagePart;

export type InTandemMessage =
  | { role: 'system'; content: string | TextPart[]; name?: string }
  | { role: 'user'; content: string | InTandemContentPart[]; name?: string }
  | { role: 'assistant'; content?: string | TextPart[] | null; name?: string; tool_calls?: ToolCallParam[] }
  | { role: 'tool'; content: string | TextPart[]; tool_call_id: string };

export interface InTandemTool {
  type: 'function';
  function: {
    /** `^[a-zA-Z0-9_-]{1,64}$` */
    name: string;
    description?: string;
    parameters: Record<string, unknown>;
    strict?: boolean;
  };
}

/** What inTandem's Generic AI API accepts (`entities/ai/ChatCompletionRequest.json`). */
export interface InTandemChatParams extends Omit<BaseChatParams, 'messages' | 'model'> {
  /** `provider/model` with provider `openai`, `anthropic` or `google`. */
  model: `${'openai' | 'anthropic' | 'google'}/${string}`;
  /** At least one message must be from the user. */
  messages: InTandemMessage[];
  /** Queue the request as a run to poll (`client.runs.wait`). */
  async?: boolean;
  tools?: InTandemTool[];
  response_format?: ResponseFormat;
}
