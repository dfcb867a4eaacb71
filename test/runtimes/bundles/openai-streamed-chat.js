// The same streamed chat with openai-node, for bench/bundle-size's ratio.
import OpenAI from 'openai';

const client = new OpenAI({ baseURL: '/api/v1', apiKey: 'sk-page', dangerouslyAllowBrowser: true });
const stream = await client.chat.completions.create({
  model: 'gpt-4o-mini',
  messages: [{ role: 'user', content: 'Hello' }],
  stream: true,
});
for await (const chunk of stream) document.body.append(chunk.choices[0]?.delta?.content ?? '');
