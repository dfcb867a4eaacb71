import type { CliIo } from '../io.js';
import { styleFor } from '../style.js';
import { type Answer, asChunk } from './answer.js';
import { chatPrinter } from './chat-printer.js';
import { renderSummary } from './render-summary.js';
import { summaryLines } from './summary.js';

/** Prints an answer not printed yet (async runs), then the summary on stderr. */
export const printAnswer = (io: CliIo, dialect: string, answer: Answer, elapsedMs: number): void => {
  if (!answer.streamed) {
    const printer = chatPrinter(io);
    printer.add(asChunk(answer.completion));
    printer.end();
  }
  const lines = summaryLines({
    completion: answer.completion,
    headers: answer.headers,
    requestId: answer.requestId,
    elapsedMs,
    dialect,
  });
  io.stderr.write(`\n${renderSummary(lines, styleFor(io.stderr, io.env))}`);
};
