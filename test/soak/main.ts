// The full soak as a standalone process (`npm run test:soak` starts it through launch.ts):
// prints the report, sets a non-zero exit code on any violation, and must then exit by itself.
import { configFromEnv } from './config.js';
import { failures, formatReport, formatViolations } from './report.js';
import { runSoak } from './soak.js';

export const END_MARKER = 'chatwire soak: end of run';
const HEAP_LIMIT_MB = Number(process.env.SOAK_HEAP_LIMIT_MB ?? 8);

const out = (text: string) => process.stdout.write(`${text}\n`);
const config = configFromEnv(process.env, { calls: 10_000, concurrency: 64, vendors: 'child-process' });
const replay = `SOAK_SEED=${config.seed} npm run test:soak`;
out(`chatwire soak: seed ${config.seed} (replay: ${replay})`);

const report = await runSoak(config);
out(formatReport(report));
if (report.violations.length > 0)
  out(`\nwrong endings (first ${report.violations.length}):\n${formatViolations(report)}`);
const problems = failures(report, HEAP_LIMIT_MB * 1024 * 1024);
out(
  problems.length === 0
    ? '\nPASSED'
    : `\nFAILED (seed ${config.seed}; replay: ${replay}):\n- ${problems.join('\n- ')}`,
);
if (problems.length > 0) process.exitCode = 1;
out(END_MARKER);

// Nothing may keep the process alive now. If something does, say what, then give up.
setTimeout(() => {
  out(
    `chatwire soak: still alive 3 s after the end; active resources: ${process.getActiveResourcesInfo().join(', ')}`,
  );
  process.exit(3);
}, 3_000).unref();
