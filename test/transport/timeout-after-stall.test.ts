import { type ChildProcess, spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from '../../src/index.js';

// Found by the soak (issue 9), the transport side of test/streaming/idle-after-stall: after the
// event loop stalls, Node runs expired timers before reading sockets, so `timeout` fired (and the
// request was sent again) although the whole answer had arrived during the stall. The vendor is
// another process, so it answers while this one is stalled.
const SERVER = `
const http = require('node:http');
const body = JSON.stringify({ id: 'c', object: 'chat.completion', created: 1, model: 'm',
  choices: [{ index: 0, message: { role: 'assistant', content: 'on time' }, finish_reason: 'stop' }] });
let requests = 0;
const server = http.createServer((req, res) => {
  req.resume();
  requests += 1;
  if (req.url === '/count') return void res.end(String(requests));
  setTimeout(() => res.end(body), 50);
});
server.listen(0, '127.0.0.1', () => console.log(server.address().port));
process.on('disconnect', () => process.exit(0));
`;

let vendor: ChildProcess;
let origin: string;
beforeAll(async () => {
  vendor = spawn(process.execPath, ['-e', SERVER], { stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
  const port = await new Promise<string>((resolve) =>
    vendor.stdout?.once('data', (data: Buffer) => resolve(String(data).trim())),
  );
  origin = `http://127.0.0.1:${port}`;
});
afterAll(() => {
  vendor.disconnect();
});

/** Blocks the event loop outside the timers phase, as a long GC pause or a busy callback would. */
function stallSoon(ms: number): void {
  setTimeout(() =>
    setImmediate(() => {
      const until = performance.now() + ms;
      while (performance.now() < until) {
        // busy
      }
    }),
  );
}

describe('timeout after an event-loop stall', () => {
  it('takes the answer that arrived during the stall instead of timing out and sending again', async () => {
    const client = createClient({
      baseURL: `${origin}/v1`,
      apiKey: 'sk-test-key',
      timeout: 200,
      maxRetries: 1,
    });
    stallSoon(600);
    const completion = await client.chat.completions.create({
      model: 'm',
      messages: [{ role: 'user', content: 'hi' }],
    });
    expect(completion.choices[0]?.message.content).toBe('on time');
    const count = await (await fetch(`${origin}/count`)).text();
    expect(Number(count) - 1).toBe(1);
  });
});
