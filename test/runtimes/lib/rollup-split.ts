import { nodeResolve } from '@rollup/plugin-node-resolve';
import { type OutputChunk, rollup } from 'rollup';

/** A Rollup browser build of one entry, its chunks split by when a page loads them. */
export interface RollupSplit {
  /** The entry chunk and every chunk it imports statically, however deep: the first load. */
  readonly first: OutputChunk[];
  /** Every other chunk, each fetched by an import() on first use. */
  readonly lazy: OutputChunk[];
  readonly warnings: string[];
}

/** Builds `entry` as an app's Rollup (or Vite ≤ 7) build would, resolving `chatwire` to this repo's build. */
export async function rollupSplit(entry: string): Promise<RollupSplit> {
  const warnings: string[] = [];
  const bundle = await rollup({
    input: entry,
    plugins: [nodeResolve({ browser: true })],
    onwarn: (warning) => warnings.push(`${warning.code}: ${warning.message}`),
  });
  const { output } = await bundle.generate({ format: 'es' }).finally(() => bundle.close());
  const chunks = new Map(
    output.filter((file): file is OutputChunk => file.type === 'chunk').map((c) => [c.fileName, c]),
  );
  const first = new Set<string>();
  const pending = [...chunks.values()].filter((c) => c.isEntry).map((c) => c.fileName);
  for (let name = pending.pop(); name !== undefined; name = pending.pop()) {
    if (first.has(name)) continue;
    first.add(name);
    pending.push(...(chunks.get(name)?.imports ?? []));
  }
  const all = [...chunks.values()];
  return {
    first: all.filter((chunk) => first.has(chunk.fileName)),
    lazy: all.filter((chunk) => !first.has(chunk.fileName)),
    warnings,
  };
}
