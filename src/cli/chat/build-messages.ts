import { type ChatMessage, type ContentPart, filePart, type UploadedFile } from '../../index.js';

/** The conversation: an optional system message, then the prompt with any uploaded files attached. */
export const buildMessages = (
  prompt: string,
  system: string | undefined,
  files: readonly UploadedFile[],
): ChatMessage[] => {
  const messages: ChatMessage[] = [];
  if (system !== undefined) messages.push({ role: 'system', content: system });
  const parts: ContentPart[] = files.map((file) => filePart(file));
  const content: string | ContentPart[] =
    files.length === 0 ? prompt : [{ type: 'text', text: prompt }, ...parts];
  messages.push({ role: 'user', content });
  return messages;
};
