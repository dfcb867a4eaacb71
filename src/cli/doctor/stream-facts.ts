import { readErrorBody } from '../../index.js';
import type { AnyDialect } from '../dialects.js';
import { excerpt, isObject, type Json } from './json-tools.js';
import type { SseEvent } from './sse-scan.js';

/** What the events of a stream carried, frame by frame. */
interface Facts {
  done: boolean;
  eventsAfterDone: number;
  chunks: Json[];
  /** Documented frames that are not chunks (Morpheus' `usage_from_provider`), by key. */
  sideFrames: string[];
  /** Undocumented data frames without `choices`, as excerpts. */
  withoutChoices: string[];
  errorFrames: string[];
  undecodable: string[];
  namedEvents: string[];
  /** Chunks whose `choices[]` entries lack a `delta` object. */
  badChoices: number;
  /** Chunks whose `object` is not `chat.completion.chunk`. */
  wrongObject: number;
  /** The first finish reason and the number (1-based) of the chunk that carried it. */
  finish: { reason: string; chunk: number } | undefined;
  /** Chunks (1-based) carrying a usage object, and whether their `choices` was empty. */
  usage: Array<{ chunk: number; emptyChoices: boolean }>;
  content: string;
}

export type StreamFacts = Readonly<Facts>;

const isErrorFrame = (event: SseEvent, json: unknown) =>
  event.event === 'error' ||
  (isObject(json) && !Array.isArray(json.choices) && (json.error !== undefined || json.success === false));

const parse = (data: string): { json: unknown } | undefined => {
  try {
    return { json: JSON.parse(data) };
  } catch {
    return undefined;
  }
};

const unwrap = (dialect: AnyDialect, json: unknown): unknown => {
  try {
    return dialect.unwrapChunk(json);
  } catch {
    return json;
  }
};

/** Classifies each event the way the dialect's stream reader sees it. */
export const streamFacts = (
  events: readonly SseEvent[],
  dialect: AnyDialect,
  sideFrameKeys: readonly string[],
): StreamFacts => {
  const facts: Facts = {
    done: false,
    eventsAfterDone: 0,
    chunks: [],
    sideFrames: [],
    withoutChoices: [],
    errorFrames: [],
    undecodable: [],
    namedEvents: [],
    badChoices: 0,
    wrongObject: 0,
    finish: undefined,
    usage: [],
    content: '',
  };
  for (const event of events) {
    if (facts.done) {
      facts.eventsAfterDone += 1;
      continue;
    }
    if (event.event !== undefined && event.event !== 'error') facts.namedEvents.push(event.event);
    if (event.data.trim() === '[DONE]') {
      facts.done = true;
      continue;
    }
    const parsed = parse(event.data);
    if (!parsed) facts.undecodable.push(excerpt(event.data, 40));
    else if (isErrorFrame(event, parsed.json)) {
      facts.errorFrames.push(readErrorBody(parsed.json).message ?? excerpt(parsed.json, 40));
    } else {
      const json = parsed.json;
      const side = isObject(json) ? sideFrameKeys.find((key) => key in json) : undefined;
      const chunk = side === undefined ? unwrap(dialect, json) : undefined;
      if (side !== undefined) facts.sideFrames.push(side);
      else if (isObject(chunk) && Array.isArray(chunk.choices)) addChunk(facts, chunk);
      else facts.withoutChoices.push(excerpt(json, 50));
    }
  }
  return facts;
};

const addChunk = (facts: Facts, chunk: Json) => {
  facts.chunks.push(chunk);
  const number = facts.chunks.length;
  const choices = chunk.choices as unknown[];
  if (chunk.object !== 'chat.completion.chunk') facts.wrongObject += 1;
  if (choices.some((choice) => !isObject(choice) || !isObject(choice.delta))) facts.badChoices += 1;
  for (const choice of choices) {
    if (!isObject(choice)) continue;
    const reason = choice.finish_reason;
    if (typeof reason === 'string' && reason !== '') facts.finish ??= { reason, chunk: number };
    const content = isObject(choice.delta) ? choice.delta.content : undefined;
    if (typeof content === 'string' && (choice.index ?? 0) === 0) facts.content += content;
  }
  if (isObject(chunk.usage)) facts.usage.push({ chunk: number, emptyChoices: choices.length === 0 });
};
