/** A positive integer from the environment (e.g. `BENCH_N=200` for a quick run), or the default. */
export function intFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1)
    throw new Error(`${name} must be a positive integer, got ${JSON.stringify(raw)}.`);
  return value;
}

/** The command that reproduces this run: the `BENCH_*` variables that were set, then `npx tsx <script>`. */
export function reproduceCommand(script: string): string {
  const vars = Object.entries(process.env)
    .filter(([name]) => name.startsWith('BENCH_'))
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, value]) => `${name}=${value}`);
  return [...vars, 'npx tsx', script].join(' ');
}
