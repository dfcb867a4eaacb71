// Browser bundle size of one streamed chat: chatwire (the built ESM) against openai-node.
// Run: npm run build && npx tsx bench/bundle-size.ts
// Each entry: esbuild --bundle --minify --format=esm --platform=browser, then gzip -9.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, type Metafile } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const entries = [
  { name: 'chatwire', entry: 'test/runtimes/bundles/streamed-chat.js', version: readVersion('package.json') },
  {
    name: 'openai',
    entry: 'test/runtimes/bundles/openai-streamed-chat.js',
    version: readVersion('node_modules/openai/package.json'),
  },
] as const;

interface Measured {
  readonly label: string;
  readonly minified: number;
  readonly gzip: number;
  readonly metafile: Metafile;
}

if (!existsSync(`${root}dist/index.js`)) {
  console.error(
    'dist/index.js is missing: run `npm run build` first (the bench measures the built package).',
  );
  process.exit(1);
}

const measured: Measured[] = [];
for (const { name, entry, version } of entries) {
  const result = await build({
    entryPoints: [`${root}${entry}`],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]?.contents ?? new Uint8Array();
  measured.push({
    label: `${name}@${version}`,
    minified: code.byteLength,
    gzip: gzipSync(code, { level: 9 }).byteLength,
    metafile: result.metafile,
  });
}

const [ours, theirs] = measured as [Measured, Measured];
const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;
console.log('createClient + one streamed chat, browser ESM bundle (KB = 1000 bytes)\n');
console.log(`${'package'.padEnd(24)}${'minified'.padStart(11)}${'gzip -9'.padStart(11)}`);
for (const row of measured)
  console.log(`${row.label.padEnd(24)}${kb(row.minified).padStart(11)}${kb(row.gzip).padStart(11)}`);
console.log(
  `\nratio chatwire / openai (gzip): ${(ours.gzip / theirs.gzip).toFixed(2)}  (openai is ${(theirs.gzip / ours.gzip).toFixed(2)}× chatwire)`,
);
console.log(`\nchatwire bundle by source (minified bytes before gzip):`);
for (const [source, bytes] of bySource(ours.metafile))
  console.log(`  ${source.padEnd(40)}${kb(bytes).padStart(10)}`);

function readVersion(path: string): string {
  return (JSON.parse(readFileSync(`${root}${path}`, 'utf8')) as { version: string }).version;
}

/** Output bytes per npm package (or `chatwire` for the built package), largest first. */
function bySource(metafile: Metafile): Array<[string, number]> {
  const totals = new Map<string, number>();
  for (const output of Object.values(metafile.outputs)) {
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      const source = packageOf(input);
      totals.set(source, (totals.get(source) ?? 0) + bytesInOutput);
    }
  }
  return [...totals].sort((a, b) => b[1] - a[1]);
}

function packageOf(input: string): string {
  const inModules = input.split('node_modules/').at(-1) ?? input;
  if (inModules === input) return input.startsWith('dist/') ? 'chatwire (dist)' : input;
  const parts = inModules.split('/');
  return (parts[0]?.startsWith('@') ? parts.slice(0, 2) : parts.slice(0, 1)).join('/');
}
