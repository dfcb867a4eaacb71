import type { ScenarioResult } from '../scenario/scenario.js';
import { resultMarker } from '../scenario/script.js';
import { runCommand, tail } from './run-command.js';

export interface EntryProcess {
  readonly command: string;
  readonly args: readonly string[];
  readonly cwd: string;
  readonly env?: NodeJS.ProcessEnv;
  /** @defaultValue 30 s: the scenario takes about one. */
  readonly timeoutMs?: number;
}

/**
 * Runs a scenario entry in a child process and returns its result. A process that printed a
 * result but then did not exit on its own fails too: something (a socket, a timer) leaked.
 */
export const runEntry = async (entry: EntryProcess): Promise<ScenarioResult> => {
  const timeoutMs = entry.timeoutMs ?? 30_000;
  const result = await runCommand(entry.command, entry.args, {
    cwd: entry.cwd,
    timeoutMs,
    ...(entry.env ? { env: entry.env } : {}),
  });
  const line = result.stdout.split('\n').find((text) => text.startsWith(resultMarker));
  if (line === undefined) {
    const why = result.timedOut
      ? `no result within ${timeoutMs / 1000} s`
      : `exit ${result.code ?? result.signal}`;
    throw new Error(`${why}: ${oneLine(tail(result.stderr || result.stdout, 4))}`);
  }
  const scenario = JSON.parse(line.slice(resultMarker.length)) as ScenarioResult;
  if (result.timedOut) throw new Error(`the process did not exit after the scenario (open handles?)`);
  if (scenario.ok && result.code !== 0)
    throw new Error(`the scenario passed but the process exited ${result.code}`);
  return scenario;
};

export const oneLine = (text: string): string => text.replace(/\s*\n\s*/g, ' | ').slice(0, 400);
