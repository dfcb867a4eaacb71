// What a browser app ships for one streamed chat: the size budget's and bench/bundle-size's entry.
import { createClient } from 'chatwire';

const client = createClient({ baseURL: '/api/v1', apiKey: 'sk-page', dangerouslyAllowBrowser: true });
const stream = await client.chat.completions.create({
  model: 'gpt-4o-mini',
  messages: [{ role: 'user', content: 'Hello' }],
  stream: true,
});
for await (const text of stream.textStream) document.body.append(text);
console.log(await stream.finalCompletion());
