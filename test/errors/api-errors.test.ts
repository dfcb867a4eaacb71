import { describe, expect, it } from 'vitest';
import {
  APIError,
  AuthenticationError,
  BadRequestError,
  ChatwireError,
  ConflictError,
  createClient,
  InternalServerError,
  NotFoundError,
  PaymentRequiredError,
  PermissionDeniedError,
  RateLimitError,
  UnprocessableEntityError,
} from '../../src/index.js';
import { json, scriptedFetch, userMessage } from '../helpers/scripted-fetch.js';

const params = { model: 'gpt-test', messages: userMessage };
const clientWith = (response: Response) =>
  createClient({
    apiKey: 'sk-test-key',
    baseURL: 'http://127.0.0.1:9/v1',
    maxRetries: 0,
    fetch: scriptedFetch(response).fetch,
  });
const errorOf = (response: Response) =>
  clientWith(response)
    .chat.completions.create(params)
    .catch((e: unknown) => e);

describe('APIError by status', () => {
  it.each([
    [400, BadRequestError],
    [401, AuthenticationError],
    [402, PaymentRequiredError],
    [403, PermissionDeniedError],
    [404, NotFoundError],
    [409, ConflictError],
    [422, UnprocessableEntityError],
    [429, RateLimitError],
    [500, InternalServerError],
    [503, InternalServerError],
  ])('%i → %o', async (status, Class) => {
    const error = await errorOf(
      json({ error: { message: 'nope', code: 'c1', type: 't1', param: 'p1' } }, { status }),
    );
    expect(error).toBeInstanceOf(Class);
    expect(error).toBeInstanceOf(APIError);
    expect(error).toBeInstanceOf(ChatwireError);
    expect(error).toMatchObject({
      status,
      code: 'c1',
      type: 't1',
      param: 'p1',
      dialect: 'openai',
      name: Class.name,
    });
    expect((error as Error).message).toBe(`${status} nope`);
  });

  it('an unlisted 4xx is a plain APIError', async () => {
    const error = await errorOf(json({ error: { message: 'teapot' } }, { status: 418 }));
    expect(error).toBeInstanceOf(APIError);
    expect(error).not.toBeInstanceOf(BadRequestError);
    expect((error as APIError).status).toBe(418);
  });

  it('carries the request id and headers of the failed response', async () => {
    const error = (await errorOf(
      json(
        { error: { message: 'nope' } },
        { status: 404, headers: { 'x-request-id': 'req_42', 'x-extra': 'yes' } },
      ),
    )) as APIError;
    expect(error.requestId).toBe('req_42');
    expect(error.headers.get('x-extra')).toBe('yes');
    expect(error.body).toEqual({ error: { message: 'nope' } });
  });

  it('reads every vendor error shape into the message', async () => {
    const shapes: Array<[unknown, string]> = [
      [{ error: 'Missing API key' }, '401 Missing API key'],
      [{ detail: 'Invalid API key' }, '401 Invalid API key'],
      [
        { detail: [{ loc: ['body', 'model'], msg: 'field required', type: 'missing' }] },
        '401 body.model: field required',
      ],
      [{ success: false, errors: [{ code: 'unauthorized', message: 'Token expired' }] }, '401 Token expired'],
      [
        { is_bifrost_error: true, type: 'virtual_key_required', error: { message: 'virtual key required' } },
        '401 virtual key required',
      ],
    ];
    for (const [body, message] of shapes) {
      const error = (await errorOf(json(body, { status: 401 }))) as APIError;
      expect(error.message).toBe(message);
      expect(error.body).toEqual(body);
    }
  });

  it('a non-JSON body (an HTML 502 from a proxy) gives the status and a short excerpt', async () => {
    const html = `<html><head><title>502 Bad Gateway</title></head><body>${'x'.repeat(5_000)}</body></html>`;
    const error = (await errorOf(
      new Response(html, {
        status: 502,
        statusText: 'Bad Gateway',
        headers: { 'content-type': 'text/html' },
      }),
    )) as APIError;
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error.message).toMatch(/^502 Bad Gateway: <html><head><title>502 Bad Gateway/);
    expect(error.message.length).toBeLessThan(260);
    expect(error.body).toBe(html);
  });

  it('an empty error body says so', async () => {
    const error = (await errorOf(
      new Response(null, { status: 500, statusText: 'Internal Server Error' }),
    )) as APIError;
    expect(error.message).toBe('500 Internal Server Error (no body)');
    expect(error.body).toBeUndefined();
  });
});

describe('ChatwireError.is', () => {
  it('recognises errors from another copy of the package by their registered brand', async () => {
    const error = await errorOf(json({ error: { message: 'x' } }, { status: 400 }));
    expect(ChatwireError.is(error)).toBe(true);
    const foreign = Object.assign(new Error('from a second copy'), { [Symbol.for('chatwire.error')]: true });
    expect(ChatwireError.is(foreign)).toBe(true);
    expect(ChatwireError.is(new Error('plain'))).toBe(false);
    expect(ChatwireError.is(null)).toBe(false);
    expect(ChatwireError.is('chatwire')).toBe(false);
  });
});
