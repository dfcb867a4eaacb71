// `__proto__`, `constructor` and `prototype` keys at every level a reader copies from: the top of
// a completion or chunk, a choice, a message or delta, a tool-call delta and its function. Parsed
// JSON keeps them as plain own keys; an accumulator that assigns them would pollute prototypes.
const POISON =
  '"__proto__":{"polluted":"soak"},"constructor":{"prototype":{"polluted":"soak"}},"prototype":{"polluted":"soak"}';
const TOOL_CALL = `"tool_calls":[{"index":0,${POISON},"id":"call_soak","type":"function","function":{${POISON},"name":"soak","arguments":"{}"}}]`;

/** Adds `members` at the start of every object that `opening` (ending in `{`) opens. */
function inject(text: string, opening: RegExp, members: string): string {
  return text.replace(opening, (match, offset: number) =>
    text[offset + match.length] === '}' ? `${match}${members}` : `${match}${members},`,
  );
}

/** The JSON text with poisoned keys added; its answer (the content) is unchanged. */
export function poisonJson(text: string): string {
  let out = inject(text, /^\{/g, POISON);
  out = inject(out, /"choices":\[\{/g, POISON);
  return inject(out, /"message":\{/g, POISON);
}

/** The same for a chunk: its delta also carries a poisoned tool-call delta. */
export function poisonChunk(text: string): string {
  return inject(poisonJson(text), /"delta":\{/g, `${POISON},${TOOL_CALL}`);
}

/** True when any poisoned key reached a prototype. */
export function prototypesPolluted(): boolean {
  const probe = (target: object) => (target as { polluted?: unknown }).polluted !== undefined;
  return probe({}) || probe([]) || probe(Object.prototype) || probe(Function.prototype);
}
