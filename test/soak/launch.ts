// `npm run test:soak`: runs main.ts in a fresh Node (with --expose-gc, so heap samples follow a
// full collection) and checks that it exits by itself once its report is printed.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const END_MARKER = 'chatwire soak: end of run';
const EXIT_WITHIN_MS = 5_000;
const main = fileURLToPath(new URL('./main.ts', import.meta.url));

const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', main], {
  stdio: ['ignore', 'pipe', 'inherit'],
  env: process.env,
});
let endedAt: number | undefined;
let killer: ReturnType<typeof setTimeout> | undefined;
child.stdout.on('data', (data: Buffer) => {
  process.stdout.write(data);
  if (endedAt === undefined && data.toString().includes(END_MARKER)) {
    endedAt = Date.now();
    killer = setTimeout(() => child.kill('SIGKILL'), EXIT_WITHIN_MS * 2);
  }
});
child.on('exit', (code, signal) => {
  clearTimeout(killer);
  const after = endedAt === undefined ? undefined : Date.now() - endedAt;
  if (after === undefined) {
    process.stdout.write(`soak process ended before finishing its report (code ${code}, signal ${signal})\n`);
    process.exitCode = 1;
  } else if (signal !== null || after > EXIT_WITHIN_MS) {
    process.stdout.write(
      `soak process did not exit by itself (${after} ms after its report; signal ${signal})\n`,
    );
    process.exitCode = 1;
  } else {
    process.stdout.write(`soak process exited by itself ${after} ms after its report (code ${code})\n`);
    process.exitCode = code ?? 1;
  }
});
