// Small output helpers shared by the demo's sections.
import type { ChatCompletionStream } from '../../src/index.js';

export const heading = (text: string) =>
  console.log(`\n── ${text} ${'─'.repeat(Math.max(0, 60 - text.length))}`);
export const line = (text: string) => console.log(`   ${text}`);

/** Prints a stream's text as it arrives, then returns the accumulated completion. */
export async function printStream(stream: ChatCompletionStream) {
  process.stdout.write('   ');
  for await (const text of stream.textStream) process.stdout.write(text);
  process.stdout.write('\n');
  return stream.finalCompletion();
}

/** A one-line progress display that rewrites itself on a terminal. */
export function progress(label: string) {
  const started = performance.now();
  return (status: string) => {
    const text = `   ${label}: ${status} (${((performance.now() - started) / 1000).toFixed(1)} s)`;
    if (process.stdout.isTTY) process.stdout.write(`\r${text}\x1b[K`);
    else console.log(text);
  };
}

export const endProgress = () => {
  if (process.stdout.isTTY) process.stdout.write('\n');
};
