// A Cloudflare Worker around the packed package. `/scenario` runs the smoke steps inside workerd;
// `/relay` streams a completion from the mock vendor to the worker's own client through
// `toReadableStream()`, which is what a Worker route returns to a browser.
import * as chatwire from '../../../src/index.js';
import { runScenario } from '../scenario/scenario.js';
import { apiKey, models, type VendorURLs } from '../scenario/script.js';
import { smokeSteps } from '../scenario/steps.js';

interface Env {
  /** JSON of {@link VendorURLs}, a text binding in the workerd config. */
  readonly VENDORS: string;
}

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const vendors = JSON.parse(env.VENDORS) as VendorURLs;
    const { pathname } = new URL(request.url);
    if (pathname === '/scenario') return Response.json(await runScenario({ chatwire, vendors }, smokeSteps));
    if (pathname === '/relay') {
      const client = chatwire.createClient({ baseURL: vendors.openai, apiKey });
      const stream = await client.chat.completions.create({
        model: models.drip,
        messages: [{ role: 'user', content: 'relay' }],
        stream: true,
      });
      return new Response(stream.toReadableStream(), {
        headers: { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' },
      });
    }
    return new Response('not found', { status: 404 });
  },
};
