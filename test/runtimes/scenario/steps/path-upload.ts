import { check, type Step } from '../scenario.js';
import { apiKey, pathUpload, pathUploadBytes } from '../script.js';

/**
 * A Caesar upload from a file path, where `node:fs` exists (Node, Bun, Deno): streamed with
 * `onProgress`, then without it (the runtime picks its own body). Bun 1.4 once uploaded such a
 * file empty (it drops a file-backed Blob placed inside another Blob); the vendor checks the bytes.
 */
export const pathUploadStep: Step = {
  name: 'path upload',
  run: async (context) => {
    const fs = await import('node:fs');
    const bytes = pathUploadBytes();
    await fs.promises.writeFile(pathUpload.file, bytes);
    try {
      const client = context.chatwire.createClient({
        dialect: 'caesar',
        baseURL: context.vendors.caesar,
        apiKey,
      });
      let reported = 0;
      const streamed = await client.files.upload(pathUpload.file, {
        onProgress: (progress) => {
          reported = progress.loaded;
        },
      });
      check(reported === bytes.byteLength, `onProgress ended at ${reported} bytes`);
      const plain = await client.files.upload(pathUpload.file);
      // Caesar's answer carries no size: the vendor side checks both uploads' bytes (server-checks).
      for (const file of [streamed, plain])
        check(file.filename === pathUpload.file, `filename came back as ${JSON.stringify(file.filename)}`);
      return `${bytes.byteLength} bytes, with and without onProgress`;
    } finally {
      await fs.promises.rm(pathUpload.file, { force: true });
    }
  },
};
