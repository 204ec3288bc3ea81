// Knowledge-base import in real IndexedDB (Debian's Chromium, headless): bundles importPack +
// KnowledgeDb + generateSyntheticPack for the browser, serves it on 127.0.0.1, generates the 100k
// synthetic pack in the page, imports it 3 times (fresh database each) and times a 500-alias lookup
// (findByAliasKeys) 7 times with the alias index in memory, and 5 times "cold", each on a new connection
// that must load it first. Never downloads a browser.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const CHROME = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const COUNT = Number(process.env.KB_COUNT ?? 100_000);
const RUNS = Number(process.env.KB_IMPORT_RUNS ?? 3);
if (!fs.existsSync(CHROME)) {
  console.log(`kb-browser: skipped (${CHROME} not found)`);
  process.exit(0);
}
const { chromium } = await import('playwright-core');
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const built = await esbuild.build({
  stdin: {
    contents: `
      export { KnowledgeDb } from './src/core/kb/db';
      export { importPack } from './src/core/kb/import';
      export { aliasKey } from './src/core/kb/normalize';
      export { findByAliasKeys, lookupAliases, allMatcherEntities } from './src/core/kb/queries';
      export { generateSyntheticPack } from './src/core/pack/synthetic';`,
    resolveDir: root,
    loader: 'ts',
  },
  bundle: true,
  platform: 'browser',
  format: 'iife',
  globalName: 'KB',
  target: 'chrome120',
  write: false,
  logLevel: 'warning',
});
const bundle = built.outputFiles[0].text;
const html = '<!doctype html><meta charset="utf-8"><title>kb bench</title><script src="/kb.js"></script>';
const server = http.createServer((req, res) => {
  if (req.url === '/kb.js') return res.writeHead(200, { 'content-type': 'text/javascript' }).end(bundle);
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const origin = `http://127.0.0.1:${server.address().port}`;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (ms) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`);
const runs = (xs) => {
  const s = median(xs) >= 1000;
  return `runs [${xs.map((x) => (s ? (x / 1000).toFixed(2) : x.toFixed(1))).join(', ')}]${s ? ' s' : ' ms'}`;
};
const line = (what, xs) => console.log(`kb  ${what.padEnd(44)} median ${fmt(median(xs)).padStart(9)}  ${runs(xs)}`);

const browser = await chromium.launch({ executablePath: CHROME, headless: true, args: ['--no-sandbox'] });
try {
  const page = await browser.newPage();
  page.on('pageerror', (e) => console.error('page error:', e.message));
  await page.goto(origin);
  const version = browser.version();
  const r = await page.evaluate(
    async ({ COUNT, RUNS }) => {
      const KB = globalThis.KB;
      const out = { gen: 0, imports: [], hits: [], hitsCold: [], hitCount: 0, warm: [], cold: [], matcher: [], rows: 0 };
      let t = performance.now();
      const pack = KB.generateSyntheticPack(COUNT, 1);
      out.gen = performance.now() - t;
      const keys = [];
      for (let i = 0; i < 500; i++) {
        const e = pack.entities[Math.floor((i * pack.entities.length) / 500)];
        keys.push(KB.aliasKey(e.aliases[i % e.aliases.length] ?? e.name));
      }
      let db;
      for (let i = 0; i < RUNS; i++) {
        if (db) {
          db.close();
          await db.delete();
        }
        db = new KB.KnowledgeDb(`kb-bench-${Date.now()}-${i}`);
        await db.open();
        t = performance.now();
        await KB.importPack(db, pack);
        out.imports.push(performance.now() - t);
      }
      for (let i = 0; i < 7; i++) {
        t = performance.now();
        const hits = await KB.lookupAliases(db, keys);
        out.hits.push(performance.now() - t);
        out.hitCount = [...hits.values()].reduce((s, h) => s + h.length, 0);
      }
      for (let i = 0; i < 5; i++) {
        const fresh = new KB.KnowledgeDb(db.name);
        await fresh.open();
        t = performance.now();
        await KB.lookupAliases(fresh, keys);
        out.hitsCold.push(performance.now() - t);
        fresh.close();
      }
      for (let i = 0; i < 7; i++) {
        t = performance.now();
        const found = await KB.findByAliasKeys(db, keys);
        out.warm.push(performance.now() - t);
        out.rows = [...found.values()].reduce((s, rows) => s + rows.length, 0);
      }
      for (let i = 0; i < 5; i++) {
        const fresh = new KB.KnowledgeDb(db.name);
        await fresh.open();
        t = performance.now();
        await KB.findByAliasKeys(fresh, keys);
        out.cold.push(performance.now() - t);
        fresh.close();
      }
      for (let i = 0; i < 3; i++) {
        t = performance.now();
        await KB.allMatcherEntities(db);
        out.matcher.push(performance.now() - t);
      }
      db.close();
      await db.delete();
      return out;
    },
    { COUNT, RUNS },
  );
  const label = COUNT >= 1000 ? `${COUNT / 1000}k` : String(COUNT);
  console.log(`kb-browser: Chromium ${version}, headless, real IndexedDB, ${label} synthetic entities`);
  line(`generate ${label} synthetic pack (in page)`, [r.gen]);
  line(`import ${label} (IndexedDB, Chromium)`, r.imports);
  line(`lookup 500 aliases → entities (lookupAliases)`, r.hits);
  line(`  cold (index loaded first)`, r.hitsCold);
  console.log(`kb    (${r.hitCount} entities for 500 keys)`);
  line(`lookup 500 aliases → full rows (findByAliasKeys)`, r.warm);
  line(`  cold (index loaded first)`, r.cold);
  console.log(`kb    (${r.rows} rows for 500 keys)`);
  line(`allMatcherEntities ${label}`, r.matcher);
} finally {
  await browser.close();
  server.close();
}
