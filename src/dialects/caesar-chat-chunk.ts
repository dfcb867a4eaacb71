type Json = Record<string, unknown>;

/**
 * Caesar's research-chat stream is documented two ways: `chat.completion.chunk` payloads (the last
 * carrying `results`), or bare `{id, content, citationIndices | citationIndex}` pieces. Both become
 * chunks; the bare form keeps its citation fields on the chunk.
 */
export function unwrapCaesarChatChunk(data: unknown): unknown {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return undefined;
  const record = data as Json;
  if (Array.isArray(record.choices)) return record;
  if (typeof record.content !== 'string') return undefined;
  const { content, id, ...rest } = record;
  return {
    ...rest,
    id: typeof id === 'string' ? id : '',
    object: 'chat.completion.chunk',
    created: 0,
    model: 'caesar-research',
    choices: [{ index: 0, delta: { content }, finish_reason: null }],
  };
}
