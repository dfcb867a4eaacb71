import { readErrorBody } from '../../../index.js';
import { type CheckResult, check } from '../check-result.js';
import type { DoctorContext } from '../doctor-context.js';
import { describeExchange, type Exchange, type NoAnswer } from '../exchange.js';
import { excerpt, isObject, type Json, mediaType } from '../json-tools.js';

/** `json.shape`: a plain (non-streamed) answer has the OpenAI chat.completion shape once unwrapped. */
export const jsonShapeCheck = (answer: Exchange | NoAnswer, context: DoctorContext): CheckResult => {
  const envelope = context.expect.envelope;
  const expected = `200 ${envelope ? '{"success":true,"data":chat.completion}' : 'chat.completion'}: id, created, model, choices[].message, finish_reason`;
  const result = (status: 'pass' | 'warn' | 'fail', got: string) =>
    check('json.shape', status, expected, got);
  if (!answer.ok) return result('fail', `no answer: ${answer.error}`);
  if (answer.status !== 200) {
    const message = readErrorBody(answer.json).message;
    return result('fail', message ? `${answer.status}: ${excerpt(message)}` : describeExchange(answer));
  }
  if (mediaType(answer.headers) !== 'application/json' || answer.json === undefined) {
    return result('fail', `not JSON: ${describeExchange(answer)}`);
  }
  const notes: string[] = [];
  if (envelope && !(isObject(answer.json) && answer.json.success === true && 'data' in answer.json)) {
    notes.push('no {success, data} envelope');
  }
  let body: unknown;
  try {
    body = context.endpoint.dialect.unwrapCompletion(answer.json);
  } catch (error) {
    return result('fail', error instanceof Error ? error.message : String(error));
  }
  const fatal = fatalProblems(body);
  if (fatal) return result('fail', `${fatal}: ${excerpt(answer.json)}`);
  const completion = body as Json;
  notes.push(...minorProblems(completion));
  const summary = describeCompletion(completion);
  return notes.length === 0 ? result('pass', summary) : result('warn', `${notes.join('; ')} · ${summary}`);
};

const firstChoice = (body: unknown): Json | undefined => {
  const choices = isObject(body) ? body.choices : undefined;
  const choice = Array.isArray(choices) ? choices[0] : undefined;
  return isObject(choice) ? choice : undefined;
};

const fatalProblems = (body: unknown): string | undefined => {
  if (!isObject(body)) return 'not an object';
  if (!Array.isArray(body.choices) || body.choices.length === 0) return 'no choices';
  const message = firstChoice(body)?.message;
  if (!isObject(message)) return 'choices[0] has no message';
  const content = message.content;
  if (content !== null && typeof content !== 'string' && !Array.isArray(message.tool_calls)) {
    return 'message has neither content nor tool_calls';
  }
  return undefined;
};

const minorProblems = (body: Json): string[] => {
  const notes: string[] = [];
  if (typeof body.id !== 'string') notes.push('no id');
  if (body.object !== 'chat.completion') notes.push(`object ${JSON.stringify(body.object)}`);
  if (typeof body.created !== 'number') notes.push('no numeric created');
  if (typeof body.model !== 'string') notes.push('no model');
  const choice = firstChoice(body);
  if (typeof choice?.finish_reason !== 'string') notes.push('no finish_reason');
  if ((choice?.message as Json | undefined)?.role !== 'assistant') notes.push('role is not assistant');
  return notes;
};

const describeCompletion = (body: Json): string => {
  const choice = firstChoice(body);
  const message = (choice?.message ?? {}) as Json;
  const parts = [String(body.object ?? 'completion')];
  if (typeof message.content === 'string') parts.push(JSON.stringify(excerpt(message.content, 30)));
  if (Array.isArray(message.tool_calls)) parts.push(`${message.tool_calls.length} tool call(s)`);
  parts.push(`finish ${String(choice?.finish_reason ?? '—')}`);
  const usage = body.usage;
  parts.push(
    isObject(usage)
      ? `usage ${usage.prompt_tokens}+${usage.completion_tokens}=${usage.total_tokens}`
      : 'no usage',
  );
  return parts.join(' · ');
};
