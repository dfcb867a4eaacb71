import type { ChatCompletionChunk, Usage } from '../schema/chat-completion.js';
import type { ChunkSource } from './chunk-source.js';
import type { ChunkPuller } from './encode.js';

/** One side's unread chunks, drained from a moving head so that reads cost no `shift()`. */
class Branch {
  queue: ChatCompletionChunk[] = [];
  head = 0;
  cancelled = false;
}

/**
 * Splits one stream into two sources that each see every chunk. Reading either side pulls from
 * the shared upstream and buffers the chunk for the other, so a side that is never read buffers
 * the whole stream. The upstream is cancelled only when both sides are.
 */
export function teeSource(
  upstream: Omit<ChunkPuller, 'trailer'>,
  info: Pick<ChunkSource, 'sideUsage' | 'response' | 'requestId' | 'redactor'>,
): [ChunkSource, ChunkSource] {
  const branches = [new Branch(), new Branch()] as const;
  let filling: Promise<boolean> | undefined;

  const pullUpstream = async (): Promise<boolean> => {
    const more = await upstream.fill();
    for (let chunk = upstream.take(); chunk !== undefined; chunk = upstream.take()) {
      for (const branch of branches) if (!branch.cancelled) branch.queue.push(chunk);
    }
    return more;
  };

  const side = (branch: Branch): ChunkSource => ({
    take() {
      if (branch.head === branch.queue.length) return undefined;
      const chunk = branch.queue[branch.head++];
      if (branch.head === branch.queue.length) {
        branch.queue.length = 0;
        branch.head = 0;
      }
      return chunk;
    },
    async fill() {
      while (branch.head === branch.queue.length) {
        if (branch.cancelled) return false;
        filling ??= pullUpstream().finally(() => {
          filling = undefined;
        });
        if (!(await filling) && branch.head === branch.queue.length) return false;
      }
      return true;
    },
    cancel() {
      branch.cancelled = true;
      branch.queue.length = 0;
      branch.head = 0;
      if (branches.every((b) => b.cancelled)) upstream.cancel();
    },
    get sideUsage(): Usage | undefined {
      return info.sideUsage;
    },
    get response() {
      return info.response;
    },
    get requestId() {
      return info.requestId;
    },
    get redactor() {
      return info.redactor;
    },
  });

  return [side(branches[0]), side(branches[1])];
}
