/** One `read()` of a response body and when it came, relative to the request. */
export interface TimedRead {
  readonly ms: number;
  readonly text: string;
}

/** Reads a whole response body, noting the time of each read. */
export const readTimed = async (url: string): Promise<TimedRead[]> => {
  const started = performance.now();
  const response = await fetch(url);
  if (!response.ok || response.body === null) throw new Error(`${url} answered ${response.status}`);
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  const reads: TimedRead[] = [];
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return reads;
    reads.push({ ms: performance.now() - started, text: value });
  }
};

/** The content deltas in SSE text, in order, with the index of the read that carried each. */
export const contentDeltas = (reads: readonly TimedRead[]): Array<{ read: number; content: string }> => {
  const deltas: Array<{ read: number; content: string }> = [];
  let pending = '';
  reads.forEach((read, index) => {
    pending += read.text;
    const events = pending.split('\n\n');
    pending = events.pop() ?? '';
    for (const event of events) {
      const data = event.startsWith('data: ') ? event.slice('data: '.length) : undefined;
      if (data === undefined || data === '[DONE]') continue;
      const chunk = JSON.parse(data) as { choices?: Array<{ delta?: { content?: string } }> };
      const content = chunk.choices?.[0]?.delta?.content;
      if (content) deltas.push({ read: index, content });
    }
  });
  return deltas;
};
