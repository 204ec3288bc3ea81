// Builds the evaluation set from the hand-annotated sources in test/eval/annotated/*.txt:
//   test/eval/articles/<name>.txt   the plain article (what the matcher scans)
//   test/eval/gold.json             gold spans with offsets into that text, traps and ignored regions
// Offsets are never counted by hand: they come from the markup, and every span is checked against the
// written article text before anything is saved.
//
//   node test/eval/make-gold.mjs           regenerate articles/ and gold.json
//   node test/eval/make-gold.mjs --check   only verify that articles/ and gold.json are up to date (exit 1 if not)
//   node test/eval/make-gold.mjs --lint    list KB names in the articles that no annotation covers (to review)
//
// Markup (see README.md for the annotation policy):
//   [[Marco Rubio|marco-rubio]]   a mention a careful reader links to KB entity `marco-rubio`
//   {{apple}} / {{apple|fruit}}    a trap: text that looks like a KB alias but names no KB entity here;
//                                  nothing may be highlighted on it (the note after | is for humans)
//   [[Washington|?]]               a "don't care" region: predictions on it are neither right nor wrong
//   @lang en / @topic … / @title … header lines (before the first paragraph)
//   // …                           a comment line (dropped)
// Paragraphs are separated by blank lines; each paragraph is one text block for the matcher.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const EVAL_DIR = path.dirname(fileURLToPath(import.meta.url));
export const ANNOTATED_DIR = path.join(EVAL_DIR, 'annotated');
export const ARTICLES_DIR = path.join(EVAL_DIR, 'articles');
export const GOLD_FILE = path.join(EVAL_DIR, 'gold.json');

const ID_RE = /^[a-z0-9][a-z0-9-]*$/;
// [[text|id]] or {{text}} / {{text|note}}
const MARK_RE = /\[\[([^\[\]|\n]+)\|([^\[\]\n]*)\]\]|\{\{([^{}|\n]+)(?:\|([^{}\n]*))?\}\}/g;

/** Parses one annotated source; throws with file:line on any problem. */
export function parseAnnotated(name, source) {
  const meta = { lang: 'en', topic: '', title: '' };
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const paras = [];
  let cur = [];
  let inBody = false;
  const lineOf = [];
  lines.forEach((line, i) => {
    if (line.startsWith('//')) return;
    const h = !inBody && /^@(\w+)\s+(.*)$/.exec(line);
    if (h) {
      if (!(h[1] in meta)) throw new Error(`${name}:${i + 1}: unknown header @${h[1]}`);
      meta[h[1]] = h[2].trim();
      return;
    }
    if (line.trim() === '') {
      if (cur.length) paras.push({ text: cur.join(' '), line: lineOf[0] });
      cur = [];
      lineOf.length = 0;
      return;
    }
    inBody = true;
    cur.push(line.trim());
    lineOf.push(i + 1);
  });
  if (cur.length) paras.push({ text: cur.join(' '), line: lineOf[0] });
  if (!paras.length) throw new Error(`${name}: no paragraphs`);

  let text = '';
  const spans = [];
  const traps = [];
  const ignore = [];
  paras.forEach((p, pi) => {
    if (pi > 0) text += '\n\n';
    let last = 0;
    let plain = '';
    const where = `${name}:${p.line} (paragraph ${pi + 1})`;
    for (const m of p.text.matchAll(MARK_RE)) {
      plain += p.text.slice(last, m.index);
      last = m.index + m[0].length;
      const surface = m[1] ?? m[3];
      if (surface !== surface.trim() || !surface) throw new Error(`${where}: span text has leading/trailing space: "${m[0]}"`);
      const start = text.length + plain.length;
      plain += surface;
      const end = start + surface.length;
      if (m[1] !== undefined) {
        const id = m[2].trim();
        if (id === '?') ignore.push({ start, end, text: surface });
        else if (ID_RE.test(id)) spans.push({ start, end, text: surface, id });
        else throw new Error(`${where}: bad entity id "${id}" in "${m[0]}"`);
      } else {
        const t = { start, end, text: surface };
        if (m[4]?.trim()) t.note = m[4].trim();
        traps.push(t);
      }
    }
    plain += p.text.slice(last);
    for (const bad of ['[[', ']]', '{{', '}}', '|']) {
      if (plain.includes(bad)) throw new Error(`${where}: stray "${bad}" (malformed markup?) near "${plain.slice(Math.max(0, plain.indexOf(bad) - 30), plain.indexOf(bad) + 30)}"`);
    }
    text += plain;
  });
  text += '\n';
  // Checks: text at the offsets, no overlaps, no span across a paragraph break.
  const all = [...spans, ...traps, ...ignore].sort((a, b) => a.start - b.start);
  for (let i = 0; i < all.length; i++) {
    const s = all[i];
    if (text.slice(s.start, s.end) !== s.text) throw new Error(`${name}: offset check failed for "${s.text}" at ${s.start}`);
    if (s.text.includes('\n')) throw new Error(`${name}: span "${s.text}" crosses a paragraph break`);
    if (i > 0 && all[i - 1].end > s.start) throw new Error(`${name}: spans overlap: "${all[i - 1].text}" and "${s.text}"`);
  }
  const words = text.split(/\s+/).filter(Boolean).length;
  return { name, ...meta, text, words, spans, traps, ignore };
}

/** Every annotated article, parsed, in name order. */
export function buildAll() {
  const files = fs.readdirSync(ANNOTATED_DIR).filter((f) => f.endsWith('.txt')).sort();
  return files.map((f) => parseAnnotated(f.replace(/\.txt$/, ''), fs.readFileSync(path.join(ANNOTATED_DIR, f), 'utf8')));
}

export function goldJson(articles) {
  const out = {
    about: 'Generated by test/eval/make-gold.mjs from test/eval/annotated/*.txt — edit those, not this file. Offsets are UTF-16 indexes into test/eval/articles/<name>.txt.',
    articles: articles.map((a) => ({
      name: a.name,
      file: `articles/${a.name}.txt`,
      title: a.title,
      topic: a.topic,
      lang: a.lang,
      words: a.words,
      spans: a.spans,
      traps: a.traps,
      ignore: a.ignore,
    })),
  };
  return JSON.stringify(out, null, 1) + '\n';
}

/** Differences between what is on disk and what the annotated sources generate (empty: up to date). */
export function staleness(articles = buildAll()) {
  const problems = [];
  for (const a of articles) {
    const f = path.join(ARTICLES_DIR, `${a.name}.txt`);
    if (!fs.existsSync(f)) problems.push(`missing ${path.relative(EVAL_DIR, f)}`);
    else if (fs.readFileSync(f, 'utf8') !== a.text) problems.push(`${path.relative(EVAL_DIR, f)} differs from annotated/${a.name}.txt`);
  }
  const names = new Set(articles.map((a) => a.name));
  if (fs.existsSync(ARTICLES_DIR)) {
    for (const f of fs.readdirSync(ARTICLES_DIR)) if (f.endsWith('.txt') && !names.has(f.replace(/\.txt$/, ''))) problems.push(`articles/${f} has no annotated source`);
  }
  if (!fs.existsSync(GOLD_FILE)) problems.push('missing gold.json');
  else if (fs.readFileSync(GOLD_FILE, 'utf8') !== goldJson(articles)) problems.push('gold.json is out of date');
  return problems;
}

/** Ids used in the annotations that are not (yet) in packs/starter/*.json. */
function unknownIds(articles) {
  const dir = path.join(EVAL_DIR, '..', '..', 'packs', 'starter');
  const ids = new Set();
  for (const f of fs.readdirSync(dir).filter((x) => x.endsWith('.json'))) for (const e of JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'))) ids.add(e.id);
  const missing = new Map();
  for (const a of articles) for (const s of a.spans) if (!ids.has(s.id)) missing.set(s.id, (missing.get(s.id) ?? 0) + 1);
  return missing;
}

/**
 * Annotator's aid (--lint): places where a KB name/alias (or a person's last name) appears in an article
 * but no span, trap or ignore region covers it. It does not run the matcher; each hit is for a human to
 * decide (annotate it, mark it a trap, or leave it: e.g. "Mexican" is not a mention of Mexico).
 */
function lint(articles) {
  const dir = path.join(EVAL_DIR, '..', '..', 'packs', 'starter');
  const names = new Map(); // surface → ids
  const add = (s, id) => {
    if (!s || s.length < 2) return;
    if (!names.has(s)) names.set(s, new Set());
    names.get(s).add(id);
  };
  for (const f of fs.readdirSync(dir).filter((x) => x.endsWith('.json'))) {
    for (const e of JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'))) {
      for (const a of [e.name, ...(e.aliases ?? [])]) {
        add(a, e.id);
        if (e.type === 'person') {
          const last = a.replace(/,?\s+(Jr\.?|Sr\.?|III|II|IV)$/, '').split(/\s+/).pop();
          if (last && /^\p{Lu}/u.test(last) && last !== a) add(last, e.id);
        }
      }
    }
  }
  const esc = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  let n = 0;
  for (const a of articles) {
    const covered = [...a.spans, ...a.traps, ...a.ignore];
    const hits = [];
    for (const [s, ids] of names) {
      const re = new RegExp(`(?<![\\p{L}\\p{N}])${esc(s)}(?![\\p{L}\\p{N}])`, s === s.toUpperCase() ? 'gu' : 'giu');
      for (const m of a.text.matchAll(re)) {
        const start = m.index;
        const end = start + m[0].length;
        if (covered.some((c) => c.start <= start && end <= c.end)) continue;
        if (/^the /.test(m[0]) && covered.some((c) => c.start === start + 4 && c.end === end)) continue; // lowercase "the" is outside spans by policy
        if (m[0] !== s && m[0] === m[0].toLowerCase() && s !== s.toLowerCase()) continue; // "will" vs "Will": skip all-lowercase hits of capitalised names
        hits.push({ start, end, text: m[0], ids: [...ids] });
      }
    }
    // longest hit per start
    hits.sort((x, y) => x.start - y.start || y.end - x.end);
    const kept = hits.filter((h, i) => !hits.slice(0, i).some((o) => o.start <= h.start && h.end <= o.end));
    for (const h of kept) {
      n++;
      const ctx = a.text.slice(Math.max(0, h.start - 40), h.end + 40).replace(/\s+/g, ' ');
      console.log(`${a.name}: "${h.text}" (${h.ids.join(', ')})  …${ctx}…`);
    }
  }
  console.log(`lint: ${n} unannotated KB names to review`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  let articles;
  try {
    articles = buildAll();
  } catch (e) {
    console.error(`make-gold: ${e.message}`);
    process.exit(1);
  }
  if (process.argv.includes('--lint')) {
    lint(articles);
  } else if (process.argv.includes('--check')) {
    const p = staleness(articles);
    if (p.length) {
      console.error(`make-gold --check: out of date (run node test/eval/make-gold.mjs):\n  ${p.join('\n  ')}`);
      process.exit(1);
    }
    console.log(`make-gold --check: ${articles.length} articles up to date`);
  } else {
    fs.mkdirSync(ARTICLES_DIR, { recursive: true });
    const names = new Set(articles.map((a) => a.name));
    for (const f of fs.readdirSync(ARTICLES_DIR)) if (f.endsWith('.txt') && !names.has(f.replace(/\.txt$/, ''))) fs.rmSync(path.join(ARTICLES_DIR, f));
    for (const a of articles) fs.writeFileSync(path.join(ARTICLES_DIR, `${a.name}.txt`), a.text);
    fs.writeFileSync(GOLD_FILE, goldJson(articles));
    // Re-read and re-check what was written.
    const gold = JSON.parse(fs.readFileSync(GOLD_FILE, 'utf8'));
    for (const g of gold.articles) {
      const text = fs.readFileSync(path.join(EVAL_DIR, g.file), 'utf8');
      for (const s of [...g.spans, ...g.traps, ...g.ignore]) {
        if (text.slice(s.start, s.end) !== s.text) throw new Error(`${g.name}: written span "${s.text}" does not match the article at ${s.start}`);
      }
    }
    const n = (k) => articles.reduce((s, a) => s + a[k].length, 0);
    const words = articles.reduce((s, a) => s + a.words, 0);
    console.log(`make-gold: ${articles.length} articles, ${words} words, ${n('spans')} gold spans, ${n('traps')} traps, ${n('ignore')} ignored regions`);
    const missing = unknownIds(articles);
    if (missing.size) {
      console.log(`  note: ids not in packs/starter yet (their spans are pending until the pack has them): ${[...missing].map(([id, c]) => `${id}×${c}`).join(', ')}`);
    }
  }
}
