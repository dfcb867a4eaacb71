import type { CliDialectName } from '../dialects.js';
import { isObject } from './json-tools.js';

/** What a dialect documents, as the doctor checks it: the dialect's documented behaviour is "compatible". */
export interface Expectations {
  /** inTandem wraps JSON answers in `{ success: true, data }`. */
  readonly envelope: boolean;
  /** Must a stream end with `data: [DONE]`? Morpheus may end after the finish chunk. */
  readonly done: 'required' | 'optional';
  readonly usage: {
    /** Send `stream_options.include_usage`. */
    readonly ask: boolean;
    /** Where it is documented to arrive. */
    readonly where: string;
    /** Missing usage is a warning (else fine). */
    readonly expected: boolean;
  };
  readonly errorShape: { readonly text: string; readonly matches: (body: unknown) => boolean };
  /** Documented request-id response header. */
  readonly requestId: boolean;
  /** Keys of documented data frames without `choices`. */
  readonly sideFrames: readonly string[];
}

const hasMessage = (value: unknown) => isObject(value) && typeof value.message === 'string';

const openaiShape = {
  text: '{"error":{"message","type","param","code"}}',
  matches: (body: unknown) => isObject(body) && hasMessage(body.error),
};

export const EXPECTATIONS: Readonly<Record<CliDialectName, Expectations>> = {
  openai: {
    envelope: false,
    done: 'required',
    usage: { ask: true, where: 'a last chunk with choices: [] and usage (include_usage)', expected: true },
    errorShape: openaiShape,
    requestId: true,
    sideFrames: [],
  },
  caesar: {
    envelope: false,
    done: 'required',
    usage: { ask: false, where: 'optional (Caesar bills per research: zeros)', expected: false },
    errorShape: {
      text: '{"error":"…"} or {"error":{"code","message"}}',
      matches: (body) => isObject(body) && (typeof body.error === 'string' || hasMessage(body.error)),
    },
    requestId: false,
    sideFrames: [],
  },
  bifrost: {
    envelope: false,
    done: 'required',
    usage: { ask: false, where: 'on the last chunk, with finish_reason', expected: true },
    errorShape: {
      text: 'BifrostError {"is_bifrost_error","status_code","error":{"message"},"extra_fields"}',
      matches: (body) =>
        isObject(body) && typeof body.is_bifrost_error === 'boolean' && hasMessage(body.error),
    },
    requestId: false,
    sideFrames: [],
  },
  morpheus: {
    envelope: false,
    done: 'optional',
    usage: { ask: false, where: 'a usage_from_provider frame, or a usage chunk', expected: true },
    errorShape: {
      // The upstream node may answer gin's {"error":"…"} (shared/vendors/morpheus.md).
      text: '{"detail":"…"}, {"detail":[{loc,msg,type}]}, {"error":{"message",…}} or {"error":"…"}',
      matches: (body) =>
        isObject(body) &&
        (typeof body.detail === 'string' ||
          Array.isArray(body.detail) ||
          hasMessage(body.error) ||
          typeof body.error === 'string'),
    },
    requestId: true,
    sideFrames: ['usage_from_provider'],
  },
  intandem: {
    envelope: true,
    done: 'required',
    usage: { ask: false, where: 'optional (not documented)', expected: false },
    errorShape: {
      text: '{"success":false,"errors":[{"code","message"}]}',
      matches: (body) =>
        isObject(body) &&
        Array.isArray(body.errors) &&
        body.errors.length > 0 &&
        body.errors.every((item) => hasMessage(item)),
    },
    requestId: false,
    sideFrames: [],
  },
};
