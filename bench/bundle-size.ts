// Browser bundle size of one streamed chat: chatwire (the built ESM) against openai-node.
// Run: npm run build && npx tsx bench/bundle-size.ts
// Each entry: esbuild --bundle --minify --format=esm --platform=browser, then gzip -9.
// "first load" leaves each import() out, as a code-splitting bundler (Vite, webpack, Rollup) puts
// it in a chunk fetched on first use; "one file" inlines everything (a worker, no splitting).
// A last line builds the same page with Rollup itself and measures the chunks it loads up front.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, type Metafile } from 'esbuild';
import { lazyImportsExternal } from '../test/runtimes/lib/lazy-imports-external.js';
import { ownCodeFloor } from './lib/floor-plugins.js';
import { ofetchAsBareFetch } from './lib/ofetch-as-bare-fetch.js';
import { rollupFirstLoad } from './lib/rollup-first-load.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const chatwire = `chatwire@${readVersion('package.json')}`;
const entries = [
  { label: `${chatwire} first load`, entry: 'test/runtimes/bundles/streamed-chat.js', split: true },
  {
    // Not a build we ship: what the first load would weigh if the transport called fetch itself.
    label: '  same, ofetch as bare fetch',
    entry: 'test/runtimes/bundles/streamed-chat.js',
    split: true,
    bareFetch: true,
  },
  {
    // Not a build we ship either: ofetch and eventsource-parser weighing nothing, one dialect.
    label: '  floor: own code, one dialect',
    entry: 'test/runtimes/bundles/streamed-chat.js',
    split: true,
    floor: true,
  },
  { label: `${chatwire} one file`, entry: 'test/runtimes/bundles/streamed-chat.js', split: false },
  {
    label: `openai@${readVersion('node_modules/openai/package.json')}`,
    entry: 'test/runtimes/bundles/openai-streamed-chat.js',
    split: false, // it has no import(): its first load is the whole bundle
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
for (const { label, entry, split, ...how } of entries) {
  const bareFetch = 'bareFetch' in how && how.bareFetch;
  const floor = 'floor' in how && how.floor;
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
    plugins: [
      ...(split ? [lazyImportsExternal] : []),
      ...(bareFetch ? [ofetchAsBareFetch] : []),
      ...(floor ? [ownCodeFloor(`${root}src/index.ts`)] : []),
    ],
  });
  const code = result.outputFiles[0]?.contents ?? new Uint8Array();
  measured.push({
    label,
    minified: code.byteLength,
    gzip: gzipSync(code, { level: 9 }).byteLength,
    metafile: result.metafile,
  });
}

const [ours, oursBare, floor, oursWhole, theirs] = measured as [
  Measured,
  Measured,
  Measured,
  Measured,
  Measured,
];
const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;
console.log('createClient + one streamed chat, browser ESM bundle (KB = 1000 bytes)\n');
console.log(`${'bundle'.padEnd(30)}${'minified'.padStart(11)}${'gzip -9'.padStart(11)}`);
for (const row of measured)
  console.log(`${row.label.padEnd(30)}${kb(row.minified).padStart(11)}${kb(row.gzip).padStart(11)}`);
const ratio = (a: Measured) =>
  `${(a.gzip / theirs.gzip).toFixed(2)} (openai is ${(theirs.gzip / a.gzip).toFixed(2)}×)`;
console.log(`\nratio chatwire / openai (gzip): first load ${ratio(ours)}, one file ${ratio(oursWhole)}`);
console.log(
  `ofetch (with ufo and destr) costs the first load ${kb(ours.gzip - oursBare.gzip)} gzip: on this path it only calls fetch.`,
);
console.log(
  `With both dependencies weighing nothing and the openai dialect alone, our first-load code is ${kb(floor.gzip)} gzip (built from src/).`,
);
const viaRollup = await rollupFirstLoad(`${root}test/runtimes/bundles/streamed-chat.js`);
console.log(
  `\n${chatwire} first load built by Rollup 4 (Vite's production bundler before Vite 8), chunks` +
    ` minified by esbuild: ${viaRollup.files} files, ${kb(viaRollup.minified)} minified,` +
    ` ${kb(viaRollup.gzip)} gzip as one stream, ${kb(viaRollup.gzipPerFile)} gzip file by file.`,
);
console.log(`\nchatwire first load by source (minified bytes before gzip):`);
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
