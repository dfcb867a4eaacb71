import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { configFromEnv } from './config.js';
import { failures, formatReport, formatViolations } from './report.js';
import { runSoak } from './soak.js';

// The short soak inside `npm test`: a fixed seed (SOAK_SEED overrides it), vendors in this
// process, and timeouts with room for a machine busy running the rest of the suite in parallel.
// `npm run test:soak` runs the full size with a fresh seed each time.
const CI_SEED = 20_251_127;
const CI_TIMING = { timeout: 3_000, idleTimeout: 1_200 };

describe('seeded chaos soak (short)', () => {
  it('ends every call with its exact answer or the typed error its fault calls for, and leaks nothing', async () => {
    const config = configFromEnv(process.env, {
      calls: 240,
      concurrency: 24,
      vendors: 'in-process',
      seed: CI_SEED,
      timing: CI_TIMING,
    });
    const report = await runSoak(config);
    const problems = failures(report, undefined);
    const detail = `seed ${config.seed}\n${formatReport(report)}\n${formatViolations(report)}`;
    expect(problems, detail).toEqual([]);
    expect(report.lost).toBe(0);
    expect(report.settled).toBe(config.only?.length ?? config.calls);
    // Enough of the plan was faults, and enough of them failed, for the run to mean something.
    expect(report.calls - report.tallies.faults.get('none')).toBeGreaterThan(config.calls / 2);
    expect(report.successes).toBeGreaterThan(config.calls / 3);
  }, 90_000);

  it('runs standalone as `npm run test:soak` does, and the process exits by itself', async () => {
    const launch = fileURLToPath(new URL('./launch.ts', import.meta.url));
    const child = spawn(process.execPath, ['--import', 'tsx', launch], {
      env: { ...process.env, SOAK_CALLS: '30', SOAK_CONCURRENCY: '8', SOAK_SEED: String(CI_SEED) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (data: Buffer) => {
      output += data.toString();
    });
    child.stderr.on('data', (data: Buffer) => {
      output += data.toString();
    });
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(output).toContain('PASSED');
    expect(output).toMatch(/exited by itself \d+ ms after its report/);
    expect(code, output).toBe(0);
  }, 90_000);
});
