// The matcher benchmarks' data: a synthetic pack, the real starter packs, and news-like text made from both.
// Shared by matcher.bench.ts and matcher-ab.ts so that both scan the same input.
import fs from 'node:fs';
import path from 'node:path';
import type { MatcherEntity } from '../src/core/match';
import type { EntityType } from '../src/core/types';

// ---------- synthetic pack (local generator: src/core/pack/synthetic.ts was not available) ----------
function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}
const SYL = ['ka', 'lo', 'mer', 'tan', 'vi', 'dra', 'sen', 'bor', 'qui', 'lan', 'zu', 'rio', 'mon', 'tel', 'gar', 'nes', 'ho', 'ber', 'chi', 'ast', 'vel', 'dor', 'pa', 'ri', 'sto', 'yen', 'mak', 'ul', 'fe', 'gon'];
const ORG = ['Institute', 'Council', 'Group', 'Front', 'Party', 'Bank', 'Agency', 'Ministry', 'Foundation', 'Alliance', 'Cartel', 'Command', 'Union', 'Corporation'];
const TYPES: EntityType[] = ['person', 'organization', 'agency', 'place', 'group'];
export function generatePack(count: number, seed: number): MatcherEntity[] {
  const r = rng(seed);
  const pick = <T>(a: T[]): T => a[Math.floor(r() * a.length)]!;
  const word = (n: number): string => {
    let w = '';
    for (let i = 0; i < n; i++) w += pick(SYL);
    return w[0]!.toUpperCase() + w.slice(1);
  };
  const out: MatcherEntity[] = [];
  for (let i = 0; i < count; i++) {
    const type = TYPES[i % TYPES.length]!;
    let name: string;
    const aliases: string[] = [];
    if (type === 'person') {
      const first = word(2);
      const last = word(2 + Math.floor(r() * 2));
      name = `${first} ${last}`;
      aliases.push(`${first[0]}. ${last}`);
      if (r() < 0.5) aliases.push(`${first} ${word(1)} ${last}`);
    } else if (type === 'place') {
      name = word(2 + Math.floor(r() * 2));
      aliases.push(`${name} City`);
      if (r() < 0.5) aliases.push(`Province of ${name}`);
    } else {
      const a = word(2);
      const b = word(2);
      const kind = pick(ORG);
      name = `${a} ${b} ${kind}`;
      aliases.push(`${a[0]}${b[0]}${kind[0]}${String.fromCharCode(65 + (i % 26))}`.toUpperCase());
      aliases.push(`${a} ${kind}`);
    }
    while (aliases.length < 2 || (aliases.length < 3 && r() < 0.5)) aliases.push(`${name} ${word(1)}`);
    out.push({ id: `syn-${i}`, name, type, aliases, context: [word(1).toLowerCase(), pick(ORG).toLowerCase()], lang: 'en' });
  }
  return out;
}

export function loadReal(): MatcherEntity[] {
  const dir = 'packs/starter';
  const out: MatcherEntity[] = [];
  if (!fs.existsSync(dir)) return out;
  for (const f of fs.readdirSync(dir).filter((x) => x.endsWith('.json'))) {
    const j = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'));
    const list = Array.isArray(j) ? j : (j.entities ?? []);
    for (const e of list) out.push({ id: e.id, name: e.name, type: e.type, aliases: e.aliases ?? [], titles: e.titles, context: e.context, lang: e.lang });
  }
  return out;
}

// ---------- text: seed article + varied sentences, ~1–3% of tokens inside entity names ----------
export function makeText(entities: MatcherEntity[], targetChars: number, seed: number): string[] {
  const r = rng(seed);
  const seedPath = path.resolve('../shared/fixtures/seed-article.txt'); // optional flavour; CI has no ../shared
  const seedParas = fs.existsSync(seedPath) ? fs.readFileSync(seedPath, 'utf8').split('\n').filter(Boolean) : [];
  const filler =
    'officials said on Tuesday that the new policy would take effect next month after a long review by lawmakers and advisers who had raised concerns about costs and oversight in several regions of the country where residents have protested for weeks'.split(
      ' ',
    );
  const paras: string[] = [];
  let total = 0;
  while (total < targetChars) {
    let p: string;
    if (r() < 0.3 && seedParas.length) p = seedParas[Math.floor(r() * seedParas.length)]!;
    else {
      const words: string[] = [];
      const n = 40 + Math.floor(r() * 60);
      for (let i = 0; i < n; i++) {
        if (r() < 0.006) words.push(entities[Math.floor(r() * entities.length)]!.name);
        else words.push(filler[Math.floor(r() * filler.length)]!);
        if (r() < 0.06) words[words.length - 1] += '.';
      }
      p = words.join(' ');
      p = p[0]!.toUpperCase() + p.slice(1) + '.';
      if (r() < 0.2) p = p.replace(/officials/g, 'officials’');
    }
    paras.push(p);
    total += p.length + 1;
  }
  return paras;
}
