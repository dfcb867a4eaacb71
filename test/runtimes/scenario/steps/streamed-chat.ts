import { check, openaiClient, type Step } from '../scenario.js';
import { models, streamPieces } from '../script.js';

/** A streamed chat read through `textStream`, then assembled by `finalCompletion()`. */
export const streamedChat: Step = {
  name: 'streamed chat',
  run: async (context) => {
    const stream = await openaiClient(context).chat.completions.create({
      model: models.stream,
      messages: [{ role: 'user', content: 'stream please' }],
      stream: true,
    });
    const deltas: string[] = [];
    for await (const text of stream.textStream) {
      deltas.push(text);
      context.onText?.(text);
    }
    const expected = streamPieces.join('');
    check(
      deltas.join('') === expected,
      `textStream gave ${JSON.stringify(deltas.join(''))}, expected ${JSON.stringify(expected)}`,
    );
    // One delta per chunk: a runtime that buffered the body would still pass the join above.
    check(
      deltas.length === streamPieces.length,
      `expected ${streamPieces.length} deltas, got ${deltas.length}`,
    );
    const completion = await stream.finalCompletion();
    const choice = completion.choices[0];
    check(
      choice?.message.content === expected,
      `finalCompletion content ${JSON.stringify(choice?.message.content)}`,
    );
    check(choice?.finish_reason === 'stop', `finish_reason ${String(choice?.finish_reason)}, expected stop`);
    check(
      completion.usage?.completion_tokens === streamPieces.length,
      `usage ${JSON.stringify(completion.usage)}, expected ${streamPieces.length} completion tokens`,
    );
    return `${deltas.length} deltas`;
  },
};
