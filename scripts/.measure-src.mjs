import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
const r = await build({ stdin: { contents: process.argv[2] ?? `import { createClient } from './src/index.ts';
const client = createClient({ baseURL: '/api/v1', apiKey: 'sk-page', dangerouslyAllowBrowser: true });
const stream = await client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Hello' }], stream: true });
for await (const text of stream.textStream) document.body.append(text);
console.log(await stream.finalCompletion());`, resolveDir: process.cwd(), loader: 'ts' }, bundle: true, minify: true, format: 'esm', platform: 'browser', target: 'es2022', write: false, logLevel: 'silent', metafile: true });
const c = r.outputFiles[0].contents;
console.log('total', c.byteLength, gzipSync(c, { level: 9 }).byteLength);
const rows = [];
for (const o of Object.values(r.metafile.outputs)) for (const [i, { bytesInOutput }] of Object.entries(o.inputs)) rows.push([i.replace(/^.*node_modules\//,'nm:'), bytesInOutput]);
const dirs = {};
for (const [i, b] of rows) { const k = i.startsWith('nm:') ? i.split('/').slice(0,1).join('/') : i.split('/').slice(0,2).join('/'); dirs[k]=(dirs[k]??0)+b; }
console.log(Object.entries(dirs).sort((a,b)=>b[1]-a[1]).map(([k,v])=>k+' '+v).join('\n'));
console.log('---');
console.log(rows.filter(r=>!r[0].startsWith('nm:')).sort((a,b)=>b[1]-a[1]).map(([k,v])=>k+' '+v).join('\n'));
