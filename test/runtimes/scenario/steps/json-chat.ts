import { check, openaiClient, type Step } from '../scenario.js';
import { models } from '../script.js';

/** A plain JSON completion: request body out, parsed completion back. */
export const jsonChat: Step = {
  name: 'json chat',
  run: async (context) => {
    const completion = await openaiClient(context).chat.completions.create({
      model: models.json,
      messages: [{ role: 'user', content: 'ping' }],
    });
    const content = completion.choices[0]?.message.content;
    check(content === 'pong: ping', `expected content "pong: ping", got ${JSON.stringify(content)}`);
    check(completion.model === models.json, `expected model ${models.json}, got ${completion.model}`);
    return 'pong';
  },
};
