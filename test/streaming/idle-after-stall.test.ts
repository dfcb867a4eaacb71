import { type ChildProcess, spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from '../../src/index.js';

// Found by the soak (issue 9): on a busy machine a healthy stream failed with "idle for 800 ms".
// After the event loop stalls (a long GC, CPU starvation, an app busy for a moment), Node runs
// expired timers before it reads the sockets, so the idle timer fired while events were already
// waiting to be read. The vendor here is another process, so it keeps sending during the stall.
const SERVER = `
const http = require('node:http');
const server = http.createServer((req, res) => {
  req.resume();
  res.writeHead(200, { 'content-type': 'text/event-stream' });
  let sent = 0;
  const timer = setInterval(() => {
    if (sent++ < 60) return void res.write('data: {"id":"c","choices":[{"index":0,"delta":{"content":"x"},"finish_reason":null}]}\\n\\n');
    clearInterval(timer);
    res.end('data: {"id":"c","choices":[{"index":0,"delta":{},"finish_reason":"stop"}]}\\n\\ndata: [DONE]\\n\\n');
  }, 10);
  res.on('close', () => clearInterval(timer));
});
server.listen(0, '127.0.0.1', () => console.log(server.address().port));
process.on('disconnect', () => process.exit(0));
`;

let vendor: ChildProcess;
let baseURL: string;
beforeAll(async () => {
  vendor = spawn(process.execPath, ['-e', SERVER], { stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
  const port = await new Promise<string>((resolve) =>
    vendor.stdout?.once('data', (data: Buffer) => resolve(String(data).trim())),
  );
  baseURL = `http://127.0.0.1:${port}/v1`;
});
afterAll(() => {
  vendor.disconnect();
});

/** Blocks the event loop, as a long GC pause or a busy machine would. */
function stall(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    // busy
  }
}

describe('idleTimeout after an event-loop stall', () => {
  it('reads the events that arrived during the stall before judging the stream idle', async () => {
    const client = createClient({ baseURL, apiKey: 'sk-test-key', idleTimeout: 200, maxRetries: 0 });
    const stream = await client.chat.completions.create({
      model: 'm',
      messages: [{ role: 'user', content: 'hi' }],
      stream: true,
    });
    let text = '';
    for await (const chunk of stream) {
      // While the loop waits for the next event, the process stalls for three idle timeouts.
      if (text === '') setTimeout(() => setImmediate(() => stall(600)), 5);
      text += chunk.choices[0]?.delta.content ?? '';
    }
    expect(text).toBe('x'.repeat(60));
  });
});
