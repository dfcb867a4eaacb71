import { copyFile, mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { PageReport } from '../entries/browser-entry.js';
import { bundleEntry, entryPath } from '../lib/bundle.js';
import { ensureChromium } from '../lib/chromium.js';
import { type Outcome, stepNames, variantFailures } from '../lib/outcome.js';
import { serveFolder } from '../lib/static-server.js';
import { streamIntervalMs, streamPieces } from '../scenario/script.js';
import { checkServerSide } from '../scenario/server-checks.js';
import { startVendors } from '../scenario/vendors.js';
import type { Host, Target } from './target.js';

const flags = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Debian's Chromium loads a page bundled from the ESM build. The page is served from one
 * loopback port and calls the mock vendor on another, so every request is cross-origin.
 */
export const chromiumTarget: Target = {
  name: 'chromium',
  prepare: async () => {
    const browser = await ensureChromium();
    const label = `chromium@${browser.version}  esm bundle (code-split), cross-origin`;
    return { label, run: (host) => runPage(host, browser.binary, label) };
  },
};

const runPage = async (host: Host, executablePath: string, label: string): Promise<Outcome> => {
  const started = performance.now();
  const pageDir = join(host.consumerDir, 'page');
  await mkdir(pageDir, { recursive: true });
  await copyFile(entryPath('index.html'), join(pageDir, 'index.html'));
  await bundleEntry({
    entry: entryPath('browser-entry.ts'),
    outfile: join(pageDir, 'page.js'),
    format: 'esm',
    platform: 'browser',
    consumerDir: host.consumerDir,
    chatwire: 'bundled',
    splitting: true,
  });
  // The upload step needs code the page loads on first use: it must come as a chunk of its own.
  const chunks = (await readdir(pageDir)).filter((name) => name.endsWith('.js') && name !== 'page.js');
  const uploadCode = async (name: string) =>
    (await readFile(join(pageDir, name), 'utf8')).includes('form-data; name=');
  const uploadChunks: string[] = [];
  for (const name of chunks) if (await uploadCode(name)) uploadChunks.push(name);
  const vendors = await startVendors(host.kit);
  const site = await serveFolder(pageDir);
  const profile = await mkdtemp(join(tmpdir(), 'chatwire-chromium-'));
  const failures: string[] = [];
  let passed = '';
  try {
    const context = await chromium.launchPersistentContext(profile, {
      executablePath,
      headless: true,
      args: flags,
      viewport: { width: 960, height: 540 },
    });
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      const pageErrors: string[] = [];
      const chunksLoaded = new Set<string>();
      page.on('request', (request) => {
        const name = new URL(request.url()).pathname.slice(1);
        if (chunks.includes(name)) chunksLoaded.add(name);
      });
      page.on('pageerror', (error) => pageErrors.push(error.message));
      page.on('console', (message) => {
        if (message.type() === 'error') pageErrors.push(message.text());
      });
      const query = new URLSearchParams({ vendors: JSON.stringify(vendors.urls) });
      await page.goto(`${site.origin}/index.html?${query}`);
      await page.waitForSelector('body[data-done]', { timeout: 30_000 });
      await mkdir(host.artifactsDir, { recursive: true });
      await page.screenshot({ path: join(host.artifactsDir, 'chromium.png'), fullPage: true });
      const report = JSON.parse((await page.textContent('#result')) ?? '{}') as
        | PageReport
        | { crashed: string };
      if ('crashed' in report) throw new Error(`the page crashed: ${report.crashed}`);
      failures.push(
        ...variantFailures(
          'page',
          report.result,
          await checkServerSide(vendors, { pageOrigin: site.origin }),
        ),
      );
      failures.push(...streamingProblems(report.textUpdates));
      if (chunksLoaded.size === 0)
        failures.push(`no lazy chunk was loaded (built: ${chunks.join(', ') || 'none'})`);
      // A failed fetch already shows in its step; page errors explain why (e.g. a CORS refusal).
      if (failures.length > 0 && pageErrors.length > 0)
        failures.push(`console: ${pageErrors.slice(0, 2).join(' | ')}`);
      passed =
        `${stepNames(report.result)}, DOM streamed, upload code fetched as a chunk on first use; ` +
        'screenshot artifacts/runtimes/chromium.png';
    } finally {
      await context.close();
    }
  } catch (error) {
    failures.push(error instanceof Error ? (error.message.split('\n')[0] ?? error.message) : String(error));
  } finally {
    await Promise.all([vendors.close(), site.close(), rm(profile, { recursive: true, force: true })]);
  }
  const ok = failures.length === 0;
  return { ok, label, detail: ok ? passed : failures.join('; '), ms: performance.now() - started };
};

/** The DOM got one update per delta, spread over the stream's duration rather than in one burst. */
const streamingProblems = (updates: readonly number[]): string[] => {
  if (updates.length !== streamPieces.length) {
    return [`the DOM got ${updates.length} streamed updates, expected ${streamPieces.length}`];
  }
  const spread = (updates.at(-1) ?? 0) - (updates[0] ?? 0);
  // Five gaps of 40 ms between first and last delta; half of that still rules out one burst.
  const minimum = ((streamPieces.length - 1) * streamIntervalMs) / 2;
  return spread >= minimum ? [] : [`streamed text reached the DOM in a burst (${spread.toFixed(0)} ms)`];
};
