import type { BaseChatParams, CaesarResearchMetadata } from '../schema/chat-params.js';
import type { TextPart } from '../schema/content-parts.js';

/** A Caesar file part: the UUID of a file uploaded with `client.files.upload` (build it with `filePart`). */
export interface CaesarFilePart {
  type: 'file';
  file: {
    filename: string;
    /** The uploaded file's UUID — never bytes, base64 or a URL. */
    fileData: string;
  };
}

export type CaesarContentPart = TextPart | CaesarFilePart;

export type CaesarMessage =
  | { role: 'system' | 'developer'; content: string | TextPart[] }
  | { role: 'user'; content: string | CaesarContentPart[] }
  | { role: 'assistant'; content: string | TextPart[] | null };

/**
 * What Caesar's `/compat/chat/completions` accepts. The last user message becomes the research
 * query; `metadata` tunes the research. Tools, `response_format`, `n > 1`, Bifrost's `fallbacks`
 * and runs do not exist here, so they are compile-time errors.
 */
export interface CaesarChatParams extends Omit<BaseChatParams, 'messages'> {
  /** Accepted for compatibility; Caesar ignores its value (the docs use `caesar-research`). */
  model: string;
  messages: CaesarMessage[];
  /** Research settings; without them Caesar runs in auto mode. */
  metadata?: CaesarResearchMetadata;
  /** Accepted and ignored by Caesar. */
  seed?: number;
  /** Caesar always answers one choice. */
  n?: 1;
  user?: string;
}
