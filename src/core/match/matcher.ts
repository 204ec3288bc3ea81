import { BLOOM_BITS, CORE_TOO_LONG, CORE_UNKNOWN, FNV_OFFSET, FNV_PRIME, FORM_MIDDLE, FORM_PLURAL, HASH_MASK, HEAD_BITS, K_CONTEXT_HEAD, K_LOWER_HEAD, MAX_GAP, PLAUSIBLE, P_CASE_EXACT, P_MIDDLE, P_NEVER, P_PLURAL, P_STOP, P_SURNAME, P_TRAIL_DOT, REC_TOKENS, R_LAST, R_SUBSTANCE, R_THE, R_TYPE_SHIFT, STRONG, T_SENT, T_UPPER } from './constants';
import { decide, describeAlias, isStrong, type Span } from './disambiguate';
import { localPlaceNames, structuralCheck, type Structural } from './structure';
import { FoldBuffer, hashToken, lower } from './fold';
import {
  buildData,
  hasBit,
  setBit,
  mix,
  pairKey,
  tripleKey,
  typeCode,
  type MatcherData,
  type MatcherEntity,
} from './hash-index';
import { TokenFlags, TokenSpans, type ScanContext } from './scan-context';
import { decodeData, encodeData } from './serialize';
import { grownTo } from './typed-arrays';
import { normGap, phraseVariants, tokenizePhrase, Tokens, type Phrase } from './tokenize';
import type { ScanOptions, TextMatch } from './types';
import { findUnknownNames } from './unknown-names';

/** A bit for a table key, from other bits than the table's own slot (mix(k) & mask). */
const keyBit = (k: number): number => Math.imul(k, 0x9e3779b1) >>> 11;
const T_SUBSTANCE = typeCode('substance');
const THE = hashToken('the');
// (an array: includes() on eight numbers is cheaper than Set.has, and loading asks it of every pattern)
const ROYAL_TITLES = ['king', 'queen', 'sheikh', 'sultan', 'emir', 'prince', 'princess', 'crown'].map(hashToken);
const CROWN = hashToken('crown');

/** The case policy for a token written otherwise than the alias: never for case-exact aliases ("CIA"), always
 *  for substances ("fentanyl"), else only when the text capitalises it ("RUBIO", "Rubio" for "Rubio"). */
function caseAllows(caseExact: boolean, anyCase: boolean, tokenFlags: number): boolean {
  return !caseExact && (anyCase || (tokenFlags & T_UPPER) !== 0);
}

/** Slot record of key h in the interleaved table (an index into Matcher.slots), or -1. */
function slotOf(slots: Int32Array, h: number): number {
  const mask = (slots.length >>> 1) - 1;
  const k = h | 0;
  let i = mix(h) & mask;
  for (;;) {
    const v = slots[i << 1]!;
    if (v === k) return i << 1;
    if (v === 0) return -1;
    i = (i + 1) & mask;
  }
}

export class Matcher {
  private readonly d: MatcherData;
  private readonly fb = new FoldBuffer();
  private readonly tk = new Tokens();
  /** Tokenized strings by string-table index, filled on first use (an array: a Map lookup per verify cost 10 %). */
  private readonly phrases: (Phrase | undefined)[];
  private idIndex: Map<string, number> | null = null;
  /**
   * Per hash & 0xffff: K_LOWER_HEAD if some pattern may start with a lower-case word of that hash (the
   * pack's bloom filter), K_CONTEXT_HEAD if some entity's context phrase may start with it. One load per
   * token in collect() answers both; made on the first scan.
   */
  private kinds: Uint8Array | null = null;
  /** collect()'s list of tokens that may start a context phrase (ScanContext.contextTokens). */
  private contextTokens = new Int32Array(1024);
  private contextTokenCount = 0;
  /** ScanContext's token tables, reset for each scan rather than made anew (scans run one at a time). */
  private readonly spanStarts = new TokenFlags();
  private readonly spanEnds = new TokenFlags();
  private readonly spanAtEnd = new TokenSpans();
  private readonly spanAtStart = new TokenSpans();
  private spans: Span[] = [];
  /** resolve()'s marks per span: PLAUSIBLE, STRONG. */
  private spanMarks = new Uint8Array(256);

  /**
   * A bit set over the first-token hashes of one-token and of longer patterns (two bits per hash, side by
   * side): a token that starts no pattern skips all 3–7 table probes. Built here from the patterns (a few
   * ms) rather than stored, so the serialised format is unchanged. 512 KB; the table itself is 16 MB.
   */
  private readonly heads = new Uint8Array(HEAD_BITS >>> 2); // bit 2h: one-token, bit 2h + 1: longer (one cache miss, not two)
  /** The same over the table keys of patterns of two or more tokens: most word pairs after a name's first
   *  word are no key, and the bit set answers that from cache where the 8 MB table would miss it. */
  private readonly multiKeys = new Uint8Array(HEAD_BITS >>> 3);
  /**
   * The hash table and the patterns again, laid out for the scan: a slot is [key, its first pattern's
   * record in `rec`] (8 bytes: the table is half the size it was, and more of it stays in cache), and a
   * pattern is a variable-length record in table order: [token count | flags << 8 | traits (R_LAST on a
   * slot's last pattern), string, core length, capacity, pattern number, token hashes…, the alias's folded
   * core text (2 chars per int, filled on first use)]. On a large pack each candidate had touched up to
   * nine separate arrays at random places, a cache miss each; now it touches two records.
   */
  private readonly slots: Int32Array;
  private readonly rec: Int32Array;
  private readonly recChars: Uint16Array;

  constructor(data: MatcherData) {
    this.d = data;
    // (at full length: filled at scattered indices, a growing array turns into a hash table in V8)
    this.phrases = new Array<Phrase | undefined>(data.strings.length);
    const { patTok, patTokOff } = data;
    {
      const { tblKey, tblStart, tblCount } = data;
      const slots = new Int32Array(tblKey.length * 2);
      for (let i = 0; i < tblKey.length; i++) slots[i * 2] = tblKey[i]! | 0;
      this.slots = slots;
      const np = data.patEnt.length;
      const { patCoreLen } = data;
      const recOff = new Int32Array(np);
      let size = 0;
      for (let p = 0; p < np; p++) {
        recOff[p] = size;
        size += REC_TOKENS + patTokOff[p + 1]! - patTokOff[p]! + ((patCoreLen[p]! + 1) >>> 1);
      }
      // (slots' first records and the runs' last patterns first, from the table: marking the last records
      // afterwards was two cache misses per slot, a fifth of loading)
      const last = new Uint8Array(np);
      for (let i = 0; i < tblKey.length; i++) {
        if (tblKey[i] === 0) continue;
        slots[i * 2 + 1] = recOff[tblStart[i]!]!;
        last[tblStart[i]! + tblCount[i]! - 1] = 1;
      }
      const rec = new Int32Array(size);
      for (let p = 0; p < np; p++) {
        const ent = data.patEnt[p]!;
        const r = recOff[p]!;
        const t0 = patTokOff[p]!;
        const nt = patTokOff[p + 1]! - t0;
        rec[r] =
          nt | (data.patFlags[p]! << 8) | (data.entType[ent] === T_SUBSTANCE ? R_SUBSTANCE : 0) |
          // (only read for patterns that start with "the": tokenising every name here would slow loading)
          // (for a pattern that starts with "the" or a royal title: does the entity's own name start with it?)
          ((patTok[t0] === THE || ROYAL_TITLES.includes(patTok[t0]!)) && this.phrase(data.entName[ent]!).hashes[0] === patTok[t0] ? R_THE : 0) |
          (data.entType[ent]! << R_TYPE_SHIFT) |
          (last[p] ? R_LAST : 0);
        rec[r + 1] = data.patStr[p]!;
        rec[r + 2] = CORE_UNKNOWN;
        rec[r + 3] = patCoreLen[p]!;
        rec[r + 4] = p;
        for (let k = 0; k < nt; k++) rec[r + REC_TOKENS + k] = patTok[t0 + k]!;
      }
      this.rec = rec;
      this.recChars = new Uint16Array(rec.buffer);
    }
    for (let p = 0; p + 1 < patTokOff.length; p++) {
      const h = mix(patTok[patTokOff[p]!]!) & (HEAD_BITS - 1);
      setBit(this.heads, 2 * h + (patTokOff[p + 1]! - patTokOff[p]! === 1 ? 0 : 1));
    }
    const { tblKey, tblStart } = data;
    for (let slot = 0; slot < tblKey.length; slot++) {
      const k = tblKey[slot]!;
      if (k === 0) continue;
      const p = tblStart[slot]!;
      if (patTokOff[p + 1]! - patTokOff[p]! < 2) continue; // a one-token pattern's key is its token
      setBit(this.multiKeys, keyBit(k));
    }
  }

  /** Table slot of a two- or three-token key, or -1 (the bit set first). */
  private find(key: number): number {
    return hasBit(this.multiKeys, keyBit(key)) ? slotOf(this.slots, key) : -1;
  }

  get entityCount(): number {
    return this.d.entId.length;
  }
  get aliasCount(): number {
    return this.d.aliasCount;
  }

  serialize(): Uint8Array {
    return encodeData(this.d);
  }

  static deserialize(data: Uint8Array | string): Matcher {
    return new Matcher(decodeData(data));
  }

  /** Surnames this matcher links for a person (coreference), e.g. ["Guillot"]. */
  surnamesFor(entityId: string): string[] {
    const e = this.entityIndex(entityId);
    if (e < 0) return [];
    const out: string[] = [];
    const d = this.d;
    for (let p = 0; p < d.patEnt.length; p++) if (d.patEnt[p] === e && d.patFlags[p]! & P_SURNAME) out.push(d.strings[d.patStr[p]!]!);
    return out;
  }

  private entityIndex(id: string): number {
    if (!this.idIndex) {
      const m = new Map<string, number>();
      const d = this.d;
      for (let e = 0; e < d.entId.length; e++) m.set(d.strings[d.entId[e]!]!, e);
      this.idIndex = m;
    }
    return this.idIndex.get(id) ?? -1;
  }

  private phrase = (strIdx: number): Phrase => {
    let p = this.phrases[strIdx];
    if (p === undefined) {
      p = tokenizePhrase(this.d.strings[strIdx]!);
      this.phrases[strIdx] = p;
    }
    return p;
  };

  scan(blocks: string[], opts: ScanOptions = {}): TextMatch[] {
    this.collect(blocks);
    return this.resolve(blocks, opts);
  }

  /**
   * The first half of scan() alone: finds and verifies every alias occurrence (candidate spans) without
   * judging them, and returns how many. For the benchmark, which times the two halves apart.
   */
  countCandidates(blocks: string[]): number {
    this.collect(blocks);
    const n = this.spans.length;
    this.spans = [];
    return n;
  }

  /** Folds and tokenises the blocks into this.tk and collects the verified candidate spans in this.spans. */
  private collect(blocks: string[]): void {
    const tk = this.tk;
    const fb = this.fb;
    tk.reset();
    this.spans = [];
    const kinds = (this.kinds ??= this.makeKinds());
    let ctxToks = this.contextTokens;
    let nc = 0;
    const { heads, slots } = this;
    for (let b = 0; b < blocks.length; b++) {
      const text = blocks[b];
      if (typeof text !== 'string' || text.length === 0) continue;
      fb.fold(text);
      const t0 = tk.n;
      tk.add(fb, b);
      const t1 = tk.n;
      const hash = tk.hash;
      const flags = tk.flags;
      if (ctxToks.length < t1) this.contextTokens = ctxToks = grownTo(ctxToks, Math.max(t1, ctxToks.length * 2));
      for (let t = t0; t < t1; t++) {
        const f = flags[t]!;
        const h = hash[t]!;
        const kind = kinds[h & (BLOOM_BITS - 1)]!;
        if (kind & K_CONTEXT_HEAD) ctxToks[nc++] = t;
        if (!(f & T_UPPER) && !(kind & K_LOWER_HEAD)) continue;
        // One-token patterns are keyed by the token, longer ones by their first two or three tokens.
        const hb = mix(h) & (HEAD_BITS - 1);
        const hv = heads[hb >>> 2]! >>> ((hb & 3) << 1);
        if (hv & 1) this.probe(slotOf(slots, h), t, t1, b, 0, 0);
        if (t + 1 < t1 && hv & 2) {
          const h1 = hash[t + 1]!;
          // A middle initial after the first token ("Gregory M. Guillot" for "Gregory Guillot") is skipped.
          const initial = tk.end[t + 1]! - tk.start[t + 1]! === 1 && (flags[t + 1]! & T_UPPER) !== 0;
          this.probe(this.find(pairKey(h, h1)), t, t1, b, 0, 2);
          if (initial && t + 2 < t1) this.probe(this.find(pairKey(h, hash[t + 2]!)), t, t1, b, P_MIDDLE, 2);
          // "Sinaloa Cartels" for the two-token pattern "Sinaloa Cartel".
          const ph1 = this.pluralHash(t + 1);
          if (ph1) this.probe(this.find(pairKey(h, ph1)), t, t1, b, P_PLURAL, 2);
          if (t + 2 < t1) {
            const h2 = hash[t + 2]!;
            this.probe(this.find(tripleKey(h, h1, h2)), t, t1, b, 0, 0);
            if (initial && t + 3 < t1) this.probe(this.find(tripleKey(h, h2, hash[t + 3]!)), t, t1, b, P_MIDDLE, 0);
            const ph2 = this.pluralHash(t + 2);
            if (ph2) this.probe(this.find(tripleKey(h, h1, ph2)), t, t1, b, P_PLURAL, 3);
          }
        }
        if (f & T_UPPER) {
          // plural: "Cartels" → the one-token alias "Cartel"
          const ph0 = this.pluralHash(t);
          if (ph0 && hasBit(heads, 2 * (mix(ph0) & (HEAD_BITS - 1)))) this.probe(slotOf(slots, ph0), t, t1, b, P_PLURAL, 1);
        }
      }
    }
    this.contextTokenCount = nc;
  }

  /** The kinds table (see `kinds`): the pack's lower-case bloom filter, and the first-word hashes (with
   *  plural and singular) of every entity's context phrases, a few thousand distinct phrases. */
  private makeKinds(): Uint8Array {
    const d = this.d;
    const kinds = new Uint8Array(BLOOM_BITS);
    for (let i = 0; i < BLOOM_BITS; i++) if (hasBit(d.lowerBloom, i)) kinds[i] = K_LOWER_HEAD;
    const done = new Uint8Array(d.strings.length);
    for (const s of d.entCtx) {
      if (done[s]) continue;
      done[s] = 1;
      for (const h of phraseVariants(this.phrase(s))) kinds[h & (BLOOM_BITS - 1)]! |= K_CONTEXT_HEAD;
    }
    return kinds;
  }

  /** Verifies the run of patterns in table slot `slot` at token t, optionally only those with a flag / token count. */
  private probe(slot: number, t: number, tEnd: number, block: number, needFlag: number, needTokens: number): void {
    if (slot < 0) return;
    const rec = this.rec;
    // A pattern with the same string, flags and entity traits as the one before it verifies the same way:
    // reuse that outcome (buildData sorts such patterns together).
    let lastStr = -1;
    let lastKey = -1;
    let lastSpan: Span | null = null;
    let next = this.slots[slot + 1]!;
    let info = 0;
    do {
      const r = next;
      info = rec[r]!;
      next = r + REC_TOKENS + (info & 0xff) + ((rec[r + 3]! + 1) >>> 1);
      if (needFlag && !((info >>> 8) & needFlag)) continue;
      if (needTokens && (info & 0xff) !== needTokens) continue;
      const key = (info & ~R_LAST) >>> 8;
      const str = rec[r + 1]!;
      const p = rec[r + 4]!;
      if (str === lastStr && key === lastKey) {
        if (lastSpan) {
          const i = lastSpan.pats.length - 1;
          lastSpan.pats.push(p);
          if (lastSpan.forms) lastSpan.forms.push(lastSpan.forms[i]!);
          lastSpan.types |= 1 << ((info >>> R_TYPE_SHIFT) & 15);
        }
        continue;
      }
      lastStr = str;
      lastKey = key;
      lastSpan = this.verify(p, r, t, tEnd, block);
    } while (!(info & R_LAST));
  }

  /** Hash of token t without its final "s" (plural). */
  private pluralHash(t: number): number {
    const tk = this.tk;
    const codes = this.fb.codes;
    const s = tk.start[t]!;
    const e = tk.end[t]!;
    const last = codes[e - 1]!;
    if (e - s < 4 || (last !== 115 && last !== 83)) return 0;
    let h = FNV_OFFSET;
    for (let i = s; i < e - 1; i++) h = Math.imul(h ^ lower(codes[i]!), FNV_PRIME);
    return h & HASH_MASK || 1;
  }

  private gapText(a: number, b: number): string {
    const codes = this.fb.codes;
    let s = '';
    for (let i = a; i < b; i++) s += String.fromCharCode(codes[i]!);
    return s;
  }

  /**
   * The common case of verify's exact check: the text from token t to token tEnd - 1 is the alias's folded
   * text letter for letter (case aside) with the same gaps. Then the tokens, gaps and lengths agree by
   * construction and only the case policy is left. Returns false when it cannot tell (the caller then runs
   * the full check, which decides): a different gap ("U.S.-Mexico", two spaces) or a different length.
   */
  private sameText(r: number, t: number, tEnd: number, caseExact: boolean, anyCase: boolean): boolean {
    const rec = this.rec;
    let len = rec[r + 2]!;
    const chars = (r + REC_TOKENS + (rec[r]! & 0xff)) * 2; // index of the core text in recChars
    if (len < 0) {
      if (len === CORE_TOO_LONG) return false;
      const core = this.phrase(rec[r + 1]!).core;
      if (core.length > rec[r + 3]!) {
        rec[r + 2] = CORE_TOO_LONG;
        return false;
      }
      for (let i = 0; i < core.length; i++) this.recChars[chars + i] = core.charCodeAt(i);
      rec[r + 2] = len = core.length;
    }
    const a = this.recChars;
    const tk = this.tk;
    const codes = this.fb.codes;
    const base = tk.start[t]!;
    if (tk.end[tEnd - 1]! - base !== len) return false;
    const shift = chars - base;
    for (let j = t; j < tEnd; j++) {
      const s = tk.start[j]!;
      if (j > t) {
        const g = tk.end[j - 1]!;
        if (s - g > MAX_GAP) return false;
        for (let c = g; c < s; c++) if (codes[c] !== a[c + shift]) return false;
      }
      const e = tk.end[j]!;
      let exact = true;
      for (let c = s; c < e; c++) {
        const tc = codes[c]!;
        const ac = a[c + shift]!;
        if (tc !== ac) {
          if (lower(tc) !== lower(ac)) return false;
          exact = false;
        }
      }
      if (!exact && !caseAllows(caseExact, anyCase, tk.flags[j]!)) return false;
    }
    return true;
  }

  /** A dash before token t in its block ("WASHINGTON — The White House said"): a sentence starts there. */
  private afterDash(t: number): boolean {
    const tk = this.tk;
    if (t === 0 || tk.block[t - 1] !== tk.block[t]) return false;
    const codes = this.fb.codes;
    for (let i = tk.end[t - 1]!; i < tk.start[t]!; i++) if (codes[i] === 0x2014 || codes[i] === 0x2013) return true;
    return false;
  }

  /** Verifies pattern p at text token t (tokens of the block end at tEnd); records it in a span on success
   *  and returns that span (null on failure). */
  private verify(p: number, r: number, t: number, tEnd: number, block: number): Span | null {
    const rec = this.rec;
    const tk = this.tk;
    const off = r + REC_TOKENS; // the pattern's token hashes in rec
    const info = rec[r]!;
    const nt = info & 0xff;
    const flags = (info >>> 8) & 0xff;
    let j = t;
    let middle = -1;
    let plural = false;
    for (let k = 0; k < nt; k++, j++) {
      if (j >= tEnd) return null;
      const want = rec[off + k]!;
      if (tk.hash[j] === want) continue;
      if (k === 1 && flags & P_MIDDLE && middle < 0 && tk.end[j]! - tk.start[j]! === 1 && tk.flags[j]! & T_UPPER) {
        middle = j;
        j++;
        if (j >= tEnd || tk.hash[j] !== want) return null;
        continue;
      }
      if (k === nt - 1 && flags & P_PLURAL && this.pluralHash(j) === want) {
        plural = true;
        continue;
      }
      return null;
    }
    // Exact check against the alias text: gaps, characters, case policy.
    const strIdx = rec[r + 1]!;
    const codes = this.fb.codes;
    const caseExact = (flags & P_CASE_EXACT) !== 0;
    // substances (common nouns) also match in lower case: "fentanyl"
    const anyCase = !caseExact && (info & R_SUBSTANCE) !== 0 && (flags & (P_STOP | P_NEVER | P_SURNAME)) === 0;
    let tj = t;
    if (middle < 0 && !plural && this.sameText(r, t, j, caseExact, anyCase)) tj = j;
    else {
      const ph = this.phrase(strIdx);
      const toks = ph.tokens;
      if (toks.length !== nt) return null;
      for (let k = 0; k < nt; k++, tj++) {
        if (k > 0) {
          if (tj === middle) {
            if (tk.start[tj]! - tk.end[tj - 1]! > MAX_GAP || normGap(this.gapText(tk.end[tj - 1]!, tk.start[tj]!)) !== ' ') return null;
            const g = normGap(this.gapText(tk.end[tj]!, tk.start[tj + 1]!));
            if (g !== ' ' && g !== '.') return null;
            tj++;
          } else {
            const ga = tk.end[tj - 1]!;
            const gb = tk.start[tj]!;
            if (gb - ga > MAX_GAP) return null;
            const want = ph.gaps[k - 1]!;
            if (want === ' ' && gb - ga === 1 && codes[ga] === 32) {
              // common case: one space
            } else if (normGap(this.gapText(ga, gb)) !== want) return null;
          }
        }
        const a = toks[k]!;
        const s = tk.start[tj]!;
        const L = tk.end[tj]! - s;
        const isPl = plural && k === nt - 1 && L === a.length + 1;
        if (L !== a.length && !isPl) return null;
        let exact = true;
        for (let c = 0; c < a.length; c++) {
          const tc = codes[s + c]!;
          const ac = a.charCodeAt(c);
          if (tc !== ac) {
            exact = false;
            if (lower(tc) !== lower(ac)) return null;
          }
        }
        if (isPl) {
          const last = codes[s + L - 1]!;
          if (last !== 115 && !(last === 83 && !exact)) return null;
        }
        if (!exact && !caseAllows(caseExact, anyCase, tk.flags[tj]!)) return null;
      }
    }
    // a surname is capitalised ("de Gaulle": its last word)
    if (flags & P_SURNAME && !(tk.flags[tj - 1]! & T_UPPER)) return null;
    const tLast = tj - 1;
    let endF = tk.end[tLast]!;
    if (flags & P_TRAIL_DOT && endF < this.fb.len && codes[endF] === 46) endF++;
    const end = this.fb.end(endF - 1);
    // "The White House", "the FT": the article is not part of the span unless the entity's name has it, or
    // a capital "The" inside a sentence says it belongs to the name ("told The Associated Press")
    if (nt > 1 && rec[off] === THE && !(info & R_THE) && (!(tk.flags[t]! & T_UPPER) || tk.flags[t]! & T_SENT || this.afterDash(t))) t++;
    // "King Abdullah II", "Sheikh Mohammed bin Rashid": a royal title in an alias identifies the person but is
    // not part of the name (as "President" is not), unless the entity's own name has it ("Pope Leo XIV")
    else if (nt > 1 && ROYAL_TITLES.includes(rec[off]!) && !(info & R_THE)) {
      const skip = nt > 2 && rec[off] === CROWN ? 2 : 1;
      if (tk.flags[t + skip]! & T_UPPER) t += skip;
    }
    const form = (middle >= 0 ? FORM_MIDDLE : 0) | (plural ? FORM_PLURAL : 0);
    const start = tk.ostart[t]!;
    // group with an existing span on the same tokens
    const spans = this.spans;
    for (let i = spans.length - 1; i >= 0; i--) {
      const sp = spans[i]!;
      if (sp.t0 < t - 1) break;
      if (sp.t0 === t && sp.t1 === tj && sp.end === end) {
        sp.pats.push(p);
        if (form || sp.forms) (sp.forms ??= new Array<number>(sp.pats.length - 1).fill(0)).push(form);
        sp.types |= 1 << ((info >>> R_TYPE_SHIFT) & 15);
        if (flags & P_SURNAME) sp.surname = true;
        return sp;
      }
    }
    const sp: Span = {
      block,
      t0: t,
      t1: tj,
      start,
      end,
      pats: [p],
      forms: form ? [form] : null,
      types: 1 << ((info >>> R_TYPE_SHIFT) & 15),
      surname: (flags & P_SURNAME) !== 0,
    };
    spans.push(sp);
    return sp;
  }

  private resolve(blocks: string[], opts: ScanOptions): TextMatch[] {
    const d = this.d;
    const tk = this.tk;
    let spans = this.spans;
    if (opts.disabledEntityIds?.length) {
      const off = new Set<number>();
      for (const id of opts.disabledEntityIds) {
        const e = this.entityIndex(id);
        if (e >= 0) off.add(e);
      }
      spans = spans.filter((sp) => {
        const keep = sp.pats.map((p) => !off.has(d.patEnt[p]!));
        sp.pats = sp.pats.filter((_, i) => keep[i]);
        if (sp.forms) sp.forms = sp.forms.filter((_, i) => keep[i]);
        sp.types = 0;
        sp.surname = false;
        for (const p of sp.pats) {
          sp.types |= 1 << d.entType[d.patEnt[p]!]!;
          if (d.patFlags[p]! & P_SURNAME) sp.surname = true;
        }
        return sp.pats.length > 0;
      });
    }
    const seen = new Set<number>();
    for (const id of opts.seenEntityIds ?? []) {
      const e = this.entityIndex(id);
      if (e >= 0) seen.add(e);
    }
    const pageLang = opts.pageLang ? opts.pageLang.toLowerCase().split('-')[0]! : null;
    const ctx: ScanContext = {
      d,
      tk,
      blocks,
      phrase: this.phrase,
      confirmed: new Map(),
      seen,
      pageLang,
      anyCache: new Map(),
      positions: null,
      pageNames: null,
      pageContexts: null,
      mentions: new Map(),
      namesakes: new Map(),
      givenNames: new Set(),
      partOfOther: new Set(),
      blockFlags: new Map(),
      spanStarts: this.spanStarts.reset(tk.n),
      spanEnds: this.spanEnds.reset(tk.n),
      spanAtEnd: this.spanAtEnd.reset(tk.n),
      spanAtStart: this.spanAtStart.reset(tk.n),
      datelines: null,
      contextTokens: this.contextTokens,
      contextTokenCount: this.contextTokenCount,
    };
    // Spans are in token order; sort by start asc, length desc for leftmost-longest selection. They come
    // nearly sorted (only spans from one token can be out of order), so an insertion sort, which is stable
    // like Array.prototype.sort, takes one pass.
    for (let i = 1; i < spans.length; i++) {
      const sp = spans[i]!;
      let j = i - 1;
      while (j >= 0 && (spans[j]!.t0 > sp.t0 || (spans[j]!.t0 === sp.t0 && spans[j]!.t1 < sp.t1))) {
        spans[j + 1] = spans[j]!;
        j--;
      }
      spans[j + 1] = sp;
    }
    ctx.localPlaces = localPlaceNames(ctx, spans);
    for (const sp of spans) {
      ctx.spanStarts.add(sp.t0);
      ctx.spanEnds.add(sp.t1);
      if (!ctx.spanAtStart.has(sp.t0)) ctx.spanAtStart.set(sp.t0, sp);
      const prev = ctx.spanAtEnd.get(sp.t1);
      if (!prev || prev.t0 > sp.t0) ctx.spanAtEnd.set(sp.t1, sp);
    }

    // (reused across scans: a new typed array costs about a microsecond, a tenth of this function's own time)
    if (this.spanMarks.length < spans.length) this.spanMarks = new Uint8Array(Math.max(spans.length, this.spanMarks.length * 2));
    const marks = this.spanMarks.fill(0, 0, spans.length);
    confirmPass(ctx, spans, marks);
    const acc = choosePass(ctx, spans, marks);
    const out: TextMatch[] = [];
    const used = opts.detectUnknown ? new Uint8Array(tk.n) : null;
    for (const a of acc) {
      const sp = a.sp;
      if (used) used.fill(1, sp.t0, sp.t1);
      out.push({
        block: sp.block,
        start: sp.start,
        end: sp.end,
        entityId: d.strings[d.entId[a.ent]!]!,
        kind: a.kind,
        reason: a.reason,
        text: blocks[sp.block]!.slice(sp.start, sp.end),
      });
    }
    if (used) {
      const unknown = findUnknownNames(tk, blocks, used);
      if (unknown.length) {
        out.push(...unknown);
        out.sort((a, b) => a.block - b.block || a.start - b.start);
      }
    }
    this.spans = [];
    // (let this scan's spans go now, not at the next scan: kept, they would live on into the old generation)
    this.spanAtEnd.reset(0);
    this.spanAtStart.reset(0);
    return out;
  }
}

// resolve()'s passes as functions of their own: a rule first reached late on a page (the first rejected span,
// say) throws away the optimised code of the function it is in, and V8 takes longer to optimise a large one
// again (Node 20, 2026-11).

/**
 * Structural checks ("New Mexico", "Brazil nuts", "Colin Powell"), then pass 1: unambiguous alias spans
 * (leftmost-longest among themselves) confirm their entities. Marks each span PLAUSIBLE (passed the checks)
 * and STRONG (an unambiguous alias).
 */
function confirmPass(ctx: ScanContext, spans: Span[], marks: Uint8Array): void {
  const d = ctx.d;
  let lastEnd = -1;
  let coverEnd = -1; // end of the longest span so far: "Turner" inside "Scott Turner" is no namesake
  let goesOnFrom = -1; // start token of a longer span rejected because its name goes on
  for (let i = 0; i < spans.length; i++) {
    const sp = spans[i]!;
    const inside = sp.t1 <= coverEnd;
    if (sp.t1 > coverEnd) coverEnd = sp.t1;
    if (sp.t0 === goesOnFrom) continue;
    // Inside an unambiguous longer name ("Merta" in "Kalo Merta"): pass 2 takes the longer one, and a
    // rejection inside it would record nothing, so the checks are skipped (a fifth of them on a large pack).
    if (sp.t1 <= lastEnd) continue;
    const st = structuralCheck(ctx, sp);
    if (st.reject && st.goesOn) goesOnFrom = sp.t0;
    if (st.reject) {
      if (!inside) recordRejection(ctx, sp, st);
      continue;
    }
    marks[i] = PLAUSIBLE;
    if (!isStrong(ctx, sp)) continue;
    marks[i] = PLAUSIBLE | STRONG;
    if (sp.t0 < lastEnd) continue;
    lastEnd = sp.t1;
    const e = d.patEnt[sp.pats[0]!]!;
    if (!ctx.confirmed.has(e)) ctx.confirmed.set(e, sp.t0);
    let m = ctx.mentions.get(e);
    if (!m) ctx.mentions.set(e, (m = []));
    m.push(sp.t0);
  }
}

/** What a rejected span says about the page: a given name, a word that is part of another name, a namesake. */
function recordRejection(ctx: ScanContext, sp: Span, st: Structural): void {
  const tk = ctx.tk;
  if (st.givenName) ctx.givenNames.add(tk.hash[sp.t0]!);
  if (sp.t1 - sp.t0 === 1) ctx.partOfOther.add(tk.hash[sp.t0]!);
  if (st.namesake) {
    const h = tk.hash[sp.t1 - 1]!;
    let a = ctx.namesakes.get(h);
    if (!a) ctx.namesakes.set(h, (a = []));
    a.push(sp.t0);
  }
}

interface Acc {
  sp: Span;
  ent: number;
  kind: 'alias' | 'coref';
  reason: string;
}

/** Pass 2: decides every plausible span; among overlapping accepted spans the longer one wins ("The Australian
 *  Federal Police" is not "The Australian"). */
function choosePass(ctx: ScanContext, spans: Span[], marks: Uint8Array): Acc[] {
  const d = ctx.d;
  const acc: Acc[] = [];
  let lastEnd = -1;
  for (let i = 0; i < spans.length; i++) {
    if (!marks[i]) continue;
    const sp = spans[i]!;
    if (sp.t1 <= lastEnd) continue; // inside an accepted longer span
    let ent: number;
    let kind: 'alias' | 'coref';
    let reason: string;
    if (marks[i]! & STRONG) {
      ent = d.patEnt[sp.pats[0]!]!;
      kind = 'alias';
      reason = describeAlias(ctx, sp, 0);
    } else {
      const dec = decide(ctx, sp);
      if (!dec) continue;
      ent = dec.ent;
      kind = dec.kind;
      reason = dec.reason;
    }
    const cand: Acc = { sp, ent, kind, reason };
    let top = acc[acc.length - 1];
    while (top && top.sp.t1 > sp.t0 && sp.t1 - sp.t0 > top.sp.t1 - top.sp.t0) {
      acc.pop();
      top = acc[acc.length - 1];
    }
    if (top && top.sp.t1 > sp.t0) continue;
    acc.push(cand);
    lastEnd = Math.max(lastEnd, sp.t1);
  }
  return acc;
}

export function buildMatcher(entities: MatcherEntity[]): Matcher {
  return new Matcher(buildData(entities));
}
