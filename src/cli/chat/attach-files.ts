import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { UploadedFile, UploadProgress } from '../../index.js';
import type { AnyClient } from '../any-client.js';
import { CliError } from '../cli-error.js';

/** What the caller hears about each file: progress while it goes, then the stored file. */
export interface UploadReport {
  progress?: (filename: string, progress: UploadProgress) => void;
  done: (file: UploadedFile, size: number) => void;
}

/** Uploads each `--file` to Caesar after checking it can be read; the path is streamed, never held whole. */
export const uploadFiles = async (
  client: AnyClient,
  paths: readonly string[],
  signal: AbortSignal,
  report: UploadReport,
): Promise<UploadedFile[]> => {
  const uploaded: UploadedFile[] = [];
  for (const path of paths) {
    const size = await fileSize(path);
    const filename = basename(path);
    const file = await client.files.upload(path, {
      filename,
      signal,
      ...(report.progress
        ? { onProgress: (progress: UploadProgress) => report.progress?.(filename, progress) }
        : {}),
    });
    report.done(file, size);
    uploaded.push(file);
  }
  return uploaded;
};

const fileSize = async (path: string): Promise<number> => {
  try {
    const info = await stat(path);
    if (info.isFile()) return info.size;
  } catch (error) {
    const reason = (error as { code?: unknown }).code === 'ENOENT' ? 'no such file' : String(error);
    throw new CliError(`Cannot read --file ${path}: ${reason}.`);
  }
  throw new CliError(`--file ${path} is not a regular file.`);
};
