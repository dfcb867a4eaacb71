import { format } from 'node:util';

/** What the process reported while the soak ran. */
export interface ProcessReport {
  readonly unhandledRejections: string[];
  readonly uncaughtExceptions: string[];
  /** Warnings such as MaxListenersExceededWarning (a listener leak). */
  readonly warnings: string[];
  /** Everything written through `console` (chatwire logs nothing). */
  readonly consoleLines: string[];
}

const CONSOLE_METHODS = ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const;

/**
 * Listens for unhandled rejections, uncaught exceptions and warnings, and records console output
 * (still printing it), until `stop()`.
 */
export function watchProcess(): { stop(): ProcessReport } {
  const report: ProcessReport = {
    unhandledRejections: [],
    uncaughtExceptions: [],
    warnings: [],
    consoleLines: [],
  };
  const onRejection = (reason: unknown) => report.unhandledRejections.push(describe(reason));
  const onException = (error: unknown) => report.uncaughtExceptions.push(describe(error));
  const onWarning = (warning: Error) => report.warnings.push(`${warning.name}: ${warning.message}`);
  process.on('unhandledRejection', onRejection);
  process.on('uncaughtException', onException);
  process.on('warning', onWarning);
  const originals = CONSOLE_METHODS.map((name) => [name, console[name]] as const);
  for (const [name, original] of originals) {
    console[name] = (...args: unknown[]) => {
      report.consoleLines.push(format(...args));
      original.apply(console, args);
    };
  }
  return {
    stop: () => {
      process.off('unhandledRejection', onRejection);
      process.off('uncaughtException', onException);
      process.off('warning', onWarning);
      for (const [name, original] of originals) console[name] = original;
      return report;
    },
  };
}

function describe(value: unknown): string {
  return value instanceof Error ? `${value.name}: ${value.message}` : format(value);
}
