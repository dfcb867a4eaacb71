/** One dispatched SSE event. */
export interface SseEvent {
  readonly event: string | undefined;
  readonly data: string;
}

/** What a stream's bytes look like at the SSE level, before any JSON is read. */
export interface SseScan {
  readonly events: readonly SseEvent[];
  readonly lineEndings: { readonly lf: number; readonly crlf: number; readonly cr: number };
  /** Comment lines (`: …`) without the colon: keep-alives. */
  readonly comments: readonly string[];
  /** Lines that are neither comments nor known fields (`data`, `event`, `id`, `retry`). */
  readonly strayLines: readonly string[];
  /** `data:` lines pending at the end of the body with no blank line after them (spec: dropped). */
  readonly unterminated: string | undefined;
  readonly bom: boolean;
}

/** Splits `text` into lines, counting each line-ending style (the SSE spec allows all three). */
const splitLines = (text: string) => {
  const lines: string[] = [];
  const endings = { lf: 0, crlf: 0, cr: 0 };
  let start = 0;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (char !== '\n' && char !== '\r') continue;
    lines.push(text.slice(start, i));
    if (char === '\r' && text[i + 1] === '\n') {
      endings.crlf += 1;
      i += 1;
    } else if (char === '\r') endings.cr += 1;
    else endings.lf += 1;
    start = i + 1;
  }
  return { lines, endings, rest: text.slice(start) };
};

/** Reads a stream body the way the SSE spec says a client must (https://html.spec.whatwg.org/#event-stream-interpretation). */
export const scanSse = (body: string): SseScan => {
  const bom = body.startsWith('\uFEFF');
  const { lines, endings, rest } = splitLines(bom ? body.slice(1) : body);
  const events: SseEvent[] = [];
  const comments: string[] = [];
  const strayLines: string[] = [];
  let data: string[] = [];
  let event: string | undefined;
  for (const line of rest === '' ? lines : [...lines, rest]) {
    if (line === '') {
      if (data.length > 0) events.push({ event, data: data.join('\n') });
      data = [];
      event = undefined;
      continue;
    }
    if (line.startsWith(':')) {
      comments.push(line.slice(1).trim());
      continue;
    }
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'data') data.push(value);
    else if (field === 'event') event = value;
    else if (field !== 'id' && field !== 'retry') strayLines.push(line);
  }
  return {
    events,
    lineEndings: endings,
    comments,
    strayLines,
    unterminated: data.length > 0 ? data.join('\n') : undefined,
    bom,
  };
};
