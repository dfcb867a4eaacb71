// Prints "N passed, N failed" from vitest's JSON report, and exits non-zero when anything failed
// or the run never reached vitest (type errors, lint, build).
import { existsSync, readFileSync } from 'node:fs';

const [reportPath = '.vitest-report.json', exitCode = '0'] = process.argv.slice(2);

if (!existsSync(reportPath)) {
  console.log(`no test report: a step before the tests failed (exit ${exitCode})`);
  console.log('0 passed, 1 failed');
  process.exit(1);
}

const report = JSON.parse(readFileSync(reportPath, 'utf8'));
const passed = report.numPassedTests ?? 0;
// A file that could not even load has no assertions: count it, or a syntax error would look green.
const brokenFiles = (report.testResults ?? []).filter(
  (file) => file.status === 'failed' && (file.assertionResults ?? []).length === 0,
);
for (const file of brokenFiles)
  console.log(`failed to run: ${file.name}: ${String(file.message ?? '').split('\n')[0]}`);
let failed = (report.numFailedTests ?? 0) + brokenFiles.length;
// vitest also fails a run for unhandled errors outside any test; never report such a run as green.
if (failed === 0 && exitCode !== '0') {
  console.log(`vitest exited with ${exitCode} (unhandled error outside a test?)`);
  failed = 1;
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
