// Scoring for spans that need judgement: an alias shared by several entities (Jordan the country vs
// Michael Jordan), common-word aliases (Apple, China), and bare surnames (coreference).
//
// score = context words near the span (+2 each) or anywhere in the scan (+1 each)
//       + co-occurrence: the entity's context names another entity matched on the page, or vice versa (+1 each)
//       + coreference evidence for surnames (earlier full name / seen on page / title: +3 each)
//       + page language agreement (±0.5) + a small type prior (≤ 0.3)
// The best candidate wins only with a clear margin (≥ 1) and enough evidence of its own.
import { corefEvidence, titleBefore } from './coref';
import { foldString, hashToken } from './fold';
import { P_CASE_EXACT, P_NEVER, P_STOP, P_SURNAME, typeName } from './hash-index';
import type { ScanContext } from './scan-context';

export const NEAR_TOKENS = 10;
const TYPE_PRIOR: Record<string, number> = { place: 0.3, agency: 0.2, organization: 0.2, group: 0.2, person: 0.1 };

export interface Span {
  block: number;
  t0: number;
  t1: number;
  start: number;
  end: number;
  /** Parallel: pattern ids and flags (middle initial / plural) of every verified pattern on this span. */
  pats: number[];
  middle: boolean[];
  plural: boolean[];
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
  if (h !== v[0] && h !== v[1] && h !== v[2]) return false;
  const m = ph.hashes.length;
  if (t + m > tk.n || tk.block[t + m - 1] !== tk.block[t]) return false;
  for (let k = 1; k < m; k++) if (tk.hash[t + k] !== ph.hashes[k]) return false;
  return true;
}

const VARIANTS = new WeakMap<ScanContext['d'], Map<number, [number, number, number]>>();
function variants(ctx: ScanContext, strIdx: number): [number, number, number] {
  let m = VARIANTS.get(ctx.d);
  if (!m) VARIANTS.set(ctx.d, (m = new Map()));
  let v = m.get(strIdx);
  if (!v) {
    const ph = ctx.phrase(strIdx);
    const first = ph.tokens[0] ?? '';
    const h = ph.hashes[0] ?? 1;
    // single-token phrase: "cartel" also matches "cartels" and vice versa
    const single = ph.tokens.length === 1;
    v = [
      h,
      single ? hashToken(first + 's') : h,
      single && /s$/i.test(first) && first.length > 3 ? hashToken(first.slice(0, -1)) : h,
    ];
    m.set(strIdx, v);
  }
  return v;
}

function contextScore(ctx: ScanContext, ent: number, span: Span, parts: string[]): number {
  const d = ctx.d;
  const tk = ctx.tk;
  let score = 0;
  const b = span.block;
  const lo = Math.max(0, span.t0 - NEAR_TOKENS);
  const hi = Math.min(tk.n, span.t1 + NEAR_TOKENS);
  for (let i = d.entCtxOff[ent]!; i < d.entCtxOff[ent + 1]!; i++) {
    const c = d.entCtx[i]!;
    let near = -1;
    for (let t = lo; t < hi; t++) {
      if (t >= span.t0 && t < span.t1) continue;
      if (tk.block[t] !== b) continue;
      if (phraseAt(ctx, c, t)) {
        near = t;
        break;
      }
    }
    if (near >= 0) {
      score += 2;
      parts.push(`nearby '${ctx.blocks[b]!.slice(tk.ostart[near]!, tk.oend[near]!)}' (+2)`);
      continue;
    }
    let any = ctx.anyCache.get(c);
    if (any === undefined) {
      any = -1;
      for (let t = 0; t < tk.n; t++) {
        if (phraseAt(ctx, c, t)) {
          any = t;
          break;
        }
      }
      ctx.anyCache.set(c, any);
    }
    // a context word that is only inside this very span does not count
    if (any >= 0 && !(any >= span.t0 && any < span.t1)) {
      score += 1;
      parts.push(`page has '${d.strings[c]}' (+1)`);
    }
  }
  return Math.min(score, 8);
}

function lowerKey(s: string): string {
  return foldString(s).toLowerCase().replace(/[\s\-]+/g, ' ').trim();
}

function pageNames(ctx: ScanContext): Map<string, number> {
  if (ctx.pageNames) return ctx.pageNames;
  const d = ctx.d;
  const m = new Map<string, number>();
  for (const e of ctx.confirmed.keys()) {
    m.set(lowerKey(d.strings[d.entId[e]!]!), e);
    for (let i = d.entAliasOff[e]!; i < d.entAliasOff[e + 1]!; i++) m.set(lowerKey(d.strings[d.entAliases[i]!]!), e);
  }
  ctx.pageNames = m;
  return m;
}

function cooccurrence(ctx: ScanContext, ent: number, parts: string[]): number {
  const d = ctx.d;
  if (ctx.confirmed.size === 0) return 0;
  const names = pageNames(ctx);
  const hits = new Set<number>();
  for (let i = d.entCtxOff[ent]!; i < d.entCtxOff[ent + 1]!; i++) {
    const o = names.get(lowerKey(d.strings[d.entCtx[i]!]!));
    if (o !== undefined && o !== ent) hits.add(o);
  }
  // reverse: a confirmed entity's context mentions this entity's id or name
  if (ctx.confirmed.size < 200) {
    const mine = new Set<string>([lowerKey(d.strings[d.entId[ent]!]!)]);
    for (let i = d.entAliasOff[ent]!; i < d.entAliasOff[ent + 1]!; i++) mine.add(lowerKey(d.strings[d.entAliases[i]!]!));
    for (const o of ctx.confirmed.keys()) {
      if (o === ent || hits.has(o)) continue;
      for (let i = d.entCtxOff[o]!; i < d.entCtxOff[o + 1]!; i++) {
        if (mine.has(lowerKey(d.strings[d.entCtx[i]!]!))) {
          hits.add(o);
          break;
        }
      }
    }
  }
  let n = 0;
  for (const o of hits) {
    if (n >= 3) break;
    parts.push(`page mentions ${d.strings[d.entId[o]!]} (+1)`);
    n++;
  }
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
  return ent >= 0;
}

export function describeAlias(ctx: ScanContext, span: Span, i: number): string {
  const d = ctx.d;
  const p = span.pats[i]!;
  const e = d.patEnt[p]!;
  const isName = d.patStr[p] === d.entName[e];
  let r = `${isName ? 'name' : 'alias'} '${d.strings[d.patStr[p]!]}'`;
  if (span.middle[i]) r += ' (middle initial)';
  if (span.plural[i]) r += ' (plural)';
  r += ` → ${d.strings[d.entId[e]!]}`;
  if (d.patFlags[p]! & P_CASE_EXACT) r += ' [case-exact]';
  if (typeName(d.entType[e]!) === 'person') {
    const title = titleBefore(ctx, e, span.t0);
    if (title) r += `; title '${title}'`;
  }
  return r;
}

/** Decides an ambiguous / common-word / surname span, or returns null to leave it unmatched. */
export function decide(ctx: ScanContext, span: Span): Decision | null {
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
  const cands: Cand[] = [];
  for (const c of byEnt.values()) {
    const f = d.patFlags[c.pat]!;
    const isNever = (f & P_NEVER) !== 0;
    const parts = c.parts;
    let ev = contextScore(ctx, c.ent, span, parts) + cooccurrence(ctx, c.ent, parts);
    let coref = 0;
    if (c.kind === 'coref') {
      const ce = corefEvidence(ctx, c.ent, span.t0);
      coref = ce.score;
      parts.push(...ce.parts);
      if (isNever && !ce.parts.some((p) => p.startsWith('title'))) continue;
    } else {
      if (isNever) continue;
      if (typeName(d.entType[c.ent]!) === 'person') {
        const title = titleBefore(ctx, c.ent, span.t0);
        if (title) {
          ev += 2;
          parts.push(`title '${title}' (+2)`);
        }
      }
    }
    c.evidence = ev;
    c.coref = coref;
    c.total = ev + coref + langScore(ctx, c.ent, parts) + (TYPE_PRIOR[typeName(d.entType[c.ent]!)] ?? 0);
    if (c.kind === 'coref') c.ok = coref >= 3 || ev >= 3;
    else if (c.stop) c.ok = ev >= 2;
    else c.ok = true;
    cands.push(c);
  }
  if (cands.length === 0) return null;
  cands.sort((a, b) => b.total - a.total || a.ent - b.ent);
  const best = cands[0]!;
  const second = cands[1];
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
