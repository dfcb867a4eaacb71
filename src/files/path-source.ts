import { InvalidRequestError } from '../errors/request-errors.js';
import type { UploadSource } from './upload-source.js';

type NodeFs = typeof import('node:fs');
type NodePath = typeof import('node:path');
type FileHandle = import('node:fs/promises').FileHandle;

// One disk read per 64 KiB into a scratch buffer of the stream's own, handed to fetch as 4 KiB
// copies. Each copy is a buffer of its own: nothing handed out is ever written again, and one
// chunk transferred or kept downstream (a tee, an interceptor) cannot empty or pin its siblings.
// What frees spent chunks is V8's young-generation collection, which allocation paces: with a
// 64 KiB chunk per pull ~15 MB piled up before one ran; with 4 KiB chunks the per-chunk
// bookkeeping has it run every few MB (bench/upload-memory, 200 MB over loopback: peak growth
// ~28 MB instead of ~35–40, for ~0.3 s more CPU; 8 KiB chunks already lose the memory gain).
const READ_BYTES = 64 * 1024;
const SLICE_BYTES = 4 * 1024;

/**
 * A file on disk, stat-ed but not read. Each attempt streams it through a handle of its own, one
 * pull per chunk, so it can be re-read and the upload retried. Where request bodies cannot stream,
 * a file-backed Blob (`fs.openAsBlob`, Node ≥ 19.8) is sent instead.
 */
export async function pathSource(path: string | URL): Promise<UploadSource> {
  const [fs, nodePath] = await Promise.all([
    importNode<NodeFs>('node:fs'),
    importNode<NodePath>('node:path'),
  ]);
  const label = typeof path === 'string' ? path : path.href;
  const stats = await fs.promises.stat(path).catch((error: unknown) => {
    throw unreadable(label, error instanceof Error ? error.message : String(error));
  });
  if (!stats.isFile()) throw unreadable(label, 'not a regular file');
  const blob = typeof fs.openAsBlob === 'function' ? await fs.openAsBlob(path) : undefined;
  const filename =
    typeof path === 'string'
      ? nodePath.basename(path)
      : decodeURIComponent(path.pathname.split('/').pop() ?? '');
  return {
    kind: 'file',
    filename: filename === '' ? undefined : filename,
    contentType: undefined,
    size: stats.size,
    replayable: true,
    toBlob: blob && (() => blob),
    preferStream: true,
    open: () => fileStream(fs, path),
  };
}

/** Reads the file 64 KiB at a time, one 4 KiB copy per pull; the handle is closed at the end, on error and on cancel. */
export function fileStream(fs: NodeFs, path: string | URL): ReadableStream<Uint8Array> {
  let handle: FileHandle | undefined;
  const block = new Uint8Array(READ_BYTES);
  let offset = 0;
  let filled = 0;
  const close = async () => {
    await handle?.close().catch(() => {});
    handle = undefined;
  };
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          if (offset >= filled) {
            handle ??= await fs.promises.open(path, 'r');
            offset = 0;
            filled = (await handle.read(block, 0, READ_BYTES, null)).bytesRead;
            if (filled === 0) {
              await close();
              return controller.close();
            }
          }
          const end = Math.min(filled, offset + SLICE_BYTES);
          controller.enqueue(block.slice(offset, end));
          offset = end;
        } catch (error) {
          await close();
          throw error;
        }
      },
      cancel: close,
    },
    { highWaterMark: 0 },
  );
}

// The specifier is a variable, with the bundler hints, so that browser bundles never try to
// resolve or include `node:*` (esbuild fails outright on a literal `import('node:fs')`).
async function importNode<T>(specifier: string): Promise<T> {
  try {
    return (await import(/* webpackIgnore: true */ /* @vite-ignore */ specifier)) as T;
  } catch {
    throw new InvalidRequestError(
      `files.upload: a file path can only be read where ${specifier} exists (Node, Bun, Deno); ` +
        'in a browser, pass a File or Blob.',
      [{ path: 'input', message: 'a path needs node:fs' }],
    );
  }
}

function unreadable(label: string, reason: string): InvalidRequestError {
  return new InvalidRequestError(`files.upload: cannot read ${JSON.stringify(label)}: ${reason}.`, [
    { path: 'input', message: `cannot be read: ${reason}` },
  ]);
}
