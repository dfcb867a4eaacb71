import { createHash } from 'node:crypto';

/** POSTs JSON to `url` with extra headers. */
export const postJson = (
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Response> =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

/** GETs `url` and returns the status and parsed JSON body. */
export const getJson = async (
  url: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: any; headers: Headers }> => {
  const response = await fetch(url, { headers });
  return { status: response.status, body: await response.json(), headers: response.headers };
};

/** Status, headers and parsed JSON of a response. */
export const readJson = async (
  response: Response,
): Promise<{ status: number; body: any; headers: Headers }> => ({
  status: response.status,
  body: await response.json(),
  headers: response.headers,
});

/** The parsed JSON `data:` payloads of an SSE text, and whether it ended with `[DONE]`. */
export const readSse = (text: string): { frames: any[]; done: boolean } => {
  const data = text
    .split('\n\n')
    .flatMap((block) => block.split('\n').filter((line) => line.startsWith('data: ')))
    .map((line) => line.slice('data: '.length));
  const done = data.at(-1) === '[DONE]';
  return { frames: data.filter((item) => item !== '[DONE]').map((item) => JSON.parse(item)), done };
};

export const sha256 = (bytes: Uint8Array | string): string =>
  createHash('sha256').update(bytes).digest('hex');

/** One user message. */
export const userSays = (content: string) => ({ messages: [{ role: 'user', content }] });

/** Matches the mock's deterministic UUIDs. */
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** ISO 8601 UTC with milliseconds, as `Date#toISOString` writes. */
export const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
