import { readErrorBody } from '../../../index.js';
import { type CheckResult, check } from '../check-result.js';
import type { DoctorContext } from '../doctor-context.js';
import { describeExchange, type NoAnswer } from '../exchange.js';
import { excerpt, mediaType } from '../json-tools.js';
import type { StreamExchange } from '../send-stream.js';
import { scanSse } from '../sse-scan.js';
import { streamFacts } from '../stream-facts.js';
import { chunksCheck, doneCheck, finishCheck } from './stream-events.js';
import { keepAliveCheck, lineEndingsCheck } from './stream-framing.js';
import { usageCheck } from './stream-usage.js';

const ROWS = [
  'stream.chunks',
  'stream.finish',
  'stream.done',
  'stream.keepalive',
  'stream.line-endings',
  'stream.usage',
];

/** Every `stream.*` row from one streamed answer. */
export const streamChecks = (answer: StreamExchange | NoAnswer, context: DoctorContext): CheckResult[] => {
  const http = httpCheck(answer);
  if (http.status !== 'pass' || !answer.ok) {
    return [http, ...ROWS.map((id) => check(id, 'skip', '—', 'no event stream to inspect'))];
  }
  const scan = scanSse(answer.text);
  const facts = streamFacts(scan.events, context.endpoint.dialect, context.expect.sideFrames);
  return [
    http,
    chunksCheck(facts, context),
    finishCheck(facts),
    doneCheck(facts, answer, context),
    keepAliveCheck(scan),
    lineEndingsCheck(scan),
    usageCheck(facts, context),
  ];
};

const httpCheck = (answer: StreamExchange | NoAnswer): CheckResult => {
  const expected = '200 text/event-stream';
  if (!answer.ok) return check('stream.http', 'fail', expected, `no answer: ${answer.error}`);
  const type = mediaType(answer.headers);
  if (answer.status !== 200) {
    const message = readErrorBody(answer.json).message;
    const got = message ? `${answer.status}: ${excerpt(message)}` : describeExchange(answer);
    return check('stream.http', 'fail', expected, got);
  }
  if (type !== 'text/event-stream') {
    const why = type === 'application/json' ? ' (stream: true ignored?)' : '';
    return check('stream.http', 'fail', expected, `200 ${type || 'no content-type'}${why}`);
  }
  return check(
    'stream.http',
    'pass',
    expected,
    `200 text/event-stream, headers after ${answer.headersMs} ms`,
  );
};
