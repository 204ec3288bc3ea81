// Real-Chromium page benchmark (issue #5): script start → highlights on the seed article and on the
// 20,000-word page, for both painters (CSS Custom Highlight API vs wrapper elements), with the starter
// pack alone and with a synthetic 100k-entity pack installed; long tasks; hover → popover latency.
// Medians of RUNS page loads each. Needs `npm run build` first and /usr/bin/chromium.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import http from 'node:http';
import * as esbuild from 'esbuild';
import { chromium } from 'playwright-core';

const RUNS = Number(process.env.RUNS ?? 5);
const CHROME = process.env.CHROME_PATH ?? '/usr/bin/chromium';
if (!fs.existsSync(CHROME) || !fs.existsSync('dist/chrome/manifest.json')) {
  console.log('page-browser: skipped (needs /usr/bin/chromium and `npm run build`)');
  process.exit(0);
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fixtures = path.resolve('test/fixtures');
const server = http.createServer((req, res) => {
  const file = path.join(fixtures, new URL(req.url, 'http://x').pathname);
  if (!file.startsWith(fixtures) || !fs.existsSync(file)) return res.writeHead(404).end();
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  fs.createReadStream(file).pipe(res);
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const origin = `http://127.0.0.1:${server.address().port}`;

const ext = path.resolve('dist/chrome');
const userDir = fs.mkdtempSync(path.join(os.tmpdir(), 'co-bench-'));
const context = await chromium.launchPersistentContext(userDir, {
  executablePath: CHROME,
  headless: true,
  viewport: { width: 1280, height: 900 },
  ignoreDefaultArgs: ['--disable-extensions'],
  args: [`--disable-extensions-except=${ext}`, `--load-extension=${ext}`, '--no-sandbox', '--disable-gpu', '--no-first-run'],
});
let [sw] = context.serviceWorkers();
sw ??= await context.waitForEvent('serviceworker');
const extId = new URL(sw.url()).host;

async function setSettings(patch) {
  await sw.evaluate(async (p) => {
    const { settings } = await chrome.storage.sync.get('settings');
    await chrome.storage.sync.set({ settings: { ...(settings ?? { version: 2 }), ...p } });
  }, patch);
}

async function loadOnce(file) {
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.__lt = [];
    new PerformanceObserver((l) => l.getEntries().forEach((e) => window.__lt.push(e))).observe({ type: 'longtask', buffered: true });
  });
  await page.goto(`${origin}/${file}`);
  await page.waitForFunction(() => document.documentElement.getAttribute('data-context-overlays-state')?.startsWith('ready:'), null, { timeout: 60_000 });
  const r = await page.evaluate(() => {
    const s = performance.getEntriesByName('context-overlays:start')[0].startTime;
    const ready = performance.getEntriesByName('context-overlays:ready')[0].startTime;
    const lts = window.__lt.filter((e) => e.startTime >= s);
    return {
      ms: ready - s,
      marks: Number(document.documentElement.getAttribute('data-context-overlays-state').slice(6)),
      longTasks: lts.length,
      maxTask: Math.max(0, ...lts.map((e) => e.duration)),
    };
  });
  await page.close();
  return r;
}

async function series(label, file, patch) {
  await setSettings(patch);
  await loadOnce(file); // warm-up: matcher loaded, caches hot
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(await loadOnce(file));
  const ms = runs.map((r) => r.ms);
  console.log(
    `page  ${label.padEnd(48)} start→highlights median ${median(ms).toFixed(0).padStart(5)} ms  runs [${ms.map((x) => x.toFixed(0)).join(', ')}]  ` +
      `marks ${runs[0].marks}  long tasks ${Math.max(...runs.map((r) => r.longTasks))} (max ${Math.max(...runs.map((r) => r.maxTask)).toFixed(0)} ms)`,
  );
  return median(ms);
}

async function popoverLatency() {
  await setSettings({ keyboardMode: false, hoverDelayMs: 300 });
  const out = [];
  for (let i = 0; i < RUNS; i++) {
    const page = await context.newPage();
    await page.goto(`${origin}/article.html`);
    await page.waitForFunction(() => document.documentElement.getAttribute('data-context-overlays-state')?.startsWith('ready:'));
    const pt = await page.evaluate(() => {
      const w = document.createTreeWalker(document.querySelector('article'), NodeFilter.SHOW_TEXT);
      for (let n = w.nextNode(); n; n = w.nextNode()) {
        const i = n.data.indexOf('Colby Jenkins');
        if (i >= 0) {
          const r = document.createRange();
          r.setStart(n, i);
          r.setEnd(n, i + 5);
          n.parentElement.scrollIntoView({ block: 'center' });
          const b = r.getBoundingClientRect();
          return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
        }
      }
    });
    await page.evaluate(() => {
      document.addEventListener('pointermove', () => (window.__moved = performance.now()), { capture: true });
      new MutationObserver(() => {
        if (!window.__shown && document.querySelector('context-overlays-popover')) {
          window.__shown = performance.now();
          requestAnimationFrame(() => requestAnimationFrame(() => (window.__painted = performance.now())));
        }
      }).observe(document.documentElement, { childList: true });
    });
    await page.mouse.move(pt.x, pt.y);
    await page.waitForFunction(() => window.__painted);
    out.push(await page.evaluate(() => ({ inserted: window.__shown - window.__moved, painted: window.__painted - window.__moved })));
    await page.close();
  }
  const ins = out.map((o) => o.inserted);
  const pai = out.map((o) => o.painted);
  console.log(`page  hover → popover in DOM (300 ms intent)                  median ${median(ins).toFixed(1)} ms  runs [${ins.map((x) => x.toFixed(0)).join(', ')}]`);
  console.log(`page  hover → popover painted (next 2 frames)                 median ${median(pai).toFixed(1)} ms`);
}

console.log(`page  Chromium ${context.browser()?.version() ?? ''} — ${RUNS} runs each, medians`);
await series('seed article, starter pack, highlight painter', 'article.html', { keyboardMode: false });
await series('seed article, starter pack, wrapper painter', 'article.html', { keyboardMode: true });
await series('20k words, starter pack, highlight painter', 'long.html', { keyboardMode: false });
await series('20k words, starter pack, wrapper painter', 'long.html', { keyboardMode: true });
await popoverLatency();

// Install the synthetic 100k-entity pack through the real import path (options page → background).
const synth = await esbuild.build({
  stdin: { contents: "export { generateSyntheticPack } from './src/core/pack/synthetic';", resolveDir: process.cwd(), loader: 'ts' },
  bundle: true, format: 'esm', platform: 'node', write: false,
});
const modUrl = 'data:text/javascript;base64,' + Buffer.from(synth.outputFiles[0].text).toString('base64');
const { generateSyntheticPack } = await import(modUrl);
const text = JSON.stringify(generateSyntheticPack(100_000, 42));
const options = await context.newPage();
await options.goto(`chrome-extension://${extId}/options.html`);
const t0 = Date.now();
// The same route as the options page: pieces of 8M characters (Chrome caps a message at 64 MiB).
const reply = await options.evaluate(async (t) => {
  const send = (type, payload) => chrome.runtime.sendMessage({ channel: 'context-overlays/1', type, payload });
  const uploadId = crypto.randomUUID();
  let index = 0;
  for (let i = 0; i < t.length; i += 8_000_000, index++) await send('importChunk', { uploadId, index, text: t.slice(i, i + 8_000_000) });
  return send('importPack', { uploadId, parts: index, fileName: 'synthetic.json' });
}, text);
console.log(`page  import 100k synthetic pack via the extension (${(text.length / 1e6).toFixed(1)} MB JSON): ${Date.now() - t0} ms, reply ${JSON.stringify(reply).slice(0, 160)}`);
await options.close();
await setSettings({ keyboardMode: false });
await loadOnce('article.html'); // first page after an import rebuilds and stores the matcher
await series('seed article, +100k pack, highlight painter', 'article.html', { keyboardMode: false });
await series('20k words, +100k pack, highlight painter', 'long.html', { keyboardMode: false });

await context.close();
server.close();
fs.rmSync(userDir, { recursive: true, force: true });
