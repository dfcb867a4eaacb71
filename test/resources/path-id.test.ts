// An empty or missing id would change which endpoint is called (`/research/collections/` is the
// list, whose answer would pass for one collection): refused before sending, as a rejection.
import { describe, expect, it } from 'vitest';
import { InvalidRequestError } from '../../src/index.js';
import { capturingClient } from '../helpers/capture.js';

describe('ids in paths', () => {
  it('an empty or missing id is refused on every call that puts one in a path', async () => {
    const caesar = capturingClient('caesar');
    const intandem = capturingClient('intandem');
    const calls: Array<() => Promise<unknown>> = [
      () => caesar.client.collections.retrieve(''),
      () => caesar.client.collections.update(undefined as never, { name: 'x' }),
      () => caesar.client.research.retrieve(''),
      () => caesar.client.research.events(''),
      () => caesar.client.research.chat.send('', { content: 'x' }),
      () => caesar.client.research.chat.wait('job-1', ''),
      () => intandem.client.runs.retrieve(''),
    ];
    for (const call of calls) {
      await expect(call()).rejects.toBeInstanceOf(InvalidRequestError);
    }
    expect(caesar.calls).toHaveLength(0);
    expect(intandem.calls).toHaveLength(0);
  });

  it('an id with reserved characters stays one path segment', async () => {
    const { client, calls } = capturingClient('caesar', {
      steps: [
        new Response(JSON.stringify({ id: 'a/b?c', name: 'x' }), {
          headers: { 'content-type': 'application/json' },
        }),
      ],
    });
    await client.collections.retrieve('a/b?c');
    expect(calls[0]!.url).toBe('http://127.0.0.1:9/research/collections/a%2Fb%3Fc');
  });
});
