#!/usr/bin/env node
// `make bench`: the widget's size against its budget, and its startup against the same
// page with the intro as static HTML (issue #8). Run after `make dist`.
//
// Sizes: scripts/sizes.mjs (raw, gzip -9, brotli 11 per shipped file; first load = the
// loader, which carries the CSS, plus the wasm).
//
// Startup: bench/widget.html (an article with <knee-check>) against bench/baseline.html
// (the same article, with the widget's intro as static HTML styled by the same
// stylesheet), served by scripts/serve.mjs on 127.0.0.1 beside dist/ (at /bench/), with
// brotli as a CDN would send it, loaded in Debian's headless Chromium through
// Playwright. Rounds alternate which page goes first; every load gets a fresh browser
// context, the HTTP cache disabled and the CPU slowed 4x (CDP
// Emulation.setCPUThrottlingRate). Per load:
//   ready     - the first animation frame with the intro's heading in the document
//               (bench/probe.js; in the widget's shadow root), ms since navigation start;
//   interactive - the first frame with the heading there, the wasm instantiated and its
//               own intro in place of the one drawn at build time
//               (the baseline: the same as ready);
//   shift     - the layout shift the page accrued by then (CLS; the article goes on
//               below the widget, so a widget that grows as it starts moves it);
//   bytes     - bytes transferred (encoded, as on the wire) until then;
//   fcp       - first contentful paint;
//   click     - element.click() on Start to the first animation frame showing the next
//               screen (the first question); on the baseline the button does nothing,
//               so its figure is the frame-wait floor;
//   js heap   - CDP Runtime.getHeapUsage after a garbage collection;
//   wasm      - the wasm instance's memory, buffer byteLength.
// Once per run, below.html (made from bench/widget.html: the widget after some forty paragraphs, far below the
// fold) is loaded and left alone until the network is idle: the bytes a reader who
// never scrolls to the widget transfers, against the baseline page's.
// Reported: medians (with quartiles), and per round the ready ratio widget/baseline,
// with its median, quartiles, min and max. The JSON report is written to
// target/bench/bench-<time>.json and target/bench/latest.json.
//
// Exits 1 when the size budget is exceeded (after the benchmark), 2 on a harness error.
// Options: --rounds N (default 21, at least 21 unless --quick), --throttle 4, --quick.

import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import { startServer } from './serve.mjs';
import { formatSizes, measureSizes } from './sizes.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values: args } = parseArgs({
  options: {
    rounds: { type: 'string', default: '21' },
    throttle: { type: 'string', default: '4' },
    quick: { type: 'boolean', default: false },
    dist: { type: 'string', default: join(root, 'dist') },
  },
});
const rounds = Number(args.rounds);
const throttle = Number(args.throttle);
if (!Number.isInteger(rounds) || rounds < 1 || (rounds < 21 && !args.quick)) {
  console.error('bench: --rounds must be a whole number, at least 21 (or pass --quick)');
  process.exit(2);
}

const outDir = join(root, 'target', 'bench');
const site = join(outDir, 'site');
mkdirSync(site, { recursive: true });

// 1. Sizes.
const sizes = measureSizes(args.dist);
console.log('bench: sizes');
console.log(formatSizes(sizes));

// 2. The benchmark pages, their {{asset}} names filled in from the manifest.
const manifest = JSON.parse(readFileSync(join(args.dist, 'manifest.json'), 'utf8'));
for (const name of ['widget.html', 'baseline.html']) {
  const page = readFileSync(join(root, 'bench', name), 'utf8').replace(/\{\{([\w.-]+)\}\}/g, (_, asset) => {
    const entry = manifest.files[asset];
    if (!entry) throw new Error(`bench/${name} names unknown asset ${asset}`);
    return entry.file;
  });
  writeFileSync(join(site, name), page);
}
// below.html: the widget page with forty more paragraphs before the widget, so it sits
// far below the fold (made here, not kept as a near-copy of widget.html).
const filler = '<p>More of the article, before the reader gets anywhere near the self-check.</p>\n'.repeat(40);
writeFileSync(
  join(site, 'below.html'),
  readFileSync(join(site, 'widget.html'), 'utf8').replace('<knee-check', `${filler}<knee-check`),
);
for (const name of ['probe.js', 'article.css']) copyFileSync(join(root, 'bench', name), join(site, name));

const server = await startServer({ root: args.dist, port: 0, mounts: { '/bench/': site } });
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
    '--enable-precise-memory-info',
  ],
});

const chromiumVersion = browser.version();

/** One cold load of a page: fresh context, no cache, CPU throttled. */
async function load(kind) {
  const context = await browser.newContext({ viewport: { width: 1000, height: 900 } });
  try {
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    const cdp = await context.newCDPSession(page);
    const transferred = countBytes(cdp);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
    await page.goto(`${server.url}bench/${kind}.html`);
    await page.waitForFunction(() => window.__bench.interactive !== null, null, { timeout: 60_000 });
    const timing = await page.evaluate(() => ({
      ready: window.__bench.ready,
      interactive: window.__bench.interactive,
      shift: window.__bench.layoutShift,
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
      wasmMemory: window.__bench.wasmMemory?.buffer.byteLength ?? null,
    }));
    timing.bytes = transferred.total();
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = await cdp.send('Runtime.getHeapUsage');
    const click = await page.evaluate(async () => {
      const host = document.querySelector('knee-check');
      const scope = host ? window.__bench.shadows[0] : document;
      const button = scope.querySelector('.kc-intro button');
      const moved = () => !scope.querySelector('.kc-intro');
      const t0 = performance.now();
      button.click();
      // The first frame that shows the next screen; the baseline never moves on, so it
      // reports its first frame.
      for (let frame = 0; frame < 60; frame += 1) {
        const t = await new Promise((done) => requestAnimationFrame(() => done(performance.now())));
        if (moved() || !host) return { ms: t - t0, moved: moved() };
      }
      return { ms: null, moved: false };
    });
    if (kind === 'widget' && !click.moved) throw new Error('widget: Start did not lead to a question');
    if (errors.length) throw new Error(`${kind}: page errors: ${errors.join('; ')}`);
    return { ...timing, click: click.ms, jsHeap: heap.usedSize };
  } finally {
    await context.close();
  }
}

/** Sums the encoded (on the wire) bytes of every finished response on a CDP session. */
function countBytes(cdp) {
  let total = 0;
  cdp.on('Network.loadingFinished', (event) => {
    total += event.encodedDataLength;
  });
  return { total: () => total };
}

/** A page that never scrolls to the widget: the bytes it transfers until the network is idle. */
async function neverScrolled(kind) {
  const context = await browser.newContext({ viewport: { width: 1000, height: 900 } });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    const transferred = countBytes(cdp);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await page.goto(`${server.url}bench/${kind}.html`, { waitUntil: 'networkidle' });
    return { bytes: transferred.total(), wasm: await page.evaluate(() => window.__bench.wasmAt !== null) };
  } finally {
    await context.close();
  }
}

const samples = { widget: [], baseline: [] };
let below;
let belowBaseline;
const ratios = [];
try {
  // One unmeasured load of each warms the server and the browser process.
  await load('widget');
  await load('baseline');
  for (let round = 0; round < rounds; round += 1) {
    const order = round % 2 === 0 ? ['widget', 'baseline'] : ['baseline', 'widget'];
    const result = {};
    for (const kind of order) result[kind] = await load(kind);
    samples.widget.push(result.widget);
    samples.baseline.push(result.baseline);
    ratios.push(result.widget.ready / result.baseline.ready);
    process.stdout.write(`\rbench: round ${round + 1}/${rounds}`);
  }
  process.stdout.write('\n');
  below = await neverScrolled('below');
  belowBaseline = await neverScrolled('baseline');
} catch (error) {
  console.error(`\nbench: error: ${error.message}`);
  await browser.close();
  await server.close();
  process.exit(2);
}
await browser.close();
await server.close();

function stats(values) {
  const v = values.filter((x) => x !== null && Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return null;
  const at = (q) => {
    const i = (v.length - 1) * q;
    const lo = Math.floor(i);
    return v[lo] + (v[Math.min(lo + 1, v.length - 1)] - v[lo]) * (i - lo);
  };
  return { median: at(0.5), q1: at(0.25), q3: at(0.75), min: v[0], max: v[v.length - 1], n: v.length };
}

const metrics = ['ready', 'interactive', 'shift', 'bytes', 'fcp', 'click', 'jsHeap', 'wasmMemory'];
const summary = {};
for (const kind of ['widget', 'baseline']) {
  summary[kind] = Object.fromEntries(metrics.map((m) => [m, stats(samples[kind].map((s) => s[m]))]));
}
summary.readyRatio = stats(ratios);

const ms = (s) => (s ? `${s.median.toFixed(1)} ms (IQR ${s.q1.toFixed(1)}-${s.q3.toFixed(1)})` : 'n/a');
const kib = (s) => (s ? `${(s.median / 1024).toFixed(0)} KiB` : 'n/a');
const kb = (s) => (s ? `${(s.median / 1000).toFixed(1)} KB` : 'n/a');
const cls = (s) => (s ? `${s.median.toFixed(3)} (max ${s.max.toFixed(3)})` : 'n/a');
console.log(`bench: startup, ${rounds} rounds, CPU ${throttle}x slower, cache disabled, medians`);
console.log(`  ${''.padEnd(24)}${'widget'.padEnd(34)}baseline (static intro)`);
for (const [label, m, f] of [
  ['ready (intro heading)', 'ready', ms],
  ['interactive (wasm on)', 'interactive', ms],
  ['layout shift', 'shift', cls],
  ['bytes transferred', 'bytes', kb],
  ['first contentful paint', 'fcp', ms],
  ['click Start -> frame', 'click', ms],
  ['JS heap after load', 'jsHeap', kib],
  ['wasm memory', 'wasmMemory', kib],
]) {
  console.log(`  ${label.padEnd(24)}${f(summary.widget[m]).padEnd(34)}${f(summary.baseline[m])}`);
}
const r = summary.readyRatio;
console.log(
  `  ready ratio widget/baseline per round: median ${r.median.toFixed(2)}x, IQR ${r.q1.toFixed(2)}-${r.q3.toFixed(2)}, min ${r.min.toFixed(2)}, max ${r.max.toFixed(2)}`,
);

console.log(
  `  never scrolled to (widget far below the fold): ${(below.bytes / 1000).toFixed(1)} KB transferred` +
    ` (wasm ${below.wasm ? 'fetched and started' : 'not fetched'}); the static baseline page: ${(belowBaseline.bytes / 1000).toFixed(1)} KB`,
);

const report = {
  date: new Date().toISOString(),
  chromium: chromiumVersion,
  rounds,
  cpuThrottle: throttle,
  definitions: {
    ready: 'first requestAnimationFrame after the intro heading is in the document (widget: in its shadow root), ms since navigation start',
    interactive: 'first requestAnimationFrame with the heading present, the wasm instantiated and its own intro in place of the drawn one (baseline: as ready), ms since navigation start',
    shift: 'sum of layout-shift entries without recent input until interactive (CLS)',
    bytes: 'encoded bytes of every response until interactive (brotli where accepted)',
    neverScrolled: 'bench/below.html, widget far below the fold, loaded until network idle: encoded bytes',
    fcp: 'first-contentful-paint entry, ms since navigation start',
    click: 'button.click() on Start to the first animation frame showing the next screen (baseline: first frame)',
    jsHeap: 'CDP Runtime.getHeapUsage usedSize after HeapProfiler.collectGarbage, bytes',
    wasmMemory: 'the wasm instance memory buffer byteLength after load, bytes',
  },
  sizes,
  summary,
  neverScrolled: { widget: below, baseline: belowBaseline },
  ratios,
  samples,
};
const stamp = report.date.replace(/[:.]/g, '-');
writeFileSync(join(outDir, `bench-${stamp}.json`), `${JSON.stringify(report, null, 2)}\n`);
writeFileSync(join(outDir, 'latest.json'), `${JSON.stringify(report, null, 2)}\n`);
console.log(`bench: report in target/bench/bench-${stamp}.json`);
if (!sizes.ok) {
  for (const failure of sizes.failures) console.error(`bench: over budget: ${failure}`);
  process.exit(1);
}
