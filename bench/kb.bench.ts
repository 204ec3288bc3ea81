// Knowledge-base benchmark (node, fake-indexeddb): synthetic 100k pack generation, validation,
// import through importPack (median of 3, fresh database each), a 500-alias lookup (median of 7, with the
// alias index in memory; and "cold", median of 5, each on a new connection that must load it first),
// the matcher's full read, and export. Run with `npm run bench kb` (bench/run.mjs bundles it with esbuild).
// Real-IndexedDB figures come from bench/kb-browser.mjs.
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { KnowledgeDb } from '../src/core/kb/db';
import { exportPack, exportPackJsonl, importPack } from '../src/core/kb/import';
import { aliasKey } from '../src/core/kb/normalize';
import { allMatcherEntities, findByAliasKeys, lookupAliases, searchByPrefix } from '../src/core/kb/queries';
import { parsePackJson } from '../src/core/pack/schema';
import { generateSyntheticPack } from '../src/core/pack/synthetic';

const COUNT = Number(process.env.KB_COUNT ?? 100_000);
const IMPORT_RUNS = Number(process.env.KB_IMPORT_RUNS ?? 3);
const LOOKUP_RUNS = 7;
const label = `${COUNT >= 1000 ? `${COUNT / 1000}k` : COUNT}`;

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const fmtMs = (ms: number): string => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`);
const runs = (xs: number[]): string => {
  const s = median(xs) >= 1000;
  return `runs [${xs.map((x) => (s ? (x / 1000).toFixed(2) : x.toFixed(1))).join(', ')}]${s ? ' s' : ' ms'}`;
};
const line = (what: string, xs: number[]) => console.log(`kb  ${what.padEnd(44)} median ${fmtMs(median(xs)).padStart(9)}  ${runs(xs)}`);
let dbn = 0;
const openDb = async (name = `kb-bench-${++dbn}`) => {
  const db = new KnowledgeDb(name, { indexedDB, IDBKeyRange });
  await db.open();
  return db;
};

console.log(`kb.bench: node ${process.version}, ${label} synthetic entities`);

let t = performance.now();
const pack = generateSyntheticPack(COUNT, 1);
line(`generate ${label} synthetic pack`, [performance.now() - t]);
const aliasTotal = pack.entities.reduce((s, e) => s + e.aliases.length, 0);

const text = JSON.stringify(pack);
const parseTimes: number[] = [];
for (let i = 0; i < 3; i++) {
  t = performance.now();
  const r = parsePackJson(text);
  parseTimes.push(performance.now() - t);
  if (!r.ok) throw new Error(`synthetic pack invalid: ${r.errors[0]?.message}`);
}
const jsonOnly: number[] = [];
for (let i = 0; i < 3; i++) {
  t = performance.now();
  JSON.parse(text);
  jsonOnly.push(performance.now() - t);
}
line(`parse + validate ${label} (${(text.length / 1e6).toFixed(1)} MB JSON)`, parseTimes);
line(`  of which JSON.parse`, jsonOnly);

const importTimes: number[] = [];
let db!: KnowledgeDb;
for (let i = 0; i < IMPORT_RUNS; i++) {
  if (db) db.close();
  db = await openDb();
  t = performance.now();
  await importPack(db, pack);
  importTimes.push(performance.now() - t);
}
line(`import ${label} (fake-indexeddb, node)`, importTimes);

t = performance.now();
await importPack(db, pack);
line(`re-import ${label} over itself (delete + add)`, [performance.now() - t]);

// 500 aliases that exist (spread over the pack) looked up at once.
const keys: string[] = [];
for (let i = 0; i < 500; i++) {
  const e = pack.entities[Math.floor((i * pack.entities.length) / 500)]!;
  keys.push(aliasKey(e.aliases[i % e.aliases.length] ?? e.name));
}
const hitTimes: number[] = [];
let hitCount = 0;
for (let i = 0; i < LOOKUP_RUNS; i++) {
  t = performance.now();
  const m = await lookupAliases(db, keys);
  hitTimes.push(performance.now() - t);
  hitCount = [...m.values()].reduce((s, hits) => s + hits.length, 0);
}
line(`lookup 500 aliases → entities (lookupAliases)`, hitTimes);
const hitColdTimes: number[] = [];
for (let i = 0; i < 5; i++) {
  const fresh = await openDb(db.name);
  t = performance.now();
  await lookupAliases(fresh, keys);
  hitColdTimes.push(performance.now() - t);
  fresh.close();
}
line(`  cold (index loaded first)`, hitColdTimes);
console.log(`kb    (${hitCount} entities — id, pack, name, type — for 500 keys)`);

const lookupTimes: number[] = [];
let found = 0;
for (let i = 0; i < LOOKUP_RUNS; i++) {
  t = performance.now();
  const m = await findByAliasKeys(db, keys);
  lookupTimes.push(performance.now() - t);
  found = [...m.values()].reduce((s, rows) => s + rows.length, 0);
}
line(`lookup 500 aliases → full rows (findByAliasKeys)`, lookupTimes);
console.log(`kb    (${found} rows for 500 keys; ${aliasTotal.toLocaleString('en')} aliases in the pack)`);

// Cold: a new connection has no alias index in memory, so the first lookup loads it from IndexedDB
// (what the background pays once after a service-worker restart).
const coldTimes: number[] = [];
for (let i = 0; i < 5; i++) {
  const fresh = await openDb(db.name);
  t = performance.now();
  await findByAliasKeys(fresh, keys);
  coldTimes.push(performance.now() - t);
  fresh.close();
}
line(`  cold (index loaded first)`, coldTimes);

const prefixTimes: number[] = [];
for (const p of ['ka', 'quiz', 'ministry of', 'the e', 'zem']) {
  t = performance.now();
  await searchByPrefix(db, p, 50);
  prefixTimes.push(performance.now() - t);
}
line(`searchByPrefix (5 prefixes, limit 50)`, prefixTimes);

const matcherTimes: number[] = [];
for (let i = 0; i < 3; i++) {
  t = performance.now();
  await allMatcherEntities(db);
  matcherTimes.push(performance.now() - t);
}
line(`allMatcherEntities ${label}`, matcherTimes);

const exportTimes: number[] = [];
let exported = '';
for (let i = 0; i < 3; i++) {
  t = performance.now();
  exported = JSON.stringify(await exportPack(db, pack.pack.id));
  exportTimes.push(performance.now() - t);
}
line(`export ${label} (JSON, incl. stringify)`, exportTimes);
t = performance.now();
await exportPackJsonl(db, pack.pack.id);
line(`export ${label} (JSONL)`, [performance.now() - t]);
console.log(`kb  round trip byte-identical: ${exported === text}`);
db.close();
