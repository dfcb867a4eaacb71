import { inspect } from 'node:util';

/**
 * Every way an error gets printed or logged, searched for the key: its message, `String()`,
 * stack, `JSON.stringify`, and `util.inspect` (with hidden fields and the whole cause chain).
 * Returns the views that leak it.
 */
export function keyLeaks(error: unknown, apiKey: string): string[] {
  const views: Array<[string, () => string]> = [
    ['message', () => String((error as { message?: unknown })?.message)],
    ['String()', () => String(error)],
    ['stack', () => String((error as { stack?: unknown })?.stack)],
    ['JSON.stringify', () => JSON.stringify(error) ?? ''],
    ['util.inspect', () => inspect(error, { depth: 8 })],
    ['util.inspect(showHidden)', () => inspect(error, { depth: 8, showHidden: true })],
  ];
  const leaks: string[] = [];
  for (const [name, view] of views) {
    let text: string;
    try {
      text = view();
    } catch (thrown) {
      text = `(${name} threw: ${String(thrown)})`;
    }
    if (text.includes(apiKey)) leaks.push(name);
  }
  return leaks;
}
