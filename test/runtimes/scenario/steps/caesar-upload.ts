import { check, type Step } from '../scenario.js';
import { apiKey, upload } from '../script.js';

/** A Caesar upload from bytes (multipart built by the runtime itself), then its id in a file part. */
export const caesarUpload: Step = {
  name: 'caesar upload',
  run: async (context) => {
    const client = context.chatwire.createClient({
      dialect: 'caesar',
      baseURL: context.vendors.caesar,
      apiKey,
      ...context.clientOptions,
    });
    const bytes = new TextEncoder().encode(upload.text);
    const file = await client.files.upload(bytes, {
      filename: upload.filename,
      contentType: upload.contentType,
    });
    check(file.filename === upload.filename, `filename came back as ${JSON.stringify(file.filename)}`);
    check(file.contentType === upload.contentType, `content type came back as ${String(file.contentType)}`);
    const part = context.chatwire.filePart(file);
    const answer = await client.chat.completions.create({
      model: 'caesar-research',
      messages: [{ role: 'user', content: [{ type: 'text', text: 'Summarise' }, part] }],
    });
    const content = answer.choices[0]?.message.content ?? '';
    check(
      content.includes(upload.filename),
      `the vendor did not read the attached file: ${content.slice(0, 80)}`,
    );
    return `${bytes.byteLength} bytes as ${file.id.slice(0, 8)}…, asked about it`;
  },
};
