// An injected `fetch` for unit tests of the request path: answers from a script and records every call.

export interface FetchCall {
  url: string;
  init: RequestInit;
  headers: Record<string, string>;
  body: string | undefined;
  at: number;
  /** `this` the SDK called fetch with (must be undefined: Workers refuse anything else). */
  thisArg: unknown;
}

export type Step = Response | Error | ((call: FetchCall) => Response | Error | Promise<Response | Error>);

export interface ScriptedFetch {
  fetch: typeof fetch;
  calls: FetchCall[];
}

/** Each call takes the next step; the last step repeats. */
export function scriptedFetch(...steps: Step[]): ScriptedFetch {
  const calls: FetchCall[] = [];
  const fetchImpl = async function (this: unknown, input: RequestInfo | URL, init: RequestInit = {}) {
    const headers: Record<string, string> = {};
    new Headers(init.headers).forEach((value, name) => {
      headers[name] = value;
    });
    const call: FetchCall = {
      url: String(input),
      init,
      headers,
      body: typeof init.body === 'string' ? init.body : undefined,
      at: performance.now(),
      thisArg: this,
    };
    calls.push(call);
    if (init.signal?.aborted) throw init.signal.reason;
    const step = steps[Math.min(calls.length - 1, steps.length - 1)];
    const result = typeof step === 'function' ? await step(call) : step;
    if (result instanceof Error) throw result;
    return replay(result as Response);
  };
  return { fetch: fetchImpl as typeof fetch, calls };
}

// A script step may answer many calls: each call gets a fresh Response with the same status, headers and body.
const bodies = new WeakMap<Response, Promise<string>>();
async function replay(template: Response): Promise<Response> {
  let text = bodies.get(template);
  if (!text) {
    text = template.text();
    bodies.set(template, text);
  }
  return new Response(await text, {
    status: template.status,
    statusText: template.statusText,
    headers: template.headers,
  });
}

export function json(
  body: unknown,
  init: { status?: number; headers?: Record<string, string> } = {},
): Response {
  return new Response(JSON.stringify(body), {
    status: init.status ?? 200,
    headers: { 'content-type': 'application/json', ...init.headers },
  });
}

export function completionBody(content = 'Hello!', extra: Record<string, unknown> = {}) {
  return {
    id: 'chatcmpl-1',
    object: 'chat.completion',
    created: 1_700_000_000,
    model: 'gpt-test',
    choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
    usage: { prompt_tokens: 3, completion_tokens: 1, total_tokens: 4 },
    ...extra,
  };
}

export const userMessage = [{ role: 'user' as const, content: 'Hi' }];
