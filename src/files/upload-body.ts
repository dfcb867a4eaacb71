import type { MultipartFrame } from './multipart.js';
import { type MultipartStream, multipartStream } from './multipart-stream.js';
import { toBytes } from './to-bytes.js';
import type { UploadProgress } from './upload-options.js';
import { progressReporter } from './upload-progress.js';
import type { UploadSource } from './upload-source.js';

/** A ready request body for one upload, and what the caller must do around the request. */
export interface UploadBody {
  /** A Blob, a stream, or (replayable streams) a function making a fresh stream per attempt. */
  readonly body: BodyInit | (() => BodyInit);
  /** Whether the request may be retried. */
  readonly replayable: boolean;
  /** True when the body is streamed (progress reported live). */
  readonly streamed: boolean;
  /** The exact byte length of a streamed body whose content size is known, for `Content-Length`. */
  readonly length: number | undefined;
  /** Call after a 2xx answer: reports the last progress event if it was not reported live. */
  settle(): void;
  /** An error the input raised while being sent; rethrow it instead of fetch's wrapper. */
  readonly failure: unknown;
  /** After a failed request: releases whatever content is still open (a file handle, the caller's stream). */
  cancel(reason: unknown): Promise<void>;
}

/**
 * Picks the body. A Blob (`head + content + tail`) when the content is one and no live progress
 * is asked for: sized, replayable, supported everywhere, and still read from disk as it is sent
 * when the Blob is file-backed. Otherwise a pull stream counting bytes, re-created for each
 * attempt when the content can be re-read. A runtime that cannot stream a request body gets a
 * Blob even for a stream input: it is collected first (browsers may keep large Blobs on disk).
 */
export async function createUploadBody(options: {
  source: UploadSource;
  frame: MultipartFrame;
  onProgress: ((progress: UploadProgress) => void) | undefined;
  /** `supportsRequestStreams()`, passed in so either branch can be tested in any runtime. */
  streams: boolean;
}): Promise<UploadBody> {
  const { source, frame, streams } = options;
  const progress = progressReporter(options.onProgress, source.size);
  const asBlob = async (content: Blob): Promise<UploadBody> => ({
    body: await joinBlob([frame.head, content, frame.tail]),
    replayable: true,
    streamed: false,
    length: undefined,
    // A stream input collected into this Blob knows its size only now.
    settle:
      source.size === undefined
        ? progressReporter(options.onProgress, content.size).complete
        : progress.complete,
    failure: undefined,
    cancel: async () => {},
  });
  const live = streams && options.onProgress !== undefined;
  if (source.toBlob && !live && !(streams && source.preferStream)) return asBlob(source.toBlob());
  if (!streams) return asBlob(await collect(source.open()));

  let failure: unknown;
  let current: MultipartStream | undefined;
  const open = () => {
    // A retry: the failed attempt's content may still be open (a file handle) if fetch left it unread.
    void current?.cancel(new Error('superseded by a retry'));
    current = multipartStream({
      frame,
      content: source.open(),
      counter: progress.attempt(),
      onError: (error) => {
        failure ??= error;
      },
    });
    return current.stream;
  };
  return {
    body: source.replayable ? open : open(),
    replayable: source.replayable,
    streamed: true,
    length:
      source.size === undefined ? undefined : frame.head.byteLength + source.size + frame.tail.byteLength,
    settle: progress.complete,
    get failure() {
      return failure;
    },
    cancel: async (reason) => current?.cancel(reason),
  };
}

/**
 * `new Blob(parts)`, checked: Bun 1.4 silently drops a file-backed Blob (`fs.openAsBlob`) placed
 * inside another Blob, which would upload an empty file. Where the size comes out short, the
 * parts are read into memory instead (correct, if not memory-flat).
 */
export async function joinBlob(parts: Array<Uint8Array | Blob>, BlobOf: typeof Blob = Blob): Promise<Blob> {
  const joined = new BlobOf(parts as BlobPart[]);
  const expected = parts.reduce(
    (n, part) => n + (part instanceof Uint8Array ? part.byteLength : part.size),
    0,
  );
  if (joined.size === expected) return joined;
  const read = await Promise.all(
    parts.map(async (part) => (part instanceof Uint8Array ? part : new Uint8Array(await part.arrayBuffer()))),
  );
  return new BlobOf(read as BlobPart[]);
}

/** Reads a one-shot stream into a Blob, letting the runtime decide where the bytes live. */
function collect(content: ReadableStream<unknown>): Promise<Blob> {
  const bytes = content.pipeThrough(
    new TransformStream<unknown, Uint8Array>({ transform: (chunk, out) => out.enqueue(toBytes(chunk)) }),
  );
  return new Response(bytes).blob();
}
