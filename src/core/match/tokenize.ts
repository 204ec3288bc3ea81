// Word tokens in any script: maximal runs of Unicode letters/digits/marks (not \w) in folded text.
// Everything else (spaces, punctuation, apostrophes, hyphens, emoji) separates tokens.
import { FNV_OFFSET, FNV_PRIME, HASH_MASK, K_LOWER, K_SEP, K_SLOW, K_SPACE, K_STOP, K_UPPER, K_WORD, T_ALLCAPS, T_HAS_LOWER, T_SENT, T_SPACE_BEFORE, T_UPPER } from './constants';
import { cls, FoldBuffer, foldString, hashToken, isWordCodePoint, lower } from './fold';
import { grownTo } from './typed-arrays';

/** Growable token arrays shared by all blocks of one scan. */
export class Tokens {
  n = 0;
  block = new Int32Array(4096);
  start = new Int32Array(4096); // folded offsets within the block
  end = new Int32Array(4096);
  hash = new Int32Array(4096); // HASH_MASK bits: small integers to V8
  flags = new Uint8Array(4096);
  /**
   * Original UTF-16 offsets. While every block so far folded unit for unit (nearly all pages, curly quotes
   * and accents included), they are the folded ones: these are then `start` and `end` themselves, and
   * tokenizing writes two arrays fewer. The first block whose folding shifts offsets gives them arrays of
   * their own.
   */
  ostart = this.start;
  oend = this.end;
  private ownStart = new Int32Array(0);
  private ownEnd = new Int32Array(0);

  reset(): void {
    this.n = 0;
    this.ostart = this.start;
    this.oend = this.end;
  }

  private get shared(): boolean {
    return this.ostart === this.start;
  }

  private grow(): void {
    const shared = this.shared;
    const size = this.block.length * 2;
    this.block = grownTo(this.block, size);
    this.start = grownTo(this.start, size);
    this.end = grownTo(this.end, size);
    this.hash = grownTo(this.hash, size);
    this.flags = grownTo(this.flags, size);
    if (shared) {
      this.ostart = this.start;
      this.oend = this.end;
    } else {
      this.ostart = this.ownStart = grownTo(this.ostart, size);
      this.oend = this.ownEnd = grownTo(this.oend, size);
    }
  }

  /** Makes room for `extra` more tokens. */
  private reserve(extra: number): void {
    while (this.n + extra > this.block.length) this.grow();
  }

  /** Block index and original offsets of the tokens from this.n to n, the block's new tokens; sets this.n = n. */
  private finishBlock(fb: FoldBuffer, blockIndex: number, n: number): void {
    const n0 = this.n;
    this.n = n;
    this.block.fill(blockIndex, n0, n);
    if (fb.identity && this.shared) return;
    if (this.shared) {
      // the first block whose folding shifts offsets: the earlier tokens' original offsets are their own
      if (this.ownStart.length !== this.start.length) {
        this.ownStart = new Int32Array(this.start.length);
        this.ownEnd = new Int32Array(this.start.length);
      }
      this.ownStart.set(this.start.subarray(0, n0));
      this.ownEnd.set(this.end.subarray(0, n0));
      this.ostart = this.ownStart;
      this.oend = this.ownEnd;
    }
    const { start, end, ostart, oend } = this;
    if (fb.identity) {
      for (let t = n0; t < n; t++) {
        ostart[t] = start[t]!;
        oend[t] = end[t]!;
      }
      return;
    }
    const { mapS, mapE } = fb;
    for (let t = n0; t < n; t++) {
      ostart[t] = mapS[start[t]!]!;
      oend[t] = mapE[end[t]! - 1]!;
    }
  }

  /**
   * add() for a block whose folded text is ASCII only (fb.ascii: nearly every block of an English page, curly
   * quotes and accents folded): every character is in the table from the start, so the loops have no call in
   * them. A call anywhere in a loop, even on a path never taken, made V8 keep the loop's variables in memory
   * instead of registers (Node 20, 2026-11).
   */
  private addAscii(fb: FoldBuffer, blockIndex: number): void {
    const codes = fb.codes;
    const len = fb.len;
    this.reserve((len + 1) >>> 1);
    const { start, end, hash, flags } = this;
    const tok = TOK; // (a local: read from the module, V8 reloaded and rechecked it on every character)
    codes[len] = 32;
    let n = this.n;
    let i = 0;
    let sent = true;
    let spaceOnly = false;
    let t = tok[codes[0]!]!;
    for (;;) {
      while (t & K_SEP && i < len) {
        if (t & K_STOP) sent = true;
        if (!(t & K_SPACE)) spaceOnly = false;
        t = tok[codes[++i]!]!;
      }
      if (i >= len) break;
      const s = i;
      let h = FNV_OFFSET;
      let f = t & K_UPPER ? T_UPPER : 0;
      let seen = 0;
      do {
        seen |= t;
        h = Math.imul(h ^ (t & 0xffff), FNV_PRIME);
        t = tok[codes[++i]!]!;
      } while (!(t & K_SEP));
      if (seen & K_LOWER) f |= T_HAS_LOWER;
      else if (seen & K_UPPER && i - s >= 2) {
        let uppers = 0;
        for (let j = s; j < i && uppers < 2; j++) if (tok[codes[j]!]! & K_UPPER) uppers++;
        if (uppers >= 2) f |= T_ALLCAPS;
      }
      if (sent) f |= T_SENT;
      if (spaceOnly) f |= T_SPACE_BEFORE;
      start[n] = s;
      end[n] = i;
      hash[n] = h & HASH_MASK || 1;
      flags[n] = f;
      n++;
      sent = false;
      spaceOnly = true;
    }
    this.finishBlock(fb, blockIndex, n);
  }

  /** Tokenizes one folded block, appending to the arrays. */
  add(fb: FoldBuffer, blockIndex: number): void {
    if (fb.ascii) return this.addAscii(fb, blockIndex);
    const codes = fb.codes;
    const len = fb.len;
    // A block of len units has at most ceil(len / 2) tokens: reserving once lets the loop keep the arrays in
    // locals (this loop runs on every character of a page; property loads per token cost a fifth of it).
    this.reserve((len + 1) >>> 1);
    const { start, end, hash, flags } = this;
    // A space after the block ends the last token without a bounds test per character (FoldBuffer keeps
    // room for it).
    codes[len] = 32;
    let n = this.n;
    let i = 0;
    let sent = true;
    let spaceOnly = false;
    let t = TOK[codes[0]!]!;
    for (;;) {
      while (t & K_SEP) {
        if (t & K_SLOW) {
          t = charInfo(codes, i, len);
          if (!(t & K_SEP)) break;
        }
        if (i >= len) {
          this.finishBlock(fb, blockIndex, n);
          return;
        }
        if (t & K_STOP) sent = true;
        if (!(t & K_SPACE)) spaceOnly = false;
        t = TOK[codes[++i]!]!;
      }
      const s = i;
      let h = FNV_OFFSET;
      let f = t & K_UPPER ? T_UPPER : 0;
      // One table load per character gives its lower case and its class; `seen` collects the classes.
      // A character not yet in the table reads as a separator (K_SLOW): the inner loop stops at it and the
      // outer one looks it up, so the per-character path has no test for it (that test cost an eighth).
      let seen = 0;
      do {
        do {
          seen |= t;
          h = Math.imul(h ^ (t & 0xffff), FNV_PRIME);
          t = TOK[codes[++i]!]!;
        } while (!(t & K_SEP));
        if (t & K_SLOW) t = charInfo(codes, i, len);
      } while (!(t & K_SEP));
      if (seen & K_LOWER) f |= T_HAS_LOWER;
      else if (seen & K_UPPER && i - s >= 2) {
        let uppers = 0;
        for (let j = s; j < i && uppers < 2; j++) {
          let tj = TOK[codes[j]!]!;
          if (tj & K_SLOW) tj = charInfo(codes, j, len);
          if (tj & K_UPPER) uppers++;
        }
        if (uppers >= 2) f |= T_ALLCAPS;
      }
      if (sent) f |= T_SENT;
      if (spaceOnly) f |= T_SPACE_BEFORE;
      start[n] = s;
      end[n] = i;
      hash[n] = h & HASH_MASK || 1;
      flags[n] = f;
      n++;
      sent = false;
      spaceOnly = true;
    }
  }
}

/**
 * Per code unit: its lower case (bits 0–15) and its class as one bit (K_*), so the tokenizer reads one table
 * per character. Entries are filled on first use; until then (and always for surrogates, whose class depends
 * on the pair) an entry is K_SEP | K_SLOW.
 */
const TOK = new Int32Array(65536).fill(K_SEP | K_SLOW);
const CLASS_BIT = [0, K_SEP, K_WORD, K_UPPER, K_LOWER];

/** The TOK entry of position i (computed, and stored unless a surrogate). */
function charInfo(codes: Uint16Array, i: number, len: number): number {
  const c = codes[i]!;
  if (c >= 0xd800 && c <= 0xdfff) return lower(c) | CLASS_BIT[i >= len ? 1 : classAt(codes, i, len)]!;
  const stop = c === 46 || c === 33 || c === 63 || c === 58 ? K_STOP : 0;
  const space = c === 32 || c === 10 || c === 9 || c === 13 || c === 45 ? K_SPACE : 0;
  return (TOK[c] = lower(c) | CLASS_BIT[cls(c)]! | stop | space);
}
for (let c = 0; c < 128; c++) charInfo(Uint16Array.of(c), 0, 1);

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
    hashes.push(h & HASH_MASK || 1);
    gapStart = i;
  }
  return { tokens, gaps, hashes, trailing: f.slice(gapStart).trim(), core: coreStart < 0 ? '' : f.slice(coreStart, gapStart) };
}

/** The hashes a context phrase's first word may take in the text: itself and, for a one-word phrase, its
 *  plural or singular ("cartel" and "cartels", "peach" and "peaches"); repeats fill the four places. */
export function phraseVariants(ph: Phrase): [number, number, number, number] {
  const first = ph.tokens[0] ?? '';
  const h = ph.hashes[0] ?? 1;
  const single = ph.tokens.length === 1;
  return [
    h,
    single ? hashToken(first + 's') : h,
    single && /s$/i.test(first) && first.length > 3 ? hashToken(first.slice(0, -1)) : h,
    single && /(?:ch|sh|s|x|z|o)$/i.test(first) ? hashToken(first + 'es') : h,
  ];
}

export function hasLower(s: string): boolean {
  return s !== s.toUpperCase();
}
