// Scoring for spans that need judgement: an alias shared by several entities (Jordan the country vs
// Michael Jordan), common-word aliases (Apple, China), and bare surnames (coreference).
//
// score = context words near the span (+2 each) or anywhere in the scan (+1 each)
//       + co-occurrence: the entity's context names another entity matched on the page, or vice versa (+1 each)
//       + coreference evidence for surnames (earlier full name / seen on page / title: +3 each)
//       + page language agreement (±0.5) + a small type prior (≤ 0.3)
// The best candidate wins only with a clear margin (≥ 1) and enough evidence of its own.
import { BLOCK_TITLE_CASE, FORM_MIDDLE, FORM_PLURAL, MANY_NAMESAKES, NEAR_TOKENS, P_CASE_EXACT, P_NEVER, P_STOP, P_SURNAME, T_HAS_LOWER, T_SENT, T_UPPER } from './constants';
import { corefEvidence, surnameFor, titleBefore } from './coref';
import { foldString, hashToken } from './fold';
import { typeCode, typeName } from './hash-index';
import { grownTo } from './typed-arrays';
import { blockFlags, inParentheses, spaceGap } from './blocks';
import { institutionPattern, perMatcher, TokenPositions, type ScanContext, usIndex } from './scan-context';
import { DETERMINERS, INSTITUTION_WORDS, LOCATIVES, PARTY_MEMBER_WORDS } from './stopwords';
import { opponent, placeUseAt, sportsPage, subnationalPlace, teamUse } from './teams';
import { phraseVariants, tokenizePhrase } from './tokenize';

const T_PERSON_CODE = typeCode('person');
const T_ORG_CODE = typeCode('organization');
const TYPE_PRIOR: Record<string, number> = { place: 0.3, agency: 0.2, organization: 0.2, group: 0.2, person: 0.1 };

export interface Span {
  block: number;
  t0: number;
  t1: number;
  start: number;
  end: number;
  /** Pattern ids of every verified pattern on this span. */
  pats: number[];
  /** Parallel to pats, how each matched: FORM_MIDDLE (a middle initial skipped), FORM_PLURAL; null while
   *  every one matched as written (nearly all spans: two arrays fewer per span). */
  forms: number[] | null;
  /** Bit set of the entity types (typeCode) of `pats`, and whether any of them is a derived surname: the
   *  structural checks ask "all people?", "all places?" of every span, and reading each pattern's entity
   *  for that cost a third of their time on a large pack (cache misses). */
  types: number;
  surname: boolean;
}

export interface Decision {
  ent: number;
  kind: 'alias' | 'coref';
  reason: string;
}

const fmt = (n: number): string => String(Math.round(n * 10) / 10);

/** Finds a context phrase at token t (first token may be plural/singular). */
function phraseAt(ctx: ScanContext, strIdx: number, t: number): boolean {
  const ph = ctx.phrase(strIdx);
  const tk = ctx.tk;
  const h = tk.hash[t]!;
  const v = variants(ctx, strIdx);
  if (h !== v[0] && h !== v[1] && h !== v[2] && h !== v[3]) return false;
  const m = ph.hashes.length;
  if (t + m > tk.n || tk.block[t + m - 1] !== tk.block[t]) return false;
  for (let k = 1; k < m; k++) if (tk.hash[t + k] !== ph.hashes[k]) return false;
  return true;
}

// (Caches indexed by string, pattern or entity number are made at their full length: an array filled at
// scattered large indices turns into a hash table in V8, and every read of it became a lookup.)
const variantsOf = perMatcher((d) => new Array<[number, number, number, number] | undefined>(d.strings.length));
function variants(ctx: ScanContext, strIdx: number): [number, number, number, number] {
  const m = variantsOf(ctx.d);
  let v = m[strIdx];
  if (!v) {
    v = phraseVariants(ctx.phrase(strIdx));
    m[strIdx] = v;
  }
  return v;
}

/** First token of the scan where context phrase c occurs, or -1. */
function findAnywhere(ctx: ScanContext, c: number): number {
  const pos = ctx.positions ?? (ctx.positions = TokenPositions.of(ctx.tk, ctx.contextTokens, ctx.contextTokenCount));
  let best = -1;
  const vs = variants(ctx, c);
  for (let i = 0; i < vs.length; i++) {
    const h = vs[i]!;
    if (vs.indexOf(h) !== i) continue; // the same variant twice (a phrase without plural forms)
    for (let t = pos.first(h); t >= 0 && (best < 0 || t < best); t = pos.next[t]!) {
      if (phraseAt(ctx, c, t)) {
        best = t;
        break;
      }
    }
  }
  return best;
}

/** Context words near the span (+2) or anywhere in the scan (+1); one text token counts once.
 *  Context strings that were found in the text are added to `found`. */
const ARTICLE = new Set(['the', 'a', 'an'].map(hashToken));
/** The token after an appositive that follows the span (", the former Soviet republic,"), or -1: a comma,
 *  an article and at most eight words up to the next punctuation in the paragraph. */
function appositiveEnd(ctx: ScanContext, span: Span): number {
  const tk = ctx.tk;
  const a = span.t1;
  if (a + 1 >= tk.n || tk.block[a] !== span.block || !ARTICLE.has(tk.hash[a]!) || tk.flags[a]! & T_UPPER) return -1;
  const text = ctx.blocks[span.block]!;
  if (!COMMA_GAP.test(text.slice(tk.oend[a - 1]!, tk.ostart[a]!))) return -1;
  for (let t = a; t < a + 9 && t + 1 < tk.n && tk.block[t + 1] === span.block; t++) {
    if (!spaceGap(ctx, t)) return t + 1;
  }
  return -1;
}

/** A 256-bit set of the hashes of tokens lo..hi (the span's window), made once per span for all its
 *  candidates' context words. */
const WINDOW = { span: null as Span | null, bits: new Int32Array(8) };
function windowBits(ctx: ScanContext, span: Span, lo: number, hi: number): Int32Array {
  const w = WINDOW;
  if (w.span === span) return w.bits;
  w.span = span;
  const bits = w.bits.fill(0);
  const hash = ctx.tk.hash;
  for (let t = lo; t < hi; t++) {
    const b = hash[t]! & 255;
    bits[b >>> 5]! |= 1 << (b & 31);
  }
  return bits;
}
function hasWindowBit(bits: Int32Array, h: number): boolean {
  const b = h & 255;
  return (bits[b >>> 5]! & (1 << (b & 31))) !== 0;
}

function contextScore(ctx: ScanContext, ent: number, span: Span, parts: string[], found: Set<number>): number {
  const d = ctx.d;
  const tk = ctx.tk;
  let score = 0;
  const b = span.block;
  const lo = Math.max(0, span.t0 - NEAR_TOKENS);
  const hi = Math.min(tk.n, span.t1 + NEAR_TOKENS);
  const usedTok: number[] = [];
  const win = windowBits(ctx, span, lo, hi);
  for (let i = d.entCtxOff[ent]!; i < d.entCtxOff[ent + 1]!; i++) {
    const c = d.entCtx[i]!;
    let near = -1;
    let next = false;
    // The first-word check inline (phraseAt repeats it): most window tokens fail it, and this loop runs
    // for every context word of every candidate.
    const v = variants(ctx, c);
    const v0 = v[0];
    const v1 = v[1];
    const v2 = v[2];
    const v3 = v[3];
    // (none of the first word's forms in the window: most context words of most candidates)
    const inWindow = hasWindowBit(win, v0) || hasWindowBit(win, v1) || hasWindowBit(win, v2) || hasWindowBit(win, v3);
    for (let t = inWindow ? lo : hi; t < hi; t++) {
      const h = tk.hash[t]!;
      if (h !== v0 && h !== v1 && h !== v2 && h !== v3) continue;
      if (t >= span.t0 && t < span.t1) continue;
      if (tk.block[t] !== b) continue;
      if (usedTok.includes(t)) continue;
      // (a context phrase that runs into the span is the span's own words: "la Paz" for the name "Paz")
      if (t < span.t0 && t + ctx.phrase(c).hashes.length > span.t0) continue;
      // "ATLANTA —" says where the reporter is, not what the name is
      if (phraseAt(ctx, c, t) && !isDateline(ctx, t)) {
        // right next to the name: "news agency AFP", "Sinaloa cartel"
        next = t === span.t1 || t + ctx.phrase(c).hashes.length === span.t0;
        if (near < 0 || next) near = t;
        if (next) break;
      }
    }
    if (near >= 0) {
      // "Georgia, the former Soviet republic,": the appositive says which one the writer means
      const appos = !next && near > span.t1 && near < appositiveEnd(ctx, span);
      const w = next ? 3 : appos ? 6 : 2;
      score += w;
      usedTok.push(near);
      found.add(c);
      parts.push(`${next ? 'next to' : appos ? 'in the appositive' : 'nearby'} '${ctx.blocks[b]!.slice(tk.ostart[near]!, tk.oend[near]!)}' (+${w})`);
      continue;
    }
    let any = ctx.anyCache.get(c);
    if (any === undefined) {
      any = findAnywhere(ctx, c);
      ctx.anyCache.set(c, any);
    }
    // a context word that is only inside this very span does not count
    if (any >= 0 && !(any >= span.t0 && any < span.t1) && !usedTok.includes(any)) {
      score += 1;
      usedTok.push(any);
      found.add(c);
      parts.push(`page has '${d.strings[c]}' (+1)`);
    }
  }
  return Math.min(score, 8);
}

function lowerKeyOf(s: string): string {
  return foldString(s).toLowerCase().replace(/[\s\-]+/g, ' ').trim();
}

/** Per matcher data: string-table index → id of its lower-cased key (equal keys, equal ids), so the page's
 *  name and context tables are keyed by numbers; hashing key strings was a tenth of a large pack's scan. */
const keyIdsOf = perMatcher((d) => ({ ids: new Map<string, number>(), byStr: new Int32Array(d.strings.length).fill(-1) }));
function keyId(ctx: ScanContext, i: number): number {
  const k = keyIdsOf(ctx.d);
  let id = k.byStr[i]!;
  if (id < 0) {
    const key = lowerKeyOf(ctx.d.strings[i]!);
    id = k.ids.get(key) ?? -1;
    if (id < 0) k.ids.set(key, (id = k.ids.size));
    k.byStr[i] = id;
  }
  return id;
}

const entKeysOf = perMatcher((d) => new Array<number[] | undefined>(d.entId.length));
/** keyIds of an entity's id and aliases (cached per matcher data). */
function entKeys(ctx: ScanContext, e: number): number[] {
  const d = ctx.d;
  const m = entKeysOf(d);
  let k = m[e];
  if (k === undefined) {
    k = [keyId(ctx, d.entId[e]!)];
    for (let i = d.entAliasOff[e]!; i < d.entAliasOff[e + 1]!; i++) k.push(keyId(ctx, d.entAliases[i]!));
    m[e] = k;
  }
  return k;
}

/**
 * keyId → a number, for one scan: typed arrays stamped with the scan's number and reused by the next scan
 * (scans run one at a time). A Map per scan, filled with every key of the page's entities, had cost a
 * twentieth of a scan on a large pack.
 */
export class KeyMap {
  private stamp = new Int32Array(1024);
  private val = new Int32Array(1024);
  private gen = 0;
  size = 0;
  /** Empties the map (for the next scan). */
  reset(): this {
    this.gen++;
    this.size = 0;
    return this;
  }
  /** The value of key k, or -1. */
  get(k: number): number {
    return k < this.stamp.length && this.stamp[k] === this.gen ? this.val[k]! : -1;
  }
  set(k: number, v: number): void {
    if (k >= this.stamp.length) {
      let n = this.stamp.length;
      while (n <= k) n *= 2;
      this.stamp = grownTo(this.stamp, n);
      this.val = grownTo(this.val, n);
    }
    if (this.stamp[k] !== this.gen) {
      this.stamp[k] = this.gen;
      this.size++;
    }
    this.val[k] = v;
  }
}
const PAGE_NAMES = new KeyMap();
const PAGE_CONTEXTS = new KeyMap();

/** keyId of a confirmed entity's id, name or alias → that entity (the last one confirmed), per scan. */
function pageNames(ctx: ScanContext): KeyMap {
  if (ctx.pageNames) return ctx.pageNames;
  const m = PAGE_NAMES.reset();
  for (const e of ctx.confirmed.keys()) for (const k of entKeys(ctx, e)) m.set(k, e);
  ctx.pageNames = m;
  return m;
}

/** keyId(context string) → confirmed entities whose context has it (reverse co-occurrence), per scan: an
 *  index into ctx.pageContextLists. */
function pageContexts(ctx: ScanContext): KeyMap {
  if (ctx.pageContexts) return ctx.pageContexts;
  const d = ctx.d;
  const m = PAGE_CONTEXTS.reset();
  const lists: number[][] = (ctx.pageContextLists = []);
  if (ctx.confirmed.size < 200) {
    for (const o of ctx.confirmed.keys()) {
      for (let i = d.entCtxOff[o]!; i < d.entCtxOff[o + 1]!; i++) {
        const k = keyId(ctx, d.entCtx[i]!);
        const li = m.get(k);
        if (li < 0) {
          m.set(k, lists.length);
          lists.push([o]);
        } else if (!lists[li]!.includes(o)) lists[li]!.push(o);
      }
    }
  }
  ctx.pageContexts = m;
  return m;
}

function cooccurrence(ctx: ScanContext, ent: number, parts: string[], found: Set<number>): number {
  const d = ctx.d;
  if (ctx.confirmed.size === 0) return 0;
  const names = pageNames(ctx);
  let hits: number[] | null = null; // few: a small array beats a Set
  for (let i = d.entCtxOff[ent]!; i < d.entCtxOff[ent + 1]!; i++) {
    if (found.has(d.entCtx[i]!)) continue; // already counted as a context word in the text
    const o = names.get(keyId(ctx, d.entCtx[i]!));
    if (o >= 0 && o !== ent && !hits?.includes(o)) (hits ??= []).push(o);
  }
  // reverse: a confirmed entity's context mentions this entity's id or name
  const rev = pageContexts(ctx);
  if (rev.size) {
    const lists = ctx.pageContextLists!;
    for (const k of entKeys(ctx, ent)) {
      const li = rev.get(k);
      if (li >= 0) for (const o of lists[li]!) if (o !== ent && !hits?.includes(o)) (hits ??= []).push(o);
    }
  }
  if (!hits) return 0;
  const n = Math.min(hits.length, 3);
  for (let i = 0; i < n; i++) parts.push(`page mentions ${d.strings[d.entId[hits[i]!]!]} (+1)`);
  return n;
}

function langScore(ctx: ScanContext, ent: number, parts: string[]): number {
  const l = ctx.d.entLang[ent]!;
  if (!ctx.pageLang || l < 0) return 0;
  const el = ctx.d.strings[l]!.split('-')[0];
  if (el === ctx.pageLang) {
    parts.push(`page language ${ctx.pageLang} (+0.5)`);
    return 0.5;
  }
  parts.push(`entity language ${el} ≠ page ${ctx.pageLang} (-0.5)`);
  return -0.5;
}

interface Cand {
  ent: number;
  kind: 'alias' | 'coref';
  pat: number;
  stop: boolean;
  total: number;
  /** evidence that is not a prior: context, co-occurrence, coreference, title */
  evidence: number;
  coref: number;
  parts: string[];
  ok: boolean;
}

/** Unambiguous, non-stop-word alias span: one entity, only alias patterns. */
export function isStrong(ctx: ScanContext, span: Span): boolean {
  const d = ctx.d;
  let ent = -1;
  for (const p of span.pats) {
    const f = d.patFlags[p]!;
    const e = d.patEnt[p]!;
    if (ent >= 0 && e !== ent) return false;
    ent = e;
    if (f & (P_STOP | P_NEVER | P_SURNAME)) return false;
  }
  // A person's one-word alias ("Trump") is a surname in practice: decided like one, so that a namesake
  // on the page ("Ivanka Trump … Trump told reporters") is respected.
  if (ent >= 0 && span.t1 - span.t0 === 1 && d.entType[ent] === T_PERSON_CODE) return false;
  if (ent >= 0 && (foreignAcronym(ctx, span.pats[0]!) || genericPaper(ctx, span.pats[0]!))) return false;
  return ent >= 0;
}

const T_PUBLISHER_CODE = typeCode('publisher');
// Newspaper names that many cities have ("The Herald" is Glasgow's, Gqeberha's and Harare's)
const GENERIC_PAPERS = new Set(['herald', 'star', 'nation', 'standard', 'tribune', 'post', 'chronicle', 'observer', 'mirror', 'telegraph', 'times'].map(hashToken));
const PAPER_PREFIXES = new Set(['the', 'daily', 'sunday', 'evening', 'morning'].map(hashToken));

/** A newspaper of one country called by a name that many cities' papers have ("The Herald"): linked only
 *  when its country is on the page or context words say which paper it is (decide). */
function genericPaper(ctx: ScanContext, pat: number): boolean {
  const d = ctx.d;
  const e = d.patEnt[pat]!;
  if (d.entType[e] !== T_PUBLISHER_CODE || d.entCountry[e]! < 0) return false;
  const hs = ctx.phrase(d.patStr[pat]!).hashes;
  // ("The Herald", "Daily Telegraph": Sydney has one as well as London)
  let i = 0;
  while (i < hs.length - 1 && PAPER_PREFIXES.has(hs[i]!)) i++;
  return hs.length - i === 1 && GENERIC_PAPERS.has(hs[i]!);
}

const ACRONYM_TYPES = new Set(['agency', 'group', 'organization'].map((t) => typeCode(t as 'agency')));

/**
 * A one-word acronym of another country's state body, armed group, party or company ("NIS", "FSB", "RSF", "SDF"): three
 * letters mean many things ("NIS 1.2 billion" is shekels, the FSB of a G20 story is the Financial Stability
 * Board), so it is linked only on a page that names that country's side, or with context. (US acronyms —
 * FBI, CIA — are read everywhere and stay unconditional.)
 */
function foreignAcronym(ctx: ScanContext, pat: number): boolean {
  const d = ctx.d;
  const e = d.patEnt[pat]!;
  const c = d.entCountry[e]!;
  if (c < 0 || c === e || !ACRONYM_TYPES.has(d.entType[e]!) || !(d.patFlags[pat]! & P_CASE_EXACT)) return false;
  if (d.patTokOff[pat + 1]! - d.patTokOff[pat]! !== 1) return false;
  return c !== usIndex(d);
}

/** The country or one of its people, places or bodies was named in full on this page (pass 1). */
function countryOnPage(ctx: ScanContext, country: number): boolean {
  let on = ctx.countriesOnPage;
  if (!on) {
    on = new Set<number>();
    for (const e of ctx.mentions.keys()) {
      const c = ctx.d.entCountry[e]!;
      if (c >= 0) on.add(c);
      on.add(e);
    }
    ctx.countriesOnPage = on;
  }
  return on.has(country);
}

const aliasReasonsOf = perMatcher(() => new Map<number, string>());

/** The reason line of a plain alias match. Names recur on a page and across pages, so the string for a
 *  pattern (and its middle-initial / plural variant) is made once per matcher; a person's title is added
 *  per match. */
export function describeAlias(ctx: ScanContext, span: Span, i: number): string {
  const d = ctx.d;
  const p = span.pats[i]!;
  const e = d.patEnt[p]!;
  const form = span.forms?.[i] ?? 0;
  const key = p * 4 + form;
  const cache = aliasReasonsOf(d);
  let r = cache.get(key);
  if (r === undefined) {
    const isName = d.patStr[p] === d.entName[e];
    r = `${isName ? 'name' : 'alias'} '${d.strings[d.patStr[p]!]}'`;
    if (form & FORM_MIDDLE) r += ' (middle initial)';
    if (form & FORM_PLURAL) r += ' (plural)';
    r += ` → ${d.strings[d.entId[e]!]}`;
    if (d.patFlags[p]! & P_CASE_EXACT) r += ' [case-exact]';
    if (cache.size < 100_000) cache.set(key, r);
  }
  if (d.entType[e] === T_PERSON_CODE) {
    const title = titleBefore(ctx, e, span.t0);
    if (title) r += `; title '${title}'`;
  }
  return r;
}

// decide() in parts, each a function of its own: V8 optimises a function once its feedback has been stable for
// a number of calls that grows with its size, and a rule first reached late on a page started the count again
// (Node 20, 2026-11: --trace-opt-verbose, "resetting ticks … due to IC change"); as one 6 KB function decide
// ran unoptimised through the first few hundred pages of a session.

/** The span's candidate entities, one per entity: its best pattern (a full alias before a common word before
 *  a surname). */
function candidatesOf(ctx: ScanContext, span: Span): Map<number, Cand> {
  const d = ctx.d;
  const byEnt = new Map<number, Cand>();
  for (const p of span.pats) {
    const f = d.patFlags[p]!;
    const ent = d.patEnt[p]!;
    const surname = (f & P_SURNAME) !== 0;
    let c = byEnt.get(ent);
    if (!c) {
      c = { ent, kind: surname ? 'coref' : 'alias', pat: p, stop: true, total: 0, evidence: 0, coref: 0, parts: [], ok: false };
      byEnt.set(ent, c);
    }
    if (!surname && (f & P_NEVER) === 0) {
      if (c.kind === 'coref' || (c.stop && (f & P_STOP) === 0)) c.pat = p;
      c.kind = 'alias';
      if ((f & P_STOP) === 0) c.stop = false;
    } else if (surname && c.kind === 'coref') {
      c.pat = p;
      c.stop = (f & (P_STOP | P_NEVER)) !== 0;
    }
  }
  return byEnt;
}

/** The common case: one entity, a full alias that is not a common word. It is accepted whatever the context
 *  says, so the scoring is skipped (most of a scan's time on a large pack went there). */
function onlyEntity(ctx: ScanContext, span: Span, byEnt: Map<number, Cand>): Decision | null {
  const d = ctx.d;
  const only = byEnt.values().next().value!;
  if (only.kind === 'alias' && !only.stop && (d.patFlags[only.pat]! & P_NEVER) === 0 && !personAfterNamesake(ctx, only.ent, span) && !foreignAcronym(ctx, only.pat) && !genericPaper(ctx, only.pat)) {
    return { ent: only.ent, kind: 'alias', reason: `alias '${d.strings[d.patStr[only.pat]!]}' → ${d.strings[d.entId[only.ent]!]}: the only entity with this name` };
  }
  return null;
}

/**
 * The candidates to score, or null when none may be linked here.
 * A bare surname that three or more KB people share ("Smith" in a big pack) is linked only to one of them named
 * earlier on the page, seen before or titled here: context words cannot single out one of many namesakes
 * reliably, and scoring all of them was most of a scan's time on a 100k pack.
 */
function namesakePool(ctx: ScanContext, span: Span, byEnt: Map<number, Cand>): Iterable<Cand> | null {
  let pool: Iterable<Cand> = byEnt.values();
  if (byEnt.size >= 3) {
    let allCoref = true;
    for (const c of byEnt.values()) if (c.kind !== 'coref') allCoref = false;
    // Likewise a name that many KB entities share (a place name six towns have): context words cannot
    // single out one of them reliably either.
    // (Not generic names such as "Senate", which the page's country decides.)
    let manyNamesakes = byEnt.size >= MANY_NAMESAKES;
    if (manyNamesakes) for (const c of byEnt.values()) if (c.stop) manyNamesakes = false;
    if (allCoref || manyNamesakes) {
      const kept: Cand[] = [];
      for (const c of byEnt.values()) {
        const first = ctx.confirmed.get(c.ent);
        if ((first !== undefined && first < span.t0) || ctx.seen.has(c.ent) || titleBefore(ctx, c.ent, span.t0)) kept.push(c);
      }
      if (kept.length === 0) return null;
      pool = kept;
    }
  }
  return pool;
}

/** Scores the pool's candidates; those the rules rule out are left out. */
function scoreCandidates(ctx: ScanContext, span: Span, byEnt: Map<number, Cand>, pool: Iterable<Cand>): Cand[] {
  const d = ctx.d;
  const cands: Cand[] = [];
  // every candidate is a body (not a place or person) of a country, and no two of the same country
  let countryBodies = byEnt.size > 1;
  {
    const seen = new Set<number>();
    for (const c of byEnt.values()) {
      const k = d.entCountry[c.ent]!;
      const ty = d.entType[c.ent]!;
      if (k < 0 || k === c.ent || ty === T_PERSON_CODE || typeName(ty) === 'place' || seen.has(k)) countryBodies = false;
      seen.add(k);
    }
  }
  // "CANBERRA (AFP) —": an agency's credit in a dateline names the news agency, whatever else it stands for
  // (and "told AFP", "AFP reported": a news organisation when one of the candidates is)
  // (what kinds of candidate there are, for this and the rules below)
  let publisher = false;
  let subnational = false;
  let withPlace = false;
  for (const e of byEnt.keys()) {
    if (d.entType[e] === T_PUBLISHER_CODE) publisher = true;
    if (subnationalPlace(ctx, e)) subnational = true;
    if (typeName(d.entType[e]!) === 'place') withPlace = true;
  }
  const credit = byEnt.size > 1 && (wireCredit(ctx, span) || (publisher && newsCue(ctx, span) !== null));
  // "Georgia beat Alabama 28-7": a college team, not the state; the country stays a candidate (its national
  // team is the country, policy 11) but only on its own context ("rugby", "Tbilisi"), not capitals or lists
  const team = subnational && teamUse(ctx, span.t0, span.t1);
  // "Pakistan's opposition PTI": the country before the possessive owns the body or party
  // "Indian Army … The Army has moved", "Central Bureau of Investigation … The CBI": a short name goes on from
  // the last of its candidates the page named in full, in this paragraph or the one before
  // (not between a place and what is named after it: "the Sinaloa Cartel … ranches in Sinaloa")
  const lastNamed = byEnt.size > 1 && !withPlace ? lastNamedInFull(ctx, byEnt.keys(), span) : -1;
  let owner = byEnt.size > 1 ? possessiveCountry(ctx, span) : -1;
  if (owner >= 0 && ![...byEnt.values()].some((c) => d.entCountry[c.ent] === owner && c.ent !== owner)) owner = -1;
  for (const c of pool) {
    const f = d.patFlags[c.pat]!;
    const isNever = (f & P_NEVER) !== 0;
    if (credit && d.entType[c.ent] !== T_PUBLISHER_CODE) continue;
    if (team && subnationalPlace(ctx, c.ent)) continue;
    const parts = c.parts;
    // After a namesake ("Samsung chairman Lee Jae-yong") a bare "Lee" is not linked to a person the page has
    // not named in full before, unless one of their titles says who it is ("President Lee").
    if (c.kind === 'coref' && namesakeUnsettled(ctx, c.ent, span)) continue;
    // "el departamento del Meta", "the state of Georgia": a place's name, whatever else it names
    if (typeName(d.entType[c.ent]!) !== 'place' && (placeNounBefore(ctx, span) || compassAfter(ctx, span))) continue;
    // "the US state of Georgia": a state, province or region, not the country of the same name
    if (subnational && d.entCountry[c.ent] === c.ent && placeNounBefore(ctx, span)) continue;
    const found = new Set<number>();
    let ev = contextScore(ctx, c.ent, span, parts, found) + cooccurrence(ctx, c.ent, parts, found);
    if (team && ev < 2) continue;
    if (owner >= 0 && d.entCountry[c.ent] !== owner) continue;
    if (owner >= 0) {
      ev += 3;
      parts.push(`'${d.strings[d.entName[owner]!]}’s' (+3)`);
    }
    // (what says which paper it is: context, not "told" or "reported", which any paper has)
    const paperUnsure = ev < 2 && genericPaper(ctx, c.pat) && !countryOnPage(ctx, d.entCountry[c.ent]!);
    ev += syntaxCues(ctx, c.ent, span, parts);
    let coref = 0;
    if (c.kind === 'coref') {
      const ce = corefEvidence(ctx, c.ent, span.t0, byEnt.size > 1);
      coref = ce.score;
      parts.push(...ce.parts);
      if (isNever && !ce.parts.some((p) => p.startsWith('title'))) continue;
    } else {
      const aliasEv = aliasEvidence(ctx, span, c, ev, paperUnsure, owner, lastNamed, countryBodies);
      if (aliasEv === null) continue;
      ev = aliasEv;
    }
    c.evidence = ev;
    c.coref = coref;
    c.total = ev + coref + langScore(ctx, c.ent, parts) + (TYPE_PRIOR[typeName(d.entType[c.ent]!)] ?? 0);
    if (c.kind === 'coref') c.ok = coref >= 3 || ev >= 3;
    else if (c.stop) c.ok = ev >= 2;
    else c.ok = true;

    cands.push(c);
  }
  return cands;
}

/** Evidence for an alias candidate (ev so far, plus what only an alias gets), or null when the rules rule it
 *  out. */
function aliasEvidence(ctx: ScanContext, span: Span, c: Cand, ev: number, paperUnsure: boolean, owner: number, lastNamed: number, countryBodies: boolean): number | null {
  const d = ctx.d;
  const isNever = (d.patFlags[c.pat]! & P_NEVER) !== 0;
  const parts = c.parts;
  if (isNever) return null;
  if (personAfterNamesake(ctx, c.ent, span)) return null;
  if (c.ent === lastNamed) {
    ev += 2;
    parts.push(`last named in full: '${d.strings[d.entName[c.ent]!]}' (+2)`);
  }
  // "Servicio de Inmigración y Control de Aduanas (ICE)": its full name right before the parenthesis
  if (span.t1 - span.t0 === 1 && span.t0 > 0 && inParentheses(ctx, span.t0) && ctx.spanAtEnd.get(span.t0)?.pats.some((q) => d.patEnt[q] === c.ent)) {
    ev += 3;
    parts.push('full name before it (+3)');
  }
  if (paperUnsure || (ev < 2 && foreignAcronym(ctx, c.pat) && !countryOnPage(ctx, d.entCountry[c.ent]!))) return null;
  if (c.stop && (institutionPattern(ctx, c.pat) || isParty(ctx, c.ent))) {
    if (owner < 0 && (foreignPage(ctx, c.ent, span) || foreignParagraph(ctx, c.ent, span))) return null;
    const home = homeInstitution(ctx, c.ent);
    if (home) {
      ev += home;
      parts.push(`page about ${d.strings[d.entId[d.entCountry[c.ent]!]!]} (+${home})`);
    }
    // "Defense Secretary Pete Hegseth faced questions in Congress", "SEOUL — President Lee … The
    // Democratic Party": the paragraph names the country's own side, whatever the page is mostly about
    const side = sideInParagraph(ctx, c.ent, span);
    if (side) {
      ev += 1;
      parts.push(`paragraph names '${side}' (+1)`);
    }
  } else if (countryBodies && d.entCountry[c.ent] === leadCountry(ctx)) {
    // Bodies of different countries share the name ("Commons"): the one of the country the headline
    // and lead are about.
    ev += 1;
    parts.push(`lead about ${d.strings[d.entId[d.entCountry[c.ent]!]!]} (+1)`);
  }
  // "his father, King Salman": the alias with its royal title matched in full (the title stays outside
  // the span), which a bare surname of another person ("bin Salman") does not outweigh
  if (d.patTokOff[c.pat + 1]! - d.patTokOff[c.pat]! > span.t1 - span.t0) {
    ev += 3;
    parts.push(`'${d.strings[d.patStr[c.pat]!]}' in full (+3)`);
  }
  if (typeName(d.entType[c.ent]!) === 'person') {
    const title = titleBefore(ctx, c.ent, span.t0);
    if (title) {
      ev += 2;
      parts.push(`title '${title}' (+2)`);
    }
    // "Pope Leo XIV … Leo urged": a person's common-word short name after the page named them in full
    const first = ctx.confirmed.get(c.ent);
    if (c.stop && span.t1 - span.t0 === 1 && first !== undefined && first < span.t0) {
      ev += 1;
      parts.push('named in full earlier (+1)');
    }
  }
  return ev;
}

/** The best candidate, when it is good enough and clearly ahead of the runner-up. */
function bestCandidate(ctx: ScanContext, span: Span, cands: Cand[]): Decision | null {
  const d = ctx.d;
  if (cands.length === 0) return null;
  // one candidate, a common-word alias written as a name in running text: "threat to Japan's survival",
  // "at Costco", "Alphabet and Meta"
  if (cands.length === 1 && !cands[0]!.ok && cands[0]!.kind === 'alias' && cands[0]!.stop && properUse(ctx, cands[0]!.ent, span)) {
    cands[0]!.ok = true;
    cands[0]!.parts.unshift('capitalised in running text');
  }
  // The best two by total (ties: lower entity index), as a sort would order them; there are seldom more
  // than three, and sorting them with a comparator cost a sixth of decide().
  const before = (a: Cand, b: Cand): boolean => a.total > b.total || (a.total === b.total && a.ent < b.ent);
  let best = cands[0]!;
  let second: Cand | undefined;
  for (let i = 1; i < cands.length; i++) {
    const c = cands[i]!;
    if (before(c, best)) {
      second = best;
      best = c;
    } else if (!second || before(c, second)) second = c;
  }
  if (!best.ok) return null;
  if (second && (best.total - second.total < 1 - 1e-9 || best.evidence + best.coref < 1)) return null;
  const text = d.strings[d.patStr[best.pat]!]!;
  let reason =
    best.kind === 'coref'
      ? `coref '${text}' → ${d.strings[d.entId[best.ent]!]}`
      : `alias '${text}'${best.stop ? ' (common word)' : ''} → ${d.strings[d.entId[best.ent]!]}`;
  reason += best.parts.length ? `: ${best.parts.join(', ')}` : '';
  if (second) reason += `; runner-up ${d.strings[d.entId[second.ent]!]} ${fmt(second.evidence + second.coref)}`;
  return { ent: best.ent, kind: best.kind, reason };
}

/** Decides an ambiguous / common-word / surname span, or returns null to leave it unmatched. */
export function decide(ctx: ScanContext, span: Span): Decision | null {
  const byEnt = candidatesOf(ctx, span);
  if (byEnt.size === 1) {
    const only = onlyEntity(ctx, span, byEnt);
    if (only) return only;
  }
  const pool = namesakePool(ctx, span, byEnt);
  return pool && bestCandidate(ctx, span, scoreCandidates(ctx, span, byEnt, pool));
}

const LOCATIVE = new Set([...LOCATIVES].map(hashToken));
const DETERMINER = new Set([...DETERMINERS].map(hashToken));
const INSTITUTION = new Set([...INSTITUTION_WORDS].map(hashToken));
const CONJ = new Set(['and', 'or', 'y', 'e', 'o', 'und', 'et', 'nor'].map(hashToken));
const COMMA_GAP = /^\s*,\s*$/;
const WHERE = new Set(['where', 'donde', 'ou', 'wo', 'onde'].map(hashToken));
const DASH_GAP = /[\u2014\u2013]|\s-\s/;

/** Token t is part of a dateline: capitalised tokens at the start of a block, up to a dash ("ATLANTA —",
 *  "CULIACÁN, Mexico —"). */
export function isDateline(ctx: ScanContext, t: number): boolean {
  const tk = ctx.tk;
  const b = tk.block[t]!;
  let s = t;
  while (s > 0 && tk.block[s - 1] === b) {
    s--;
    if (t - s > 3) return false;
  }
  for (let i = s; i <= t + 3 && i < tk.n && tk.block[i] === b; i++) {
    if (!(tk.flags[i]! & T_UPPER)) return false;
    const g = i + 1 < tk.n && tk.block[i + 1] === b ? ctx.blocks[b]!.slice(tk.oend[i]!, tk.ostart[i + 1]!) : '';
    if (DASH_GAP.test(g)) return i >= t;
  }
  return false;
}

/** A dateline token of the page that is one of the entity's context words, or null. */
function datelineContext(ctx: ScanContext, ent: number): string | null {
  const d = ctx.d;
  const tk = ctx.tk;
  if (!ctx.datelines) {
    const dl: number[] = [];
    for (let t = 0; t < tk.n; t++) {
      if (t > 0 && tk.block[t - 1] === tk.block[t]) continue; // block starts only
      for (let u = t; u < t + 4 && u < tk.n && tk.block[u] === tk.block[t]; u++) if (isDateline(ctx, u)) dl.push(u);
    }
    ctx.datelines = dl;
  }
  for (const t of ctx.datelines) {
    for (let i = d.entCtxOff[ent]!; i < d.entCtxOff[ent + 1]!; i++) {
      if (phraseAt(ctx, d.entCtx[i]!, t)) return ctx.blocks[tk.block[t]!]!.slice(tk.ostart[t]!, tk.oend[t]!);
    }
  }
  return null;
}

const COMPASS = new Set(['north', 'south', 'east', 'west', 'northeast', 'northwest', 'southeast', 'southwest', 'al', 'norte', 'sur', 'este', 'oeste'].map(hashToken));
/** "in Berkshire, west of London", "Guerrero, al sur de": a place located by a compass point after it. */
function compassAfter(ctx: ScanContext, span: Span): boolean {
  const tk = ctx.tk;
  const a = span.t1;
  if (a + 1 >= tk.n || tk.block[a + 1] !== span.block || tk.block[a] !== span.block) return false;
  if (!COMPASS.has(tk.hash[a]!) || tk.flags[a]! & T_UPPER || !COMMA_GAP.test(ctx.blocks[span.block]!.slice(tk.oend[a - 1]!, tk.ostart[a]!))) return false;
  const n = tk.hash[a] === COMPASS_AL ? a + 1 : a;
  return n + 1 < tk.n && tk.block[n + 1] === span.block && (n === a ? OF_DE.has(tk.hash[n + 1]!) : COMPASS.has(tk.hash[n]!));
}
const COMPASS_AL = hashToken('al');

/** Of the entities, the one whose last full-name mention (pass 1) before the span is nearest, if that is in
 *  the span's paragraph or the one before; -1 otherwise. */
function lastNamedInFull(ctx: ScanContext, ents: Iterable<number>, span: Span): number {
  const tk = ctx.tk;
  let best = -1;
  let at = -1;
  for (const e of ents) {
    const m = ctx.mentions.get(e);
    if (!m) continue;
    for (const t of m) if (t < span.t0 && t > at && tk.block[t]! >= span.block - 1) {
      // (not the span's own words: "the Army" inside "Indian Army" is that mention)
      at = t;
      best = e;
    }
  }
  return best;
}

const PARTY_MEMBER = new Set([...PARTY_MEMBER_WORDS, 'gop'].map(hashToken));

/** The first token of token t's sentence (T_SENT, or the block's first token). */
function sentenceStart(ctx: ScanContext, t: number): number {
  const tk = ctx.tk;
  let s = t;
  while (s > 0 && tk.block[s - 1] === tk.block[t] && !(tk.flags[s]! & T_SENT)) s--;
  return s;
}

/** Another country named (pass 1) in the span's sentence, as written, or null. */
function countryInSentence(ctx: ScanContext, ent: number, span: Span): string | null {
  const d = ctx.d;
  const tk = ctx.tk;
  const s = sentenceStart(ctx, span.t0);
  for (let t = s; t < tk.n && tk.block[t] === span.block && (t <= span.t0 || !(tk.flags[t]! & T_SENT)); t++) {
    if (t >= span.t0 && t < span.t1) continue;
    const o = ctx.spanAtStart.get(t);
    if (!o) continue;
    for (const p of o.pats) {
      const e = d.patEnt[p]!;
      if (e !== ent && d.entCountry[e] === e && ctx.confirmed.has(e)) return ctx.blocks[o.block]!.slice(o.start, o.end);
    }
  }
  return null;
}

const POSSESSIVE_S = hashToken('s');
const THE = hashToken('the');
const OF_WORD = hashToken('of');
const US_MEMBER_TITLES = new Set(['sen', 'senator', 'rep', 'representative', 'gov', 'governor', 'congressman', 'congresswoman'].map(hashToken));
/** The country named with a possessive before the span, over up to three lower-case words ("Pakistan's
 *  opposition PTI", "India's main opposition Congress"), or a person's country ("Imran Khan's party, the
 *  PTI"), or -1. */
function possessiveCountry(ctx: ScanContext, span: Span): number {
  const tk = ctx.tk;
  const d = ctx.d;
  let t = span.t0 - 1;
  // (over an appositive's comma too: "Imran Khan's party, the PTI")
  const joined = (u: number): boolean => spaceGap(ctx, u) || (tk.hash[u + 1] === THE && COMMA_GAP.test(ctx.blocks[span.block]!.slice(tk.oend[u]!, tk.ostart[u + 1]!)));
  for (let n = 0; n < 3 && t > 0 && tk.block[t] === span.block && !(tk.flags[t]! & T_UPPER) && tk.hash[t] !== POSSESSIVE_S && joined(t); n++) t--;
  if (t < 1 || tk.block[t] !== span.block || tk.hash[t] !== POSSESSIVE_S || !joined(t)) return -1;
  const g = ctx.blocks[span.block]!.slice(tk.oend[t - 1]!, tk.ostart[t]!);
  if (g !== "'" && g !== '\u2019') return -1;
  const own = ctx.spanAtEnd.get(t);
  if (!own || own.t1 !== t) return -1;
  for (const p of own.pats) {
    const e = d.patEnt[p]!;
    if (d.entCountry[e] === e) return e;
  }
  // a person's: "Imran Khan's party" is a party of his country
  if (own.types === 1 << T_PERSON_CODE) {
    const k = d.entCountry[d.patEnt[own.pats[0]!]!]!;
    if (k >= 0 && own.pats.every((p) => d.entCountry[d.patEnt[p]!] === k)) return k;
  }
  return -1;
}

/** The span is one word in parentheses right after a dateline's place: "CANBERRA (AFP) —". */
function wireCredit(ctx: ScanContext, span: Span): boolean {
  const t = span.t0;
  const tk = ctx.tk;
  return span.t1 === t + 1 && t > 0 && tk.block[t - 1] === span.block && inParentheses(ctx, t) && isDateline(ctx, t - 1) && isDateline(ctx, t);
}

/** Lower-case token right before the span (spaces only between). */
function wordBefore(ctx: ScanContext, span: Span, sentenceStart = false): number {
  const t = span.t0 - 1;
  if (t < 0 || !spaceGap(ctx, t)) return 0;
  // (with sentenceStart, a capital where a sentence starts counts too: "In Sinaloa, …")
  const f = ctx.tk.flags[t]!;
  if (f & T_UPPER && !(sentenceStart && f & T_SENT)) return 0;
  return ctx.tk.hash[t]!;
}

// "the state of Sinaloa", "el estado de Sinaloa": a place
const PLACE_NOUNS = new Set(['state', 'province', 'region', 'territory', 'department', 'estado', 'provincia', 'departamento', 'municipality', 'municipio'].map(hashToken));
const OF_DE = new Set(['of', 'de', 'del'].map(hashToken));
/** "the state of", "el departamento del" right before the span. */
function placeNounBefore(ctx: ScanContext, span: Span): boolean {
  const tk = ctx.tk;
  const t0 = span.t0;
  return t0 >= 2 && tk.block[t0 - 2] === span.block && OF_DE.has(tk.hash[t0 - 1]!) && PLACE_NOUNS.has(tk.hash[t0 - 2]!) && !(tk.flags[t0 - 2]! & T_UPPER);
}

// "told AFP", "AFP reported", "an AFP photographer", "according to AFP": a news organisation
const TOLD = new Set(['told', 'to', 'dijo', 'informó'].map(hashToken));
const TO_WORD = hashToken('to');
const ACCORDING = hashToken('according');
const NEWS_AFTER = new Set(
  `reported reports quoted cited photographer photographers reporter reporters correspondent correspondents
  journalist journalists interview reporting según informó`.split(/\s+/).map(hashToken),
);

/** "told AFP", "AFP reported", "according to AFP": the word that makes the span a news organisation, or null. */
function newsCue(ctx: ScanContext, span: Span): string | null {
  const tk = ctx.tk;
  const a = span.t1;
  if (a < tk.n && tk.block[a] === span.block && spaceGap(ctx, a - 1) && !(tk.flags[a]! & T_UPPER) && NEWS_AFTER.has(tk.hash[a]!)) {
    return ctx.blocks[span.block]!.slice(tk.ostart[a]!, tk.oend[a]!);
  }
  const t0 = span.t0;
  const before = wordBefore(ctx, span);
  if (before !== 0 && TOLD.has(before) && (before !== TO_WORD || (t0 >= 2 && tk.hash[t0 - 2] === ACCORDING))) {
    return ctx.blocks[span.block]!.slice(tk.ostart[t0 - 1]!, tk.oend[t0 - 1]!);
  }
  return null;
}

/** Another candidate name listed next to the span ("Apple, Microsoft and Amazon"), or null. */
function listNeighbour(ctx: ScanContext, span: Span): Span | null {
  const tk = ctx.tk;
  const gap = (a: number): string => ctx.blocks[tk.block[a]!]!.slice(tk.oend[a]!, tk.ostart[a + 1]!);
  const sameBlock = (a: number, b: number): boolean => a >= 0 && b < tk.n && tk.block[a] === tk.block[b];
  // before: "X, <span>" or "X and <span>" / "X, and <span>"
  const t0 = span.t0;
  if (sameBlock(t0 - 1, t0)) {
    const x = ctx.spanAtEnd.get(t0);
    if (x && x.t1 === t0 && COMMA_GAP.test(gap(t0 - 1))) return x;
    if (CONJ.has(tk.hash[t0 - 1]!) && !(tk.flags[t0 - 1]! & T_UPPER) && spaceGap(ctx, t0 - 1) && sameBlock(t0 - 2, t0 - 1)) {
      const y = ctx.spanAtEnd.get(t0 - 1);
      if (y && (spaceGap(ctx, t0 - 2) || COMMA_GAP.test(gap(t0 - 2)))) return y;
    }
  }
  // after: "<span>, X" or "<span> and X"
  const last = span.t1 - 1;
  if (sameBlock(last, last + 1)) {
    const x = ctx.spanAtStart.get(span.t1);
    if (x && COMMA_GAP.test(gap(last))) return x;
    const c = span.t1;
    if (CONJ.has(tk.hash[c]!) && !(tk.flags[c]! & T_UPPER) && (spaceGap(ctx, last) || COMMA_GAP.test(gap(last))) && spaceGap(ctx, c)) {
      const y = ctx.spanAtStart.get(c + 1);
      if (y) return y;
    }
  }
  return null;
}

/** Evidence from the words around the span: "in Sinaloa" (a place), "Apple, Microsoft and Amazon". */
function syntaxCues(ctx: ScanContext, ent: number, span: Span, parts: string[]): number {
  const d = ctx.d;
  const type = d.entType[ent]!;
  let ev = 0;
  const before = wordBefore(ctx, span, true);
  if (before && LOCATIVE.has(before) && typeName(type) === 'place') {
    ev += 2;
    parts.push(`locative '${ctx.blocks[span.block]!.slice(ctx.tk.ostart[span.t0 - 1]!, ctx.tk.oend[span.t0 - 1]!)}' (+2)`);
  }
  if (typeName(type) === 'place') {
    // "Sinaloa, where …", "Sinaloa, donde …": a relative clause of place
    const a = span.t1;
    const tk = ctx.tk;
    if (a < tk.n && tk.block[a] === span.block && WHERE.has(tk.hash[a]!) && COMMA_GAP.test(ctx.blocks[span.block]!.slice(tk.oend[a - 1]!, tk.ostart[a]!))) {
      ev += 2;
      parts.push(`', ${ctx.blocks[span.block]!.slice(tk.ostart[a]!, tk.oend[a]!)}' (+2)`);
    }
    // "played in Georgia" in a story datelined ATLANTA: the place that contains the dateline city
    if (before && LOCATIVE.has(before)) {
      const dl = datelineContext(ctx, ent);
      if (dl) {
        ev += 2;
        parts.push(`dateline '${dl}' (+2)`);
      }
    }
  }
  const tk = ctx.tk;
  const t0 = span.t0;
  if (typeName(type) === 'place' && placeNounBefore(ctx, span)) {
    ev += 3;
    parts.push(`'${ctx.blocks[span.block]!.slice(tk.ostart[t0 - 2]!, tk.oend[t0 - 1]!)}' (+3)`);
  }
  if (type === T_PUBLISHER_CODE) {
    const cue = newsCue(ctx, span);
    if (cue) {
      ev += 3;
      parts.push(`news cue '${cue}' (+3)`);
    }
  }
  // "Sen. Raphael Warnock of Georgia", "Gov. Gavin Newsom of California": a person of the place's country
  if (typeName(type) === 'place' && t0 > 1 && tk.hash[t0 - 1] === OF_WORD && tk.block[t0 - 1] === span.block && spaceGap(ctx, t0 - 1) && spaceGap(ctx, t0 - 2)) {
    const who = ctx.spanAtEnd.get(t0 - 1);
    const k = d.entCountry[ent]!;
    if (who && who.t1 === t0 - 1 && k >= 0 && who.pats.some((p) => d.entType[d.patEnt[p]!] === T_PERSON_CODE && d.entCountry[d.patEnt[p]!] === k)) {
      ev += 3;
      parts.push(`'${ctx.blocks[span.block]!.slice(who.start, who.end)} of' (+3)`);
    } else if (k >= 0 && k === usIndex(d) && k !== ent) {
      // (a member of Congress the KB does not know: "Sen. Raphael Warnock of Georgia" names a US state)
      // back over the name's capitalised words (and initials) to the title before them
      let u = t0 - 2;
      let n = 0;
      while (n < 4 && u > 0 && tk.block[u - 1] === span.block && tk.flags[u]! & T_UPPER && !US_MEMBER_TITLES.has(tk.hash[u]!)) {
        const g = ctx.blocks[span.block]!.slice(tk.oend[u - 1]!, tk.ostart[u]!);
        if (g !== ' ' && g !== '. ') break;
        u--;
        n++;
      }
      if (n > 0 && tk.block[u] === span.block && US_MEMBER_TITLES.has(tk.hash[u]!)) {
        ev += 3;
        parts.push(`'${ctx.blocks[span.block]!.slice(tk.ostart[u]!, tk.oend[t0 - 1]!)}' (+3)`);
      }
    }
  }
  if (typeName(type) === 'place') {
    const k = d.entCountry[ent]!;
    // "Rep. Hank Johnson, a Georgia Democrat": a US state's party member
    const a = span.t1;
    if (k >= 0 && k !== ent && k === usIndex(d) && a < tk.n && tk.block[a] === span.block && tk.flags[a]! & T_UPPER && PARTY_MEMBER.has(tk.hash[a]!) && spaceGap(ctx, a - 1)) {
      ev += 3;
      parts.push(`'${ctx.blocks[span.block]!.slice(span.start, tk.oend[a]!)}' (+3)`);
    }
    // "Georgia, led by Nikoloz Basilashvili, will host Chile": on a sports page, a country in the same sentence
    // makes the team a national one, so the name is the country (policy 11)
    if (k === ent && sportsPage(ctx) && !placeUseAt(ctx, t0)) {
      const other = countryInSentence(ctx, ent, span);
      if (other) {
        ev += 2;
        parts.push(`plays '${other}' (+2)`);
      }
    }
  }
  // A neighbour of the same kind: for places, a country next to a country and a state next to a state
  // ("Georgia and Turkey" are countries, "Georgia and Texas" states)
  const isCountry = (e: number): boolean => d.entCountry[e] === e;
  const sameKind = (e: number): boolean => d.entType[e] === type && e !== ent && (typeName(type) !== 'place' || isCountry(e) === isCountry(ent));
  const nb = listNeighbour(ctx, span);
  if (nb && nb.pats.some((p) => sameKind(d.patEnt[p]!))) {
    ev += 2;
    parts.push(`listed with '${ctx.blocks[nb.block]!.slice(nb.start, nb.end)}' (+2)`);
  }
  // "Georgia beat Spain 81-77": the opponent is a country, so the team is a national one (policy 11)
  const op = typeName(type) === 'place' && isCountry(ent) ? opponent(ctx, span) : null;
  if (op && op.pats.some((p) => sameKind(d.patEnt[p]!))) {
    ev += 2;
    parts.push(`played '${ctx.blocks[op.block]!.slice(op.start, op.end)}' (+2)`);
  }
  return ev;
}

/** Entities of ent's type, other than ent, confirmed on the page by an unambiguous full-name match. */
function sameTypeConfirmed(ctx: ScanContext, ent: number): number {
  const d = ctx.d;
  let n = 0;
  for (const o of ctx.confirmed.keys()) if (o !== ent && d.entType[o] === d.entType[ent]) n++;
  return n;
}

/** A capitalised word in running text (not sentence-initial, not a headline, not "the Amazon"). */
function properUse(ctx: ScanContext, ent: number, span: Span): boolean {
  const tk = ctx.tk;
  const f = tk.flags[span.t0]!;
  if (!(f & T_UPPER) || !(f & T_HAS_LOWER)) return false;
  if (blockFlags(ctx, span.t0) & BLOCK_TITLE_CASE) return false;
  const type = typeName(ctx.d.entType[ent]!);
  // Sentence-initial, capitals say nothing: "China, the largest investor …" vs "Turkey should rest". Link a
  // country or company there only on a page that is about such things: two or more other entities of its
  // type named unambiguously (a recipe names none).
  // Not when the page also uses the word inside another name ("Michael Jordan … Jordan did not attend").
  if (
    f & T_SENT &&
    !((type === 'place' || type === 'organization') && span.t1 - span.t0 === 1 && !ctx.partOfOther.has(tk.hash[span.t0]!) && sameTypeConfirmed(ctx, ent) >= 2)
  ) {
    return false;
  }
  // "the Herald", "the Post": generic newspaper words need context; so do "Senate", "House", "Congress"
  if (type === 'publisher' || type === 'person') return false;
  if (INSTITUTION.has(tk.hash[span.t0]!) && span.t1 - span.t0 === 1) return false;
  // the common-word names of several words are generic institutions ("General Assembly"): always capitalised
  if (span.t1 - span.t0 > 1) return false;
  // "Chase Elliott … Chase drove well": the word is someone's given name on this page
  if (span.t1 - span.t0 === 1 && ctx.givenNames.has(tk.hash[span.t0]!)) return false;
  const before = wordBefore(ctx, span);
  if (before && DETERMINER.has(before) && (type === 'place' || type === 'organization')) return false;
  return true;
}

const COUNTRY_SIDE = new Set(['place', 'person', 'agency'].map((t) => typeCode(t as 'place')));
const GENERIC_NAME_WORDS = new Set(
  'the of and for united states national federal republic party department ministry council court house new south north east west democratic people'
    .split(' ')
    .map(hashToken),
);

const partyWordsOf = perMatcher(() => new Map<number, number[]>());
/** Name words of a country's political parties ("Republicans", "Democrats", "GOP"): in a paragraph they
 *  say which country's Senate it is, even when the page names another country more often. */
function partyWords(ctx: ScanContext, country: number): number[] {
  const d = ctx.d;
  const m = partyWordsOf(d);
  let out = m.get(country);
  if (!out) {
    const set = new Set<number>();
    for (let e = 0; e < d.entId.length; e++) {
      if (d.entCountry[e] !== country || !isParty(ctx, e)) continue;
      for (let i = d.entAliasOff[e]!; i < d.entAliasOff[e + 1]!; i++) {
        const hs = ctx.phrase(d.entAliases[i]!).hashes;
        if (hs.length === 1) set.add(hs[0]!);
      }
    }
    m.set(country, (out = [...set]));
  }
  return out;
}

const partiesOf = perMatcher((d) => {
  const a = new Uint8Array(d.entId.length);
  for (let e = 0; e < a.length; e++) if (d.entCountry[e]! >= 0 && d.entType[e] === T_ORG_CODE && /\b(?:Party|Greens)\b/.test(d.strings[d.entName[e]!]!)) a[e] = 1;
  return a;
});
/** A country's political party ("Labour Party", "Australian Greens"): its common-word names ("Labour",
 *  "Greens") are judged like the generic institution names, since other countries have parties of that name. */
function isParty(ctx: ScanContext, ent: number): boolean {
  return partiesOf(ctx.d)[ent] === 1;
}

/** Per scan: country → how often it and its people, places and state bodies were named in full (pass 1).
 *  Not companies, parties or media, which are named everywhere. */
function countryFocus(ctx: ScanContext): Map<number, number> {
  let focus = ctx.countryFocus;
  if (!focus) {
    const d = ctx.d;
    focus = new Map();
    for (const [e, at] of ctx.mentions) {
      const c = d.entCountry[e]!;
      if (c >= 0 && COUNTRY_SIDE.has(d.entType[e]!)) focus.set(c, (focus.get(c) ?? 0) + at.length);
    }
    ctx.countryFocus = focus;
  }
  return focus;
}

/**
 * The country the page's headline and lead are about: the only country whose side (the country, its
 * people, places and state bodies) is named in full in the first two paragraphs, or -1. A story datelined
 * NAIROBI that names the United States and its people as often as Kenya is still about Kenya, and says so
 * at the top: "Kenya's National Assembly approved …".
 */
function leadCountry(ctx: ScanContext): number {
  if (ctx.leadCountry !== undefined) return ctx.leadCountry;
  const d = ctx.d;
  const tk = ctx.tk;
  let end = 0; // first token of the third block that has tokens
  for (let blocks = 0; end < tk.n; end++) if ((end === 0 || tk.block[end] !== tk.block[end - 1]) && ++blocks === 3) break;
  let lead = -1;
  for (const [e, at] of ctx.mentions) {
    const c = d.entCountry[e]!;
    if (c < 0 || !COUNTRY_SIDE.has(d.entType[e]!) || at[0]! >= end) continue;
    if (lead >= 0 && lead !== c) {
      lead = -1;
      break;
    }
    lead = c;
  }
  ctx.leadCountry = lead;
  return lead;
}

/** [mentions of `home`'s side, mentions of the most-named other country's side] on this page. */
function focusOn(ctx: ScanContext, home: number): [number, number] {
  const focus = countryFocus(ctx);
  let other = 0;
  for (const [c, n] of focus) if (c !== home && n > other) other = n;
  return [focus.get(home) ?? 0, other];
}

/** The generic institution or party name of the country the page is about ("the Senate" on a page that
 *  names the United States and its people most, at least twice): evidence for it, 1 point, or 2 when the
 *  page names that country at least three times and twice as often as any other, or its headline and lead
 *  name that country's side and no other's (none when they name another's alone). */
function homeInstitution(ctx: ScanContext, ent: number): number {
  const home = ctx.d.entCountry[ent]!;
  if (home < 0 || home === ent) return 0;
  const lead = leadCountry(ctx);
  if (lead >= 0 && lead !== home) return 0;
  // the headline and lead are about its country alone
  if (lead === home) return 2;
  const [own, other] = focusOn(ctx, home);
  if (own < 2 || other >= own) return 0;
  // a page that names its country at least three times and twice as often as any other is about it
  return own >= 3 && own >= 2 * other ? 2 : 1;
}

/**
 * A generic institution name ("Senate", "Supreme Court", "Labour Party") of an entity that belongs to one
 * country, on a page about another: some other country (with its people and bodies) is named at least
 * twice and more often than the entity's own, and no word of a name from the entity's own country's side
 * is in the same paragraph. "The Senate passed the bill" in a story about Poland is Poland's Senate.
 * Counts come from unambiguous full-name matches (pass 1) of countries and of entities with a `country`.
 * When the headline and lead name one country's side alone (leadCountry), that settles what the page is
 * about instead of the counts: a Nairobi story can name Washington's people as often as Kenya's.
 */
function foreignPage(ctx: ScanContext, ent: number, span: Span): boolean {
  const d = ctx.d;
  const home = d.entCountry[ent]!;
  if (home < 0 || home === ent) return false;
  const lead = leadCountry(ctx);
  if (lead === home) return false;
  if (lead < 0) {
    const [own, other] = focusOn(ctx, home);
    if (other < 2 || other <= own) return false;
  }
  // The home country's side in the same paragraph settles it, even by a bare surname: a story about
  // Korea may name the United States more often than Korea, and still say "Lee's Democratic Party".
  const words = homeWords(ctx, home);
  return paragraphToken(ctx, span, (t) => words.has(ctx.tk.hash[t]!)) < 0;
}

/** The nearest token of the span's paragraph outside the span, before it first, that passes `test`, or -1. */
function paragraphToken(ctx: ScanContext, span: Span, test: (t: number) => boolean): number {
  const tk = ctx.tk;
  for (let t = span.t0 - 1; t >= 0 && tk.block[t] === span.block; t--) if (test(t)) return t;
  for (let t = span.t1; t < tk.n && tk.block[t] === span.block; t++) if (test(t)) return t;
  return -1;
}

/** A word of the entity's country's own side (homeWords) in the span's paragraph, as written, or null. */
function sideInParagraph(ctx: ScanContext, ent: number, span: Span): string | null {
  const home = ctx.d.entCountry[ent]!;
  if (home < 0 || home === ent) return null;
  const tk = ctx.tk;
  // (not party words: "Labour" and "Greens" name parties of several countries)
  const words = homeWords(ctx, home, false);
  // (not the span's own word again: the "Army" of "Indian Army" says nothing for Pakistan's Army)
  const own = (t: number): boolean => {
    for (let u = span.t0; u < span.t1; u++) if (tk.hash[u] === tk.hash[t]) return true;
    return false;
  };
  const t = paragraphToken(ctx, span, (u) => words.has(tk.hash[u]!) && (tk.flags[u]! & T_UPPER) !== 0 && !own(u));
  return t < 0 ? null : ctx.blocks[span.block]!.slice(tk.ostart[t]!, tk.oend[t]!);
}

/**
 * A generic body ("the Senate") in a datelined paragraph that names another country's side and nothing of
 * its own, on a page whose headline and lead are not about its country: the briefs page's "BUENOS AIRES — … President
 * Javier Milei's budget after the Senate voted" is Argentina's Senate, not Canada's from the brief before.
 */
function foreignParagraph(ctx: ScanContext, ent: number, span: Span): boolean {
  const d = ctx.d;
  const home = d.entCountry[ent]!;
  if (home < 0 || home === ent || leadCountry(ctx) === home) return false;
  const tk = ctx.tk;
  // "In Warsaw, the Senate on Tuesday passed …": a sentence that opens with another country's place
  const opener = sentenceOpenerCountry(ctx, span);
  if (opener >= 0) return opener !== home;
  // only in a datelined paragraph (a brief, a wire item): elsewhere a paragraph goes on from the last one
  let first = span.t0;
  while (first > 0 && tk.block[first - 1] === span.block) first--;
  if (!isDateline(ctx, first)) return false;
  let other = false;
  for (const [e, at] of ctx.mentions) {
    const k = d.entCountry[e] === e ? e : d.entCountry[e]!;
    if (k < 0 || !COUNTRY_SIDE.has(d.entType[e]!)) continue;
    let here = false;
    for (const t of at) if (tk.block[t] === span.block) here = true;
    if (!here) continue;
    if (k === home) return false;
    other = true;
  }
  return other;
}

const IN_WORDS = new Set(['in', 'en'].map(hashToken));
/** The country of a place that opens the span's sentence ("In Warsaw, …", "En Lima, …"), or -1. */
function sentenceOpenerCountry(ctx: ScanContext, span: Span): number {
  const d = ctx.d;
  const tk = ctx.tk;
  const s = sentenceStart(ctx, span.t0);
  if (s >= span.t0 - 1 || !(tk.flags[s]! & T_SENT) || !IN_WORDS.has(tk.hash[s]!)) return -1;
  const pl = ctx.spanAtStart.get(s + 1);
  if (!pl || pl.t1 >= span.t0 || !COMMA_GAP.test(ctx.blocks[span.block]!.slice(tk.oend[pl.t1 - 1]!, tk.ostart[pl.t1]!))) return -1;
  let k = -1;
  for (const p of pl.pats) {
    const e = d.patEnt[p]!;
    if (typeName(d.entType[e]!) !== 'place' || !ctx.confirmed.has(e)) continue;
    const c = d.entCountry[e]!;
    if (c < 0 || (k >= 0 && c !== k)) return -1;
    k = c;
  }
  return k;
}

/** Words that name a country's own side on this page: its mentioned people by surname, its mentioned
 *  bodies by their distinctive words, and its parties' one-word names (per scan, per country). */
function homeWords(ctx: ScanContext, home: number, withParties = true): Set<number> {
  const cache = withParties ? (ctx.homeWords ??= new Map()) : (ctx.homeNames ??= new Map());
  let words = cache.get(home);
  if (words) return words;
  const d = ctx.d;
  words = new Set<number>();
  for (const e of ctx.mentions.keys()) {
    if ((e !== home && d.entCountry[e] !== home) || !COUNTRY_SIDE.has(d.entType[e]!)) continue;
    const hs = ctx.phrase(d.entName[e]!).hashes;
    // a person by surname ("Donald" is Tusk's name too); a body by its distinctive words
    if (d.entType[e] === T_PERSON_CODE) {
      const surname = surnameFor(d.strings[d.entName[e]!]!);
      // (the surname's last word as a token: "Canel" of "Díaz-Canel", which a text token can equal)
      const sh = surname ? tokenizePhrase(surname).hashes : hs;
      words.add(sh[sh.length - 1]!);
    } else for (const h of hs) if (!GENERIC_NAME_WORDS.has(h)) words.add(h);
  }
  if (withParties) for (const h of partyWords(ctx, home)) words.add(h);
  cache.set(home, words);
  return words;
}

/** A person's one-word alias ("Trump") after a namesake, judged like a bare surname. */
function personAfterNamesake(ctx: ScanContext, ent: number, span: Span): boolean {
  return span.t1 - span.t0 === 1 && ctx.d.entType[ent] === T_PERSON_CODE && namesakeUnsettled(ctx, ent, span);
}

/** A namesake stands between (namesakeBetween) and no title of the person's says who it is ("President Lee"). */
function namesakeUnsettled(ctx: ScanContext, ent: number, span: Span): boolean {
  return namesakeBetween(ctx, ent, span) && !titleBefore(ctx, ent, span.t0);
}

/** "Dale Turner … Turner": another person with this surname was named before the bare surname, and `ent`
 *  had not been named in full (or seen on the page) before it. */
function namesakeBetween(ctx: ScanContext, ent: number, span: Span): boolean {
  const ns = ctx.namesakes.get(ctx.tk.hash[span.t1 - 1]!);
  if (!ns) return false;
  let n = -1;
  for (const x of ns) if (x < span.t0 && x > n) n = x;
  if (n < 0) return false;
  // Named in full before this point (or seen on the page before): the article is about them, and the
  // namesake is the aside ("Gustavo Petro … his son Nicolás Petro … Petro said").
  if (ctx.seen.has(ent)) return false;
  const m = ctx.mentions.get(ent);
  if (m) for (const x of m) if (x < span.t0) return false;
  return true;
}
