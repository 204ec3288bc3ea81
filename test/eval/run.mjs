// Matcher quality evaluation: scans the hand-annotated articles in test/eval/ with the matcher built
// from the starter pack exactly as the extension builds it, and compares with test/eval/gold.json.
//
//   npm run eval                     figures per article and overall, then every error with context
//   npm run eval -- --check          also exit 1 when precision < 0.97, recall < 0.93 or ambiguous accuracy < 0.95
//   npm run eval -- --json           machine-readable figures (and errors) on stdout, nothing else
//   npm run eval -- --summary        figures only, no error listing
//   npm run eval -- NAME…            only articles whose name contains one of the NAMEs
//
// Scoring (README.md has the details): a predicted span is a true positive when start, end and entity
// id all equal a gold span's. Gold spans whose entity is not in the knowledge base yet are "pending":
// left out of recall, but a highlight on them with another id is still a false positive. Predictions
// inside "don't care" regions are ignored. Ambiguous-alias accuracy is measured over the gold spans
// whose surface is a name/alias/surname of ≥ 2 KB entities or is also used as a trap word, plus every
// trap whose text is a KB alias: right = correct id for gold spans, no highlight for traps.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { assembleStarterPack } from '../../build.mjs';
import { EVAL_DIR, GOLD_FILE, staleness } from './make-gold.mjs';

export const THRESHOLDS = { precision: 0.97, recall: 0.93, ambiguousAccuracy: 0.95 };

const root = path.resolve(EVAL_DIR, '..', '..');
const argv = process.argv.slice(2);
const flags = new Set(argv.filter((a) => a.startsWith('--')));
const only = argv.filter((a) => !a.startsWith('-'));
// `-word`: leave out articles whose name contains it (e.g. `-fresh`, to tune without seeing a held-out batch)
const without = argv.filter((a) => /^-[^-]/.test(a)).map((a) => a.slice(1));
const JSON_OUT = flags.has('--json');
const CHECK = flags.has('--check');
const SUMMARY = flags.has('--summary');
for (const f of flags) if (!['--json', '--check', '--summary'].includes(f)) fail(`unknown option ${f}`);

function fail(msg, code = 2) {
  console.error(`eval: ${msg}`);
  process.exit(code);
}

// ---- gold ------------------------------------------------------------------------------------------
const stale = staleness();
if (stale.length) fail(`gold is out of date with test/eval/annotated/ — run \`node test/eval/make-gold.mjs\`:\n  ${stale.join('\n  ')}`);
const gold = JSON.parse(fs.readFileSync(GOLD_FILE, 'utf8'));
const articles = gold.articles.filter(
  (a) => (only.length === 0 || only.some((o) => a.name.includes(o))) && !without.some((o) => a.name.includes(o)),
);
if (!articles.length) fail(`no article matches ${only.join(', ')}`);

// ---- the product's matcher -------------------------------------------------------------------------
const outDir = path.join(root, 'node_modules/.cache/eval');
fs.mkdirSync(outDir, { recursive: true });
const bundle = path.join(outDir, 'product.mjs');
await esbuild.build({
  entryPoints: [path.join(EVAL_DIR, 'product.ts')],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  outfile: bundle,
  logLevel: 'warning',
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
});
const { loadProduct, aliasKey, STOP_WORDS, NEVER_WORDS } = await import(`${pathToFileURL(bundle).href}?t=${Date.now()}`);
let product;
try {
  const pack = assembleStarterPack(); // the same assembly build.mjs ships as packs/starter.json
  product = await loadProduct(JSON.stringify(pack));
} catch (e) {
  fail(`could not build the matcher from packs/starter/*.json: ${e.message}`);
}
const kbIds = new Set(product.entities.map((e) => e.id));
const packFiles = fs.readdirSync(path.join(root, 'packs', 'starter')).filter((f) => f.endsWith('.json')).sort();

// Surfaces used as traps anywhere in the set: the same word used as a real mention is "ambiguous" too.
const trapKeys = new Set(gold.articles.flatMap((a) => a.traps.map((t) => aliasKey(t.text))));

/** A trap counts when its text, or a run of its words ("Mexico" in "New Mexico"), is a KB name/alias/surname. */
function trapIsActive(text) {
  const words = text.split(/\s+/);
  for (let i = 0; i < words.length; i++) {
    for (let j = i + 1; j <= words.length; j++) if (product.surfaces.has(aliasKey(words.slice(i, j).join(' ')))) return true;
  }
  return false;
}

// ---- scoring ---------------------------------------------------------------------------------------
const overlaps = (a, b) => a.start < b.end && b.start < a.end;
const ratio = (n, d) => (d === 0 ? 1 : n / d);
const f1 = (p, r) => (p + r === 0 ? 0 : (2 * p * r) / (p + r));

/** "boundary", or a more precise label when the only difference is a leading "The"/"the". */
function boundaryKind(pred, goldSpan, text) {
  const outer = pred.start <= goldSpan.start ? pred : goldSpan;
  const inner = outer === pred ? goldSpan : pred;
  if (outer.end === inner.end && /^the\s+$/i.test(text.slice(outer.start, inner.start))) {
    return outer === pred ? 'boundary: leading "The" included' : 'boundary: leading "The" left out';
  }
  return 'boundary';
}

function blocksOf(text) {
  // One block per paragraph, as the content script extracts a plain article (one <p> = one block).
  const body = text.replace(/\n$/, '');
  const blocks = [];
  const offsets = [];
  let pos = 0;
  for (const b of body.split('\n\n')) {
    blocks.push(b);
    offsets.push(pos);
    pos += b.length + 2;
  }
  return { blocks, offsets };
}

function context(text, start, end, width = 60) {
  const a = Math.max(0, start - width);
  const b = Math.min(text.length, end + width);
  const clean = (s) => s.replace(/\s+/g, ' ');
  return `${a > 0 ? '…' : ''}${clean(text.slice(a, start))}⟦${text.slice(start, end)}⟧${clean(text.slice(end, b))}${b < text.length ? '…' : ''}`;
}

const errors = [];
const ambiguousItems = [];
const perArticle = [];
let reloadMismatch = 0;
const T = { tp: 0, fp: 0, fn: 0, gold: 0, pending: 0, ignoredPreds: 0, ambN: 0, ambOk: 0, trapsActive: 0, trapsInactive: 0, trapsOk: 0 };

for (const a of articles) {
  const text = fs.readFileSync(path.join(EVAL_DIR, a.file), 'utf8');
  for (const s of [...a.spans, ...a.traps, ...a.ignore]) {
    if (text.slice(s.start, s.end) !== s.text) fail(`${a.name}: gold span "${s.text}" does not match the article at ${s.start} (regenerate gold)`);
  }
  const { blocks, offsets } = blocksOf(text);
  // As the content script sends it: all blocks of the page in one scan, the page's language, nothing seen yet.
  const opts = { pageLang: a.lang || undefined, seenEntityIds: [], detectUnknown: false, disabledEntityIds: [] };
  const matches = product.matcher.scan(blocks, opts);
  const again = product.reloaded.scan(blocks, opts);
  if (JSON.stringify(again) !== JSON.stringify(matches)) reloadMismatch++;

  let preds = matches
    .filter((m) => m.entityId)
    .map((m) => ({ start: offsets[m.block] + m.start, end: offsets[m.block] + m.end, id: m.entityId, text: m.text, kind: m.kind, reason: m.reason }));
  const before = preds.length;
  preds = preds.filter((p) => !a.ignore.some((g) => overlaps(p, g)));
  const ignoredPreds = before - preds.length;

  const active = a.spans.filter((s) => kbIds.has(s.id));
  const pending = a.spans.filter((s) => !kbIds.has(s.id));
  const key = (s) => `${s.start}:${s.end}:${s.id}`;
  const predKeys = new Set(preds.map(key));
  const goldKeys = new Set(active.map(key));
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const p of preds) {
    if (goldKeys.has(key(p))) {
      tp++;
      continue;
    }
    fp++;
    const trap = a.traps.find((t) => overlaps(t, p));
    const same = a.spans.find((s) => s.start === p.start && s.end === p.end);
    const over = a.spans.find((s) => overlaps(s, p));
    let kind;
    let goldSpan = same ?? over;
    if (trap) kind = 'trap';
    else if (same && !kbIds.has(same.id)) kind = 'wrong entity (gold entity not in KB)';
    else if (same) kind = 'wrong entity';
    else if (over && over.id === p.id) kind = boundaryKind(p, over, text);
    else if (over) kind = kbIds.has(over.id) ? 'wrong entity + boundary' : 'overlaps span of entity not in KB';
    else kind = 'spurious';
    errors.push({ type: 'FP', kind, article: a.name, start: p.start, end: p.end, text: p.text, predicted: p.id, gold: goldSpan ? goldSpan.id : null, goldText: goldSpan?.text, trapNote: trap?.note, matchKind: p.kind, reason: p.reason, context: context(text, p.start, p.end) });
  }
  for (const s of active) {
    if (predKeys.has(key(s))) continue;
    fn++;
    const over = preds.find((p) => overlaps(p, s));
    const cands = product.surfaces.get(aliasKey(s.text)) ?? [];
    let kind;
    if (over && over.id === s.id) kind = boundaryKind(over, s, text);
    else if (over) kind = over.start === s.start && over.end === s.end ? 'wrong entity' : 'wrong entity + boundary';
    else if (!cands.includes(s.id)) kind = 'missed: surface not a name/alias/surname of the entity in the KB';
    else if (cands.length >= 2) kind = `missed: ambiguous surface (${cands.length} KB entities)`;
    else if (/^\p{Ll}/u.test(s.text)) kind = 'missed: lowercase mention';
    else if (product.surnames.get(aliasKey(s.text))?.includes(s.id)) kind = 'missed: bare surname';
    else if (STOP_WORDS.has(aliasKey(s.text)) || NEVER_WORDS.has(aliasKey(s.text))) kind = 'missed: common-word alias';
    else kind = 'missed';
    errors.push({ type: 'FN', kind, article: a.name, start: s.start, end: s.end, text: s.text, gold: s.id, predicted: over ? over.id : null, predictedText: over?.text, reason: over?.reason, context: context(text, s.start, s.end) });
  }

  // ambiguous-alias accuracy
  let ambN = 0;
  let ambOk = 0;
  for (const s of active) {
    const k = aliasKey(s.text);
    const cands = product.surfaces.get(k) ?? [];
    if (cands.length >= 2 || trapKeys.has(k)) {
      ambN++;
      const ok = predKeys.has(key(s));
      if (ok) ambOk++;
      ambiguousItems.push({ article: a.name, text: s.text, start: s.start, gold: s.id, candidates: cands, correct: ok });
    }
  }
  let trapsActive = 0;
  let trapsOk = 0;
  for (const t of a.traps) {
    if (!trapIsActive(t.text)) continue; // no KB alias in it (yet): nothing to fall for
    trapsActive++;
    const hit = preds.find((p) => overlaps(p, t));
    if (!hit) trapsOk++;
    ambiguousItems.push({ article: a.name, text: t.text, start: t.start, gold: null, trap: t.note ?? true, predicted: hit?.id ?? null, correct: !hit });
  }
  ambN += trapsActive;
  ambOk += trapsOk;

  const P = ratio(tp, tp + fp);
  const R = ratio(tp, tp + fn);
  perArticle.push({
    name: a.name,
    topic: a.topic,
    words: a.words,
    gold: active.length,
    pending: pending.length,
    predicted: preds.length,
    ignoredPredictions: ignoredPreds,
    tp,
    fp,
    fn,
    precision: P,
    recall: R,
    f1: f1(P, R),
    ambiguous: ambN,
    ambiguousCorrect: ambOk,
    ambiguousAccuracy: ratio(ambOk, ambN),
    traps: a.traps.length,
    trapsActive,
    trapsCorrect: trapsOk,
  });
  Object.assign(T, {
    tp: T.tp + tp,
    fp: T.fp + fp,
    fn: T.fn + fn,
    gold: T.gold + active.length,
    pending: T.pending + pending.length,
    ignoredPreds: T.ignoredPreds + ignoredPreds,
    ambN: T.ambN + ambN,
    ambOk: T.ambOk + ambOk,
    trapsActive: T.trapsActive + trapsActive,
    trapsInactive: T.trapsInactive + a.traps.length - trapsActive,
    trapsOk: T.trapsOk + trapsOk,
  });
}

const precision = ratio(T.tp, T.tp + T.fp);
const recall = ratio(T.tp, T.tp + T.fn);
const overall = {
  articles: articles.length,
  words: articles.reduce((s, a) => s + a.words, 0),
  goldSpans: T.gold,
  pendingSpans: T.pending,
  predicted: T.tp + T.fp,
  tp: T.tp,
  fp: T.fp,
  fn: T.fn,
  precision,
  recall,
  f1: f1(precision, recall),
  ambiguous: T.ambN,
  ambiguousCorrect: T.ambOk,
  ambiguousAccuracy: ratio(T.ambOk, T.ambN),
  traps: T.trapsActive + T.trapsInactive,
  trapsActive: T.trapsActive,
  trapsCorrect: T.trapsOk,
  ignoredPredictions: T.ignoredPreds,
};
const checks = {
  precision: precision >= THRESHOLDS.precision,
  recall: recall >= THRESHOLDS.recall,
  ambiguousAccuracy: overall.ambiguousAccuracy >= THRESHOLDS.ambiguousAccuracy,
};
const pass = Object.values(checks).every(Boolean);
const pendingIds = new Map();
for (const a of articles) for (const s of a.spans) if (!kbIds.has(s.id)) pendingIds.set(s.id, (pendingIds.get(s.id) ?? 0) + 1);
const kb = { packFiles, entities: product.entities.length, aliases: product.matcher.aliasCount };

// ---- output ----------------------------------------------------------------------------------------
const pct = (x) => `${(x * 100).toFixed(1)}%`;
if (JSON_OUT) {
  console.log(JSON.stringify({ kb, thresholds: THRESHOLDS, overall, checks, pass, perArticle, pendingIds: Object.fromEntries(pendingIds), reloadMismatch, errors, ambiguousItems }, null, 2));
} else {
  console.log(`Matcher evaluation: ${articles.length} articles, ${overall.words} words; KB = starter pack (${packFiles.join(', ')}): ${kb.entities} entities, ${kb.aliases} aliases`);
  console.log('');
  const head = ['article', 'gold', 'pred', 'TP', 'FP', 'FN', 'P', 'R', 'F1', 'ambiguous'];
  const rows = perArticle.map((r) => [r.name, String(r.gold) + (r.pending ? `+${r.pending}p` : ''), r.predicted, r.tp, r.fp, r.fn, pct(r.precision), pct(r.recall), pct(r.f1), `${r.ambiguousCorrect}/${r.ambiguous}`]);
  rows.push(['TOTAL', String(overall.goldSpans) + (overall.pendingSpans ? `+${overall.pendingSpans}p` : ''), overall.predicted, overall.tp, overall.fp, overall.fn, pct(precision), pct(recall), pct(overall.f1), `${overall.ambiguousCorrect}/${overall.ambiguous}`]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (r) => r.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ');
  console.log(line(head));
  rows.forEach((r, i) => {
    if (i === rows.length - 1) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
    console.log(line(r));
  });
  console.log('');
  if (!SUMMARY && errors.length) {
    const byKind = new Map();
    for (const e of errors) {
      const k = `${e.type} ${e.kind}`;
      if (!byKind.has(k)) byKind.set(k, []);
      byKind.get(k).push(e);
    }
    for (const [k, list] of [...byKind].sort((x, y) => y[1].length - x[1].length)) {
      console.log(`== ${k} (${list.length})`);
      for (const e of list) {
        if (e.type === 'FP') {
          const g = e.gold === undefined || e.gold === null ? (e.trapNote ? `trap: ${e.trapNote}` : e.kind === 'trap' ? 'trap' : 'no gold') : `gold ${e.gold}${e.goldText !== e.text ? ` "${e.goldText}"` : ''}`;
          console.log(`  [${e.article}] "${e.text}" → ${e.predicted} (${g})\n      ${e.context}\n      matcher: ${e.reason}`);
        } else {
          const p = e.predicted ? `; matcher said ${e.predicted} "${e.predictedText}" (${e.reason})` : '';
          console.log(`  [${e.article}] "${e.text}" should be ${e.gold}${p}\n      ${e.context}`);
        }
      }
      console.log('');
    }
  }
  if (errors.length) {
    const kinds = new Map();
    for (const e of errors) kinds.set(`${e.type} ${e.kind}`, (kinds.get(`${e.type} ${e.kind}`) ?? 0) + 1);
    console.log(`Error kinds: ${[...kinds].sort((x, y) => y[1] - x[1]).map(([k, n]) => `${k} ×${n}`).join('; ')}`);
  }
  if (pendingIds.size) {
    console.log(`Pending: ${overall.pendingSpans} gold spans name entities not in the KB yet (not counted in recall): ${[...pendingIds].map(([id, n]) => `${id}×${n}`).join(', ')}`);
  }
  if (reloadMismatch) console.log(`WARNING: the deserialised matcher scanned ${reloadMismatch} article(s) differently from the freshly built one`);
  console.log(`Traps: ${overall.traps} (${overall.trapsActive} are KB aliases and scored, ${overall.trapsCorrect} left unhighlighted)`);
  if (overall.ignoredPredictions) console.log(`Ignored: ${overall.ignoredPredictions} predictions inside "don't care" regions`);
  console.log('');
  console.log(`precision ${pct(precision)} (${overall.tp}/${overall.predicted})   recall ${pct(recall)} (${overall.tp}/${overall.goldSpans})   F1 ${pct(overall.f1)}   ambiguous-alias accuracy ${pct(overall.ambiguousAccuracy)} (${overall.ambiguousCorrect}/${overall.ambiguous})`);
  if (CHECK) {
    const why = Object.entries(checks)
      .filter(([, ok]) => !ok)
      .map(([k]) => `${k} ${pct(overall[k])} < ${pct(THRESHOLDS[k])}`);
    console.log(pass ? 'check: PASS' : `check: FAIL (${why.join(', ')})`);
  }
}
if (CHECK && !pass) process.exit(1);
