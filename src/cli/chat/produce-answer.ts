import type { UploadedFile } from '../../index.js';
import { createAnyClient } from '../any-client.js';
import type { CliIo } from '../io.js';
import { styleFor } from '../style.js';
import type { Answer } from './answer.js';
import { uploadFiles } from './attach-files.js';
import { buildMessages } from './build-messages.js';
import type { ChatOptions } from './chat-options.js';
import { chatPrinter } from './chat-printer.js';
import { sendAsync, sendJson, sendStreamed } from './send.js';
import { StatusLine } from './status-line.js';

const percent = (loaded: number, total: number | undefined) =>
  total ? `${Math.floor((loaded / total) * 100)}%` : `${loaded} bytes`;

/** Uploads any files, sends the prompt the way the flags ask (stream, JSON or async run), returns the answer. */
export const produceAnswer = async (
  options: ChatOptions,
  io: CliIo,
  signal: AbortSignal,
): Promise<{ answer: Answer; files: UploadedFile[] }> => {
  const { endpoint } = options;
  const client = createAnyClient({
    dialect: endpoint.dialect,
    baseURL: endpoint.baseURL,
    ...(endpoint.apiKey === undefined ? {} : { apiKey: endpoint.apiKey }),
    ...(options.timeoutMs === undefined ? {} : { timeout: options.timeoutMs }),
  });
  const style = styleFor(io.stderr, io.env);
  const live = io.stderr.isTTY && !options.json;
  const files = await uploadFiles(client, options.files, signal, {
    ...(live
      ? {
          progress: (name, { loaded, total }) =>
            io.stderr.write(`\r\x1b[2Kuploading ${name} ${percent(loaded, total)}`),
        }
      : {}),
    done: (file, size) => {
      if (live) io.stderr.write('\r\x1b[2K');
      if (!options.json)
        io.stderr.write(style.dim(`attached ${file.filename} (${size} bytes) as ${file.id}\n`));
    },
  });
  const params = { model: endpoint.model, messages: buildMessages(options.prompt, options.system, files) };
  if (options.async) {
    const mode = io.stderr.isTTY ? 'live' : options.json ? 'quiet' : 'lines';
    const status = new StatusLine(io.stderr, style, mode);
    return { answer: await sendAsync(client, options, params, status, signal), files };
  }
  if (options.json) return { answer: await sendJson(client, params, signal), files };
  return { answer: await sendStreamed(client, options, params, chatPrinter(io), signal), files };
};
