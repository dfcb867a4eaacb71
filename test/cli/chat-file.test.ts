import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeAfterEach } from './helpers/lifecycle.js';
import { runCliInProcess } from './helpers/run-cli.js';
import { keyEnv, startVendor } from './helpers/vendors.js';

const onClose = closeAfterEach();

describe('chatwire chat --file (Caesar)', () => {
  it('uploads the file, attaches it with filePart, and reports the upload', async () => {
    const server = await startVendor('caesar');
    onClose(() => server.close());
    const dir = await mkdtemp(join(tmpdir(), 'chatwire-cli-'));
    onClose(() => rm(dir, { recursive: true, force: true }));
    const path = join(dir, 'rapport été.txt');
    await writeFile(path, 'Quarterly numbers went up.');
    const args = [
      'chat',
      '--dialect',
      'caesar',
      '--base-url',
      server.baseURL,
      '--file',
      path,
      'Summarise the attachment',
    ];
    const run = await runCliInProcess(args, keyEnv('caesar'));
    expect(run.code, run.stderr).toBe(0);
    const upload = server.uploads[0];
    expect(upload).toMatchObject({ filename: 'rapport été.txt', size: 26 });
    expect(run.stderr).toContain(`attached rapport été.txt (26 bytes) as ${upload?.id}`);
    const chat = server.requests.find((request) => request.path === '/compat/chat/completions');
    expect(chat?.json).toMatchObject({
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'Summarise the attachment' },
            { type: 'file', file: { filename: 'rapport été.txt', fileData: upload?.id } },
          ],
        },
      ],
    });
  });
});
