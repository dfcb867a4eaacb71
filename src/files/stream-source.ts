import { InvalidRequestError } from '../errors/request-errors.js';
import { toBytes } from './to-bytes.js';
import type { UploadSource } from './upload-source.js';

interface StreamMeta {
  kind: string;
  filename?: string | undefined;
  contentType?: string | undefined;
  size?: number | undefined;
}

/** A stream read once: never retried, and peeked by `requireContent` to refuse an empty one. */
export function streamSource(stream: ReadableStream<unknown>, meta: StreamMeta): UploadSource {
  if (stream.locked) {
    throw new InvalidRequestError(
      `files.upload: the ${meta.kind} is already being read (its stream is locked).`,
      [{ path: 'input', message: 'must be unread' }],
    );
  }
  return {
    kind: meta.kind,
    filename: meta.filename,
    contentType: meta.contentType,
    size: meta.size,
    replayable: false,
    toBlob: undefined,
    open: () => stream,
  };
}

/** A fetched `Response`: its URL names the file, its `Content-Type` types it. */
export function responseSource(response: Response): UploadSource {
  const refuse = (message: string) =>
    new InvalidRequestError(`files.upload: the Response ${message}.`, [{ path: 'input', message }]);
  if (response.bodyUsed) throw refuse('body was already read');
  if (!response.ok) throw refuse(`has status ${response.status}; upload only a successful response`);
  // A compressed body's Content-Length counts the compressed bytes, not the ones the stream yields.
  const encoding = response.headers.get('content-encoding');
  const length = response.headers.get('content-length');
  const sized = length !== null && /^\d+$/.test(length) && (!encoding || encoding === 'identity');
  return streamSource(response.body ?? new ReadableStream({ start: (c) => c.close() }), {
    kind: 'Response',
    filename: lastSegment(response.url),
    contentType: response.headers.get('content-type') ?? undefined,
    size: response.body === null ? 0 : sized ? Number(length) : undefined,
  });
}

/** An async iterable of bytes; a Node `fs.ReadStream` is named after its `path`. */
export function iterableSource(iterable: AsyncIterable<unknown>): UploadSource {
  const path = (iterable as { path?: unknown }).path;
  const iterator = iterable[Symbol.asyncIterator]();
  const stream = new ReadableStream<unknown>(
    {
      async pull(controller) {
        const next = await iterator.next();
        if (next.done) controller.close();
        else controller.enqueue(next.value);
      },
      async cancel(reason) {
        await iterator.return?.(reason);
      },
    },
    { highWaterMark: 0 },
  );
  return streamSource(stream, {
    kind: 'async iterable',
    filename: typeof path === 'string' ? path.split(/[\\/]/).pop() || undefined : undefined,
  });
}

/**
 * Refuses an empty file before anything is sent. A stream of unknown length is peeked: its first
 * non-empty chunk is read now and handed back first when the body is sent.
 */
export async function requireContent(source: UploadSource): Promise<UploadSource> {
  const empty = () =>
    new InvalidRequestError(`files.upload: the file is empty (the ${source.kind} has no bytes).`, [
      { path: 'input', message: 'must not be empty' },
    ]);
  if (source.size === 0) throw empty();
  if (source.size !== undefined) return source;
  const reader = source.open().getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) throw empty();
    let first: Uint8Array;
    try {
      first = toBytes(value);
    } catch (error) {
      await reader.cancel(error).catch(() => {});
      throw error;
    }
    if (first.byteLength > 0) return { ...source, open: () => prefixed(first, reader) };
  }
}

function prefixed(first: Uint8Array, reader: ReadableStreamDefaultReader<unknown>): ReadableStream<unknown> {
  let pending: Uint8Array | undefined = first;
  return new ReadableStream<unknown>(
    {
      async pull(controller) {
        if (pending) {
          controller.enqueue(pending);
          pending = undefined;
          return;
        }
        const { done, value } = await reader.read();
        if (done) controller.close();
        else controller.enqueue(value);
      },
      cancel: (reason) => reader.cancel(reason),
    },
    { highWaterMark: 0 },
  );
}

function lastSegment(url: string): string | undefined {
  if (url === '') return undefined;
  try {
    const segment = new URL(url).pathname.split('/').pop() ?? '';
    return segment === '' ? undefined : decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}
