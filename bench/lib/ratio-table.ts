import type { LoadSample } from './run-load.js';
import { median, spread } from './stats.js';

export interface ModeResult {
  readonly label: string;
  /** Samples per contender, in display order; the first is the baseline the ratios divide by. */
  readonly samples: ReadonlyMap<string, readonly LoadSample[]>;
}

interface Row {
  name: string;
  wall: number;
  wallSpread: number;
  cpu: number;
}

/** The per-mode table (median of rounds, ratio to the baseline) followed by one summary line per mode. */
export function formatRatioTable(modes: readonly ModeResult[]): string {
  const baseName = modes[0]?.samples.keys().next().value ?? 'base';
  const header = ['mode', 'client', 'µs/req', `× ${baseName}`, '± rounds', 'CPU µs/req', 'CPU ×'];
  const lines: string[][] = [];
  const summaries: string[] = [];
  for (const mode of modes) {
    const rows = [...mode.samples].map(([name, samples]) => summarise(name, samples));
    const base = rows[0];
    if (!base) continue;
    rows.forEach((row, index) => {
      lines.push([
        index === 0 ? mode.label : '',
        row.name,
        row.wall.toFixed(1),
        ratio(row.wall, base.wall),
        `${(row.wallSpread * 100).toFixed(1)}%`,
        row.cpu.toFixed(1),
        ratio(row.cpu, base.cpu),
      ]);
    });
    const others = rows.slice(1).map((row) => `${row.name} ${ratio(row.wall, base.wall)}`);
    summaries.push(
      `${mode.label.padEnd(16)} ${base.name} ${base.wall.toFixed(1)} µs/req   ${others.join('   ')}`,
    );
  }
  return [...layout([header, ...lines]), '', ...summaries].join('\n');
}

function summarise(name: string, samples: readonly LoadSample[]): Row {
  const wall = samples.map((s) => s.wallMicros);
  return { name, wall: median(wall), wallSpread: spread(wall), cpu: median(samples.map((s) => s.cpuMicros)) };
}

function ratio(value: number, base: number): string {
  return `${(value / base).toFixed(2)}×`;
}

// Text columns left-aligned, numeric ones right-aligned, with a rule under the header.
function layout(rows: readonly string[][]): string[] {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length)));
  const render = (row: readonly string[]) =>
    row
      .map((cell, column) => (column < 2 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!)))
      .join('  ')
      .trimEnd();
  const [header, ...body] = rows;
  return [render(header!), widths.map((w) => '─'.repeat(w)).join('  '), ...body.map(render)];
}
