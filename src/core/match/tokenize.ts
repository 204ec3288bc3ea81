// Word tokens in any script: maximal runs of Unicode letters/digits/marks (not \w) in folded text.
// Everything else (spaces, punctuation, apostrophes, hyphens, emoji) separates tokens.
import { cls, FNV_OFFSET, FNV_PRIME, FoldBuffer, foldString, isWordCodePoint, lower } from './fold';

export const T_UPPER = 1; // first char upper-case
export const T_ALLCAPS = 2; // ≥ 2 letters, none lower-case
export const T_SENT = 4; // sentence start (block start, or after . ! ? :)
export const T_SPACE_BEFORE = 8; // gap before is only spaces/hyphens (same phrase)
export const T_HAS_LOWER = 16;

/** Growable token arrays shared by all blocks of one scan. */
export class Tokens {
  n = 0;
  block = new Int32Array(4096);
  start = new Int32Array(4096); // folded offsets within the block
  end = new Int32Array(4096);
  hash = new Uint32Array(4096);
  flags = new Uint8Array(4096);
  ostart = new Int32Array(4096); // original UTF-16 offsets
  oend = new Int32Array(4096);

  reset(): void {
    this.n = 0;
  }

  private grow(): void {
    const size = this.block.length * 2;
    const g = <T extends Int32Array | Uint32Array | Uint8Array>(a: T, C: new (n: number) => T): T => {
      const b = new C(size);
      b.set(a);
      return b;
    };
    this.block = g(this.block, Int32Array);
    this.start = g(this.start, Int32Array);
    this.end = g(this.end, Int32Array);
    this.hash = g(this.hash, Uint32Array);
    this.flags = g(this.flags, Uint8Array);
    this.ostart = g(this.ostart, Int32Array);
    this.oend = g(this.oend, Int32Array);
  }

  /** Makes room for `extra` more tokens. */
  private reserve(extra: number): void {
    while (this.n + extra > this.block.length) this.grow();
  }

  /** Tokenizes one folded block, appending to the arrays. */
  add(fb: FoldBuffer, blockIndex: number): void {
    const codes = fb.codes;
    const len = fb.len;
    // A block of len units has at most ceil(len / 2) tokens: reserving once lets the loop keep the arrays in
    // locals (this loop runs on every character of a page; property loads per token cost a fifth of it).
    this.reserve((len + 1) >>> 1);
    const { block, start, end, hash, flags, ostart, oend } = this;
    const CLS = CLS_ASCII;
    const LOW = LOWER_ASCII;
    const identity = fb.identity;
    const mapS = fb.mapS;
    const mapE = fb.mapE;
    let n = this.n;
    let i = 0;
    let sent = true;
    let spaceOnly = false;
    while (i < len) {
      let c = codes[i]!;
      let k = c < 128 ? CLS[c]! : classAt(codes, i, len);
      if (k === 1) {
        // separator
        if (c === 46 || c === 33 || c === 63 || c === 58) sent = true;
        if (!(c === 32 || c === 10 || c === 9 || c === 13 || c === 45)) spaceOnly = false;
        i++;
        continue;
      }
      const s = i;
      let h = FNV_OFFSET;
      let f = k === 3 ? T_UPPER : 0;
      // which classes the token has (bit k); upper-case letters are counted only for tokens with no lower case
      let seen = 0;
      for (;;) {
        seen |= 1 << k;
        h = Math.imul(h ^ (c < 128 ? LOW[c]! : lower(c)), FNV_PRIME);
        i++;
        if (i >= len) break;
        c = codes[i]!;
        k = c < 128 ? CLS[c]! : classAt(codes, i, len);
        if (k === 1) break;
      }
      if (seen & 16) f |= T_HAS_LOWER;
      else if (seen & 8 && i - s >= 2) {
        let uppers = 0;
        for (let j = s; j < i && uppers < 2; j++) {
          const cj = codes[j]!;
          if ((cj < 128 ? CLS[cj]! : classAt(codes, j, len)) === 3) uppers++;
        }
        if (uppers >= 2) f |= T_ALLCAPS;
      }
      if (sent) f |= T_SENT;
      if (spaceOnly) f |= T_SPACE_BEFORE;
      block[n] = blockIndex;
      start[n] = s;
      end[n] = i;
      hash[n] = h >>> 0 || 1;
      flags[n] = f;
      if (identity) {
        ostart[n] = s;
        oend[n] = i;
      } else {
        ostart[n] = mapS[s]!;
        oend[n] = mapE[i - 1]!;
      }
      n++;
      sent = false;
      spaceOnly = true;
    }
    this.n = n;
  }
}

const CLS_ASCII = new Uint8Array(128);
for (let c = 0; c < 128; c++) CLS_ASCII[c] = cls(c);
const LOWER_ASCII = new Uint8Array(128);
for (let c = 0; c < 128; c++) LOWER_ASCII[c] = lower(c);

function classAt(codes: Uint16Array, i: number, len: number): number {
  const c = codes[i]!;
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < len) {
    const d = codes[i + 1]!;
    if (d >= 0xdc00 && d <= 0xdfff) return isWordCodePoint((c - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000) ? 2 : 1;
  }
  if (c >= 0xdc00 && c <= 0xdfff && i > 0) {
    const p = codes[i - 1]!;
    if (p >= 0xd800 && p <= 0xdbff) return isWordCodePoint((p - 0xd800) * 0x400 + (c - 0xdc00) + 0x10000) ? 2 : 1;
  }
  return cls(c);
}

/** A tokenized alias / title / context phrase. */
export interface Phrase {
  /** Folded tokens, original case. */
  tokens: string[];
  /** Normalised gaps between tokens (length tokens.length - 1): ' ' for whitespace/hyphens, else the punctuation. */
  gaps: string[];
  hashes: number[];
  /** Folded text after the last token ("." in "U.S."). */
  trailing: string;
  /** Folded text from the first token's start to the last token's end ("U.S" in "U.S."). */
  core: string;
}

export function normGap(g: string): string {
  if (/^[\s\-]*$/.test(g)) return ' ';
  return g.replace(/\s+/g, ' ').replace(/-/g, ' ').trim() || ' ';
}

export function tokenizePhrase(s: string): Phrase {
  const f = foldString(s);
  const tokens: string[] = [];
  const gaps: string[] = [];
  const hashes: number[] = [];
  let i = 0;
  let gapStart = 0;
  let coreStart = -1;
  const n = f.length;
  const codes = new Uint16Array(n);
  for (let j = 0; j < n; j++) codes[j] = f.charCodeAt(j);
  while (i < n) {
    if (classAt(codes, i, n) === 1) {
      i++;
      continue;
    }
    const s0 = i;
    let h = FNV_OFFSET;
    while (i < n && classAt(codes, i, n) !== 1) {
      h = Math.imul(h ^ lower(codes[i]!), FNV_PRIME);
      i++;
    }
    if (tokens.length > 0) gaps.push(normGap(f.slice(gapStart, s0)));
    else coreStart = s0;
    tokens.push(f.slice(s0, i));
    hashes.push(h >>> 0 || 1);
    gapStart = i;
  }
  return { tokens, gaps, hashes, trailing: f.slice(gapStart).trim(), core: coreStart < 0 ? '' : f.slice(coreStart, gapStart) };
}

export function hasLower(s: string): boolean {
  return s !== s.toUpperCase();
}
