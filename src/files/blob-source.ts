import type { UploadSource } from './upload-source.js';

/** Chunk size when slicing bytes into a stream: small enough to keep progress events smooth. */
const SLICE_BYTES = 64 * 1024;

/** A Blob or File: sized, replayable, and sent as itself (a file-backed Blob stays on disk). */
export function blobSource(blob: Blob): UploadSource {
  const name = (blob as Partial<File>).name;
  return {
    kind: typeof name === 'string' ? 'File' : 'Blob',
    filename: typeof name === 'string' && name !== '' ? name : undefined,
    contentType: blob.type === '' ? undefined : blob.type,
    size: blob.size,
    replayable: true,
    toBlob: () => blob,
    open: () => blob.stream(),
  };
}

/** Bytes already in memory: streamed as views (no copy); copied once only if sent as a Blob. */
export function bytesSource(bytes: Uint8Array, kind: string): UploadSource {
  return {
    kind,
    filename: undefined,
    contentType: undefined,
    size: bytes.byteLength,
    replayable: true,
    toBlob: () => new Blob([bytes as Uint8Array<ArrayBuffer>]),
    open: () => sliceStream(bytes),
  };
}

function sliceStream(bytes: Uint8Array): ReadableStream<Uint8Array> {
  let offset = 0;
  return new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (offset >= bytes.byteLength) return controller.close();
        const end = Math.min(offset + SLICE_BYTES, bytes.byteLength);
        controller.enqueue(bytes.subarray(offset, end));
        offset = end;
      },
    },
    { highWaterMark: 0 },
  );
}
