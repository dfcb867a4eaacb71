import { ChatwireError } from '../../index.js';
import { CliError } from '../cli-error.js';
import { type CliDialectName, DIALECTS } from '../dialects.js';
import { describeFailure } from '../format-error.js';
import { doctorHelp } from '../help-text.js';
import { watchInterrupt } from '../interrupt.js';
import type { CliIo } from '../io.js';
import { parseOptions } from '../parse-options.js';
import { peekFlag } from '../peek-flag.js';
import { printFailure } from '../print-failure.js';
import { refuseSecretFlags } from '../refuse-secret-flags.js';
import { styleFor } from '../style.js';
import { chatRequest } from './chat-request.js';
import type { DoctorContext } from './doctor-context.js';
import { DOCTOR_FLAGS, type DoctorOptions, readDoctorOptions } from './doctor-options.js';
import { jsonReport, summaryLine, verdict } from './doctor-report.js';
import { EXPECTATIONS } from './expectations.js';
import { renderTable } from './render-table.js';
import { runDoctor } from './run-doctor.js';

/** `chatwire doctor`: runs the checks, prints the table (or JSON); exit 0 when compatible. */
export const doctorCommand = async (args: readonly string[], io: CliIo): Promise<number> => {
  const named = DIALECTS[peekFlag(args, 'dialect') as CliDialectName] ?? DIALECTS.openai;
  refuseSecretFlags(args, named().env.apiKey);
  const parsed = parseOptions('doctor', args, DOCTOR_FLAGS);
  if (parsed.values.help === true) {
    io.stdout.write(doctorHelp);
    return 0;
  }
  const options = readDoctorOptions(parsed, io.env);
  const controller = new AbortController();
  const context = contextFor(options, controller.signal);
  const stopWatching = watchInterrupt(io, controller, io.exit);
  const style = styleFor(io.stdout, io.env);
  const live = io.stderr.isTTY && !options.json;
  try {
    if (!options.json) {
      const { name, baseURL, model } = options.endpoint;
      io.stdout.write(`${style.bold('chatwire doctor')} · ${name} · ${baseURL} · model ${model}\n\n`);
    }
    const rows = await runDoctor(context, options.skip, (group) => {
      if (live) io.stderr.write(`\r\x1b[2Kchecking ${group}…`);
    });
    if (live) io.stderr.write('\r\x1b[2K');
    if (options.json) io.stdout.write(`${JSON.stringify(jsonReport(rows, options), null, 2)}\n`);
    else {
      io.stdout.write(renderTable(rows, io.stdout.columns ?? 120, style));
      io.stdout.write(`\n${summaryLine(rows, options.strict, style)}`);
    }
    return verdict(rows, options.strict).compatible ? 0 : 1;
  } catch (error) {
    if (controller.signal.aborted) {
      io.stderr.write('\nInterrupted: checks cancelled.\n');
      return 130;
    }
    return printFailure(
      io,
      describeFailure(error, { baseURL: options.endpoint.baseURL, debug: Boolean(io.env.CHATWIRE_DEBUG) }),
    );
  } finally {
    stopWatching();
  }
};

const contextFor = (options: DoctorOptions, signal: AbortSignal): DoctorContext => {
  const context: DoctorContext = {
    endpoint: options.endpoint,
    expect: EXPECTATIONS[options.endpoint.name],
    limits: { timeoutMs: options.timeoutMs, signal },
    pollIntervalMs: options.pollIntervalMs,
    origin: options.origin,
    rateLimitProbe: options.rateLimitProbe,
    rateLimited: [],
  };
  try {
    // The dialect refuses a model its vendor would refuse: say so before sending anything.
    chatRequest(context);
  } catch (error) {
    if (ChatwireError.is(error)) throw new CliError(error.message, { hint: 'Pick another --model.' });
    throw error;
  }
  return context;
};
