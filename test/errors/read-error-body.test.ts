import { describe, expect, it } from 'vitest';
import { readErrorBody } from '../../src/errors/read-error-body.js';

describe('readErrorBody', () => {
  it('reads OpenAI {error:{message,type,code,param}}', () => {
    expect(
      readErrorBody({
        error: {
          message: 'Bad model',
          type: 'invalid_request_error',
          code: 'model_not_found',
          param: 'model',
        },
      }),
    ).toEqual({
      message: 'Bad model',
      type: 'invalid_request_error',
      code: 'model_not_found',
      param: 'model',
    });
  });

  it('reads Caesar {error:"…"} and a sibling message (Morpheus 426)', () => {
    expect(readErrorBody({ error: 'Resource not found' })).toEqual({ message: 'Resource not found' });
    expect(readErrorBody({ error: { code: 'INVALID_PAGINATION', message: 'page must be ≥ 1' } })).toEqual({
      code: 'INVALID_PAGINATION',
      message: 'page must be ≥ 1',
    });
  });

  it('reads FastAPI {detail:"…"} and {detail:[{loc,msg,type}]}', () => {
    expect(readErrorBody({ detail: 'Invalid API key' })).toEqual({ message: 'Invalid API key' });
    expect(
      readErrorBody({
        detail: [
          { loc: ['body', 'messages'], msg: 'field required', type: 'value_error.missing' },
          { loc: ['body', 'temperature'], msg: 'must be ≤ 2', type: 'value_error' },
        ],
      }),
    ).toEqual({
      message: 'body.messages: field required; body.temperature: must be ≤ 2',
      type: 'value_error.missing',
      param: 'messages',
    });
  });

  it('reads a FastAPI detail list of plain strings; an empty one says nothing (the status text stands in)', () => {
    expect(readErrorBody({ detail: ['Insufficient balance for this model'] })).toEqual({
      message: 'Insufficient balance for this model',
    });
    expect(readErrorBody({ detail: [] })).toEqual({});
    expect(readErrorBody({ error: { message: '' } })).toEqual({});
  });

  it('reads inTandem {success:false, errors:[{code,message,field}]}', () => {
    expect(
      readErrorBody({
        success: false,
        errors: [{ field: 'model', code: 'invalid', message: 'Unsupported model format.' }],
      }),
    ).toEqual({ message: 'model: Unsupported model format.', code: 'invalid', param: 'model' });
    expect(readErrorBody({ status: 'Error', error: 'Token expired' })).toEqual({ message: 'Token expired' });
  });

  it('reads a BifrostError, taking the governance reason from the top-level type', () => {
    expect(
      readErrorBody({
        is_bifrost_error: false,
        status_code: 429,
        type: 'rate_limited',
        error: { message: 'virtual key rate limit reached', type: 'provider', code: 429 },
        extra_fields: { routing_info: {} },
      }),
    ).toEqual({ message: 'virtual key rate limit reached', type: 'rate_limited', code: '429' });
  });

  it('returns nothing it cannot read rather than inventing a message', () => {
    expect(readErrorBody(null)).toEqual({});
    expect(readErrorBody([1, 2])).toEqual({});
    expect(readErrorBody({ unrelated: true })).toEqual({});
  });
});
