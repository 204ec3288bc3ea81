// The alias index: every alias (and derived person surname) is a "pattern" of folded tokens.
// Patterns are sorted by an index key (a hash of their first one, two or three tokens);
// an open-addressing Uint32 table maps a key to the contiguous run of patterns with it. Scanning hashes each text
// token while tokenizing, probes the table only for capitalised tokens (and for tokens whose hash is
// in a small bloom filter of lower-case-initial aliases), then verifies the following tokens.
// Everything is typed arrays + a string table, so it serialises compactly.
import { BLOOM_BITS, HASH_MASK, P_CASE_EXACT, P_LOWER_START, P_MIDDLE, P_NEVER, P_PLURAL, P_STOP, P_SURNAME, P_TRAIL_DOT } from './constants';
import type { EntityType } from '../types';
import { ENTITY_TYPES } from '../types';
import { cls, foldString } from './fold';
import { surnameFor } from './coref';
import { isInstitutionName, NEVER_WORDS, STOP_WORDS } from './stopwords';
import { tokenizePhrase, type Phrase } from './tokenize';

export interface MatcherEntity {
  id: string;
  name: string;
  type: EntityType;
  aliases: string[];
  titles?: string[];
  context?: string[];
  lang?: string;
  /** Id of the country entity it belongs to (PackEntity.country). */
  country?: string;
}

export interface MatcherData {
  strings: string[];
  entId: Int32Array;
  entName: Int32Array;
  entType: Uint8Array;
  entLang: Int32Array; // -1: none
  /** Entity index of the entity's country (MatcherEntity.country), -1 when none or not in the matcher. */
  entCountry: Int32Array;
  entTitleOff: Int32Array;
  entTitles: Int32Array;
  entCtxOff: Int32Array;
  entCtx: Int32Array;
  entAliasOff: Int32Array;
  entAliases: Int32Array;
  patEnt: Int32Array;
  patStr: Int32Array;
  patFlags: Uint8Array;
  patTokOff: Int32Array;
  patTok: Uint32Array;
  /** Length of the pattern's folded core text (tokenize.ts Phrase.core): the matcher keeps room for it. */
  patCoreLen: Int32Array;
  tblKey: Uint32Array;
  tblStart: Int32Array;
  tblCount: Int32Array;
  lowerBloom: Uint8Array; // BLOOM_BITS / 8 bytes
  aliasCount: number;
}

export function typeCode(t: EntityType): number {
  const i = ENTITY_TYPES.indexOf(t);
  return i < 0 ? ENTITY_TYPES.length - 1 : i;
}
export function typeName(c: number): EntityType {
  return ENTITY_TYPES[c] ?? 'other';
}

/** Letters/digits only. */
function letterCount(tokens: string[]): number {
  let n = 0;
  for (const t of tokens) n += t.length;
  return n;
}

export function isCaseExact(tokens: string[]): boolean {
  const joined = tokens.join('');
  return joined === joined.toUpperCase() || letterCount(tokens) <= 4;
}

const GIVEN_NAME_COUNTRIES = new Set(['ethiopia', 'eritrea', 'indonesia', 'malaysia', 'thailand', 'myanmar', 'iceland']);

/** The name's first word is one of the person's one-word aliases, and not their family name. */
function knownByFirstWord(name: string, singleAliases: Set<string>): boolean {
  const toks = tokenizePhrase(name).tokens;
  const first = toks[0]?.toLowerCase() ?? '';
  return toks.length > 1 && singleAliases.has(first) && surnameFor(name)?.toLowerCase() !== first;
}

export function buildData(entities: MatcherEntity[]): MatcherData {
  const strings: string[] = [];
  const intern = new Map<string, number>();
  const S = (s: string): number => {
    s = s.replace(/\u0000/g, '');
    let i = intern.get(s);
    if (i === undefined) {
      i = strings.length;
      strings.push(s);
      intern.set(s, i);
    }
    return i;
  };
  const n = entities.length;
  const entId = new Int32Array(n);
  const entName = new Int32Array(n);
  const entType = new Uint8Array(n);
  const entLang = new Int32Array(n);
  const entCountry = new Int32Array(n).fill(-1);
  const entTitleOff = new Int32Array(n + 1);
  const entCtxOff = new Int32Array(n + 1);
  const entAliasOff = new Int32Array(n + 1);
  const titles: number[] = [];
  const ctx: number[] = [];
  const aliasesIdx: number[] = [];

  const pEnt: number[] = [];
  const pStr: number[] = [];
  const pFlags: number[] = [];
  const pTokOff: number[] = [];
  const pTok: number[] = [];
  const pCore: number[] = [];
  let aliasCount = 0;

  const addPattern = (ei: number, str: string, flags: number, phrase: Phrase): void => {
    pEnt.push(ei);
    pStr.push(S(str));
    pFlags.push(flags);
    pTokOff.push(pTok.length);
    for (const h of phrase.hashes) pTok.push(h);
    pCore.push(phrase.core.length);
  };

  for (let ei = 0; ei < n; ei++) {
    const e = entities[ei]!;
    entId[ei] = S(e.id);
    entName[ei] = S(e.name);
    entType[ei] = typeCode(e.type);
    entLang[ei] = e.lang ? S(e.lang.toLowerCase()) : -1;
    entTitleOff[ei] = titles.length;
    for (const t of e.titles ?? []) titles.push(S(t));
    entCtxOff[ei] = ctx.length;
    for (const c of e.context ?? []) ctx.push(S(c));
    entAliasOff[ei] = aliasesIdx.length;
    const isPerson = e.type === 'person';
    // substances are common nouns: "fentanyl", "cocaine" match in lower case too
    const anyCase = e.type === 'substance';
    const seen = new Set<string>();
    const names = [e.name, ...(e.aliases ?? [])];
    const singleAliases = new Set<string>();
    const aliasesLower = new Set<string>(); // tokens joined by one space
    for (const a of names) {
      const p = tokenizePhrase(a);
      if (p.tokens.length === 0 || p.tokens.length > 255) continue;
      // Case of the first word never matters (sentence starts), but that of later ones does: "Paris accord"
      // is a second pattern next to "Paris Accord", because a name's later words must be written as the
      // alias has them (or capitalised). "TIME" next to "Time" is the same pattern.
      const folded = foldString(a).replace(/\s+/g, ' ').trim();
      const sp = folded.indexOf(' ');
      const key = sp < 0 ? folded.toLowerCase() : folded.slice(0, sp).toLowerCase() + folded.slice(sp);
      if (seen.has(key)) continue;
      seen.add(key);
      aliasesIdx.push(S(a));
      if (p.tokens.length === 1) singleAliases.add(p.tokens[0]!.toLowerCase());
      aliasesLower.add(p.tokens.join(' ').toLowerCase());
      let flags = 0;
      const caseExact = isCaseExact(p.tokens);
      if (caseExact) flags |= P_CASE_EXACT;
      if (p.tokens.length === 1) {
        const lw = p.tokens[0]!.toLowerCase();
        const allCaps = p.tokens[0] === p.tokens[0]!.toUpperCase() && /\p{Lu}/u.test(p.tokens[0]!) && p.tokens[0]!.length > 1;
        if (!allCaps && NEVER_WORDS.has(lw)) flags |= P_NEVER;
        else if (!allCaps && (STOP_WORDS.has(lw) || isInstitutionName(p.tokens))) flags |= P_STOP;
      } else if (isInstitutionName(p.tokens)) flags |= P_STOP;
      if (isPerson && p.tokens.length >= 2 && !caseExact) flags |= P_MIDDLE;
      const last = p.tokens[p.tokens.length - 1]!;
      // (not publishers: "The Japan Times" is not two Time magazines)
      // (not places either: "the Americas", "the two Koreas", "the Carolinas" are regions)
      if (!isPerson && e.type !== 'publisher' && e.type !== 'place' && last.length >= 3 && !/s$/i.test(last) && /\p{L}$/u.test(last)) flags |= P_PLURAL;
      if (cls(p.tokens[0]!.charCodeAt(0)) !== 3 || (anyCase && !caseExact && !(flags & (P_STOP | P_NEVER)))) flags |= P_LOWER_START;
      if (p.trailing === '.') flags |= P_TRAIL_DOT;
      addPattern(ei, a, flags, p);
      aliasCount++;
    }
    // A person known by a one-word alias that is the first word of the name ("Abiy" for Abiy Ahmed,
    // "Prabowo" for Prabowo Subianto, "Anutin") is not called by the last word, where names work that way:
    // Ethiopian and many Indonesian names have no family name, Thais go by their given names, and "Ahmed"
    // alone is someone else. (Pakistan's "Shehbaz" is also "Sharif".)
    // ("Xi" for Xi Jinping is his family name: surnameFor says so.)
    if (isPerson && !(GIVEN_NAME_COUNTRIES.has(e.country ?? '') && knownByFirstWord(e.name, singleAliases))) {
      const surnames = new Set<string>();
      for (const a of names) {
        const s = surnameFor(a);
        if (!s) continue;
        const lw = s.toLowerCase();
        if (singleAliases.has(lw) || aliasesLower.has(lw) || surnames.has(lw)) continue;
        surnames.add(lw);
        const p = tokenizePhrase(s);
        let flags = P_SURNAME;
        if (isCaseExact(p.tokens)) flags |= P_CASE_EXACT;
        if (NEVER_WORDS.has(lw)) flags |= P_NEVER;
        else if (STOP_WORDS.has(lw)) flags |= P_STOP;
        addPattern(ei, s, flags, p);
      }
    }
  }
  {
    const byId = new Map<string, number>();
    for (let ei = 0; ei < n; ei++) byId.set(entities[ei]!.id, ei);
    for (let ei = 0; ei < n; ei++) {
      const c = entities[ei]!.country;
      if (c) entCountry[ei] = byId.get(c) ?? -1;
    }
  }
  entTitleOff[n] = titles.length;
  entCtxOff[n] = ctx.length;
  entAliasOff[n] = aliasesIdx.length;

  // Sort patterns by their index key: the token itself for one-token patterns, the two tokens for
  // two-token ones, the first three tokens for longer ones. Keying by the first token alone made every
  // "The", "K." or "Republic of" in the text verify the thousands of patterns starting with it
  // (5 MB/s on the 100k pack; "Republic of X" alone was a run of 9,000 patterns).
  const np = pEnt.length;
  const indexKey = new Uint32Array(np);
  const headHash = new Uint32Array(np); // the first token's hash: the bloom filter is per first token
  for (let p = 0; p < np; p++) {
    const s = pTokOff[p]!;
    const e = p + 1 < np ? pTokOff[p + 1]! : pTok.length;
    headHash[p] = pTok[s]!;
    const n = e - s;
    indexKey[p] = n === 1 ? pTok[s]! : n === 2 ? pairKey(pTok[s]!, pTok[s + 1]!) : tripleKey(pTok[s]!, pTok[s + 1]!, pTok[s + 2]!);
  }
  const order = new Uint32Array(np);
  for (let p = 0; p < np; p++) order[p] = p;
  // Within a slot, patterns of the same string and flags sit together, so a scan verifies such a run once
  // (31 synthetic people called "Yenmer" are one check, not 31).
  order.sort((a, b) => indexKey[a]! - indexKey[b]! || pStr[a]! - pStr[b]! || pFlags[a]! - pFlags[b]! || a - b);

  const patEnt = new Int32Array(np);
  const patStr = new Int32Array(np);
  const patFlags = new Uint8Array(np);
  const patTokOff = new Int32Array(np + 1);
  const patTok = new Uint32Array(pTok.length);
  const patCoreLen = new Int32Array(np);
  const lowerBloom = new Uint8Array(BLOOM_BITS / 8);
  let w = 0;
  for (let k = 0; k < np; k++) {
    const p = order[k]!;
    patEnt[k] = pEnt[p]!;
    patStr[k] = pStr[p]!;
    patFlags[k] = pFlags[p]!;
    patCoreLen[k] = pCore[p]!;
    patTokOff[k] = w;
    const s = pTokOff[p]!;
    const e = p + 1 < np ? pTokOff[p + 1]! : pTok.length;
    for (let j = s; j < e; j++) patTok[w++] = pTok[j]!;
    if (pFlags[p]! & P_LOWER_START) {
      const h = headHash[p]! & (BLOOM_BITS - 1);
      setBit(lowerBloom, h);
    }
  }
  patTokOff[np] = w;

  // Open-addressing table: first-token hash → [start, count) in the sorted patterns.
  let distinct = 0;
  for (let k = 0; k < np; k++) if (k === 0 || indexKey[order[k]!] !== indexKey[order[k - 1]!]) distinct++;
  let size = 16;
  while (size < distinct * 2) size *= 2;
  const tblKey = new Uint32Array(size);
  const tblStart = new Int32Array(size);
  const tblCount = new Int32Array(size);
  const mask = size - 1;
  for (let k = 0; k < np; ) {
    const h = indexKey[order[k]!]!;
    let j = k + 1;
    while (j < np && indexKey[order[j]!] === h) j++;
    let slot = mix(h) & mask;
    while (tblKey[slot] !== 0) slot = (slot + 1) & mask;
    tblKey[slot] = h;
    tblStart[slot] = k;
    tblCount[slot] = j - k;
    k = j;
  }

  return {
    strings,
    entId,
    entName,
    entType,
    entLang,
    entCountry,
    entTitleOff,
    entTitles: Int32Array.from(titles),
    entCtxOff,
    entCtx: Int32Array.from(ctx),
    entAliasOff,
    entAliases: Int32Array.from(aliasesIdx),
    patEnt,
    patStr,
    patFlags,
    patTokOff,
    patTok,
    patCoreLen,
    tblKey,
    tblStart,
    tblCount,
    lowerBloom,
    aliasCount,
  };
}

/** Bit b of a bit set kept in bytes (the bloom filters here and in the matcher). */
export function hasBit(set: Uint8Array, b: number): boolean {
  return (set[b >>> 3]! & (1 << (b & 7))) !== 0;
}
export function setBit(set: Uint8Array, b: number): void {
  set[b >>> 3]! |= 1 << (b & 7);
}

/** Index key of a pattern's first two tokens (never 0; HASH_MASK bits, as token hashes). Collisions only
 *  cost a failed verify. */
export function pairKey(a: number, b: number): number {
  return (Math.imul(a ^ 0x5bd1e995, 0x01000193) ^ mix(b)) & HASH_MASK || 1;
}

/** Index key of a pattern's first three tokens (patterns of three tokens or more). */
export function tripleKey(a: number, b: number, c: number): number {
  return pairKey(pairKey(a, b), c);
}

export function mix(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x45d9f3b);
  return h ^ (h >>> 16);
}
