// Text folding for matching: diacritics removed (NFKD + strip marks for Latin/Greek/Cyrillic),
// compatibility forms (fullwidth, ligatures) decomposed, curly quotes → straight, nbsp and other
// spaces → ' ', soft hyphens and zero-width characters dropped. Case is kept (the case policy needs
// it); lower-casing happens per token when hashing.
//
// Folding writes into reused typed-array buffers with an offset map back to the original string:
// folded code unit k came from original [mapS[k], mapE[k]). Positions are never shifted: a match on
// folded units [a, b) is the original slice [mapS[a], mapE[b-1]).
import { FNV_OFFSET, FNV_PRIME, F_ATTACH, F_DELETE, F_MULTI, HASH_MASK } from './constants';
import { grownTo } from './typed-arrays';

/** Per BMP code unit: 0 = not computed, >0 = single folded code + 1, <0 = F_DELETE/F_ATTACH/multi. */
const FOLD1 = new Int32Array(65536);
const FOLD_MULTI = new Map<number, string>();

/** Character classes: 0 unknown, 1 not a word char, 2 word char (uncased/digit), 3 upper-case letter, 4 lower-case letter. */
const CLS = new Uint8Array(65536);
/** Lower-case code unit (0 = not computed). */
const LOWER = new Uint16Array(65536);

const RE_WORD = /[\p{L}\p{N}\p{M}]/u;
const RE_MARK = /\p{M}/gu;

const SPECIAL: Record<number, string | number> = {
  0x00ad: F_DELETE, 0x200b: F_DELETE, 0x200c: F_DELETE, 0x200d: F_DELETE, 0x2060: F_DELETE, 0xfeff: F_DELETE,
  0x2018: "'", 0x2019: "'", 0x201b: "'", 0x2032: "'", 0x02bc: "'", 0xff07: "'", 0x00b4: "'", 0x0060: "'",
  0x201c: '"', 0x201d: '"', 0x201e: '"', 0x201f: '"', 0x2033: '"', 0x00ab: '"', 0x00bb: '"',
  0x2010: '-', 0x2011: '-', 0x2012: '-',
  0x00a0: ' ', 0x1680: ' ', 0x202f: ' ', 0x205f: ' ', 0x3000: ' ',
  0x2028: '\n', 0x2029: '\n',
  0x00f8: 'o', 0x00d8: 'O', 0x0111: 'd', 0x0110: 'D', 0x0142: 'l', 0x0141: 'L', 0x0131: 'i',
  0x00e6: 'ae', 0x00c6: 'AE', 0x0153: 'oe', 0x0152: 'OE', 0x00df: 'ss', 0x00fe: 'th', 0x00de: 'Th',
  0x0127: 'h', 0x0126: 'H', 0x0167: 't', 0x0166: 'T',
};
for (let c = 0x2000; c <= 0x200a; c++) SPECIAL[c] = ' ';

function isCombining(c: number): boolean {
  return (
    (c >= 0x0300 && c <= 0x036f) ||
    (c >= 0x1ab0 && c <= 0x1aff) ||
    (c >= 0x1dc0 && c <= 0x1dff) ||
    (c >= 0x20d0 && c <= 0x20ff) ||
    (c >= 0xfe20 && c <= 0xfe2f)
  );
}

function decomposable(c: number): boolean {
  return (
    c < 0x0530 ||
    (c >= 0x1e00 && c <= 0x1fff) ||
    (c >= 0x2100 && c <= 0x218f) ||
    (c >= 0x2460 && c <= 0x24ff) ||
    (c >= 0xfb00 && c <= 0xfb06) ||
    (c >= 0xff00 && c <= 0xffef)
  );
}

/** A decomposition can leave a character that SPECIAL folds further ("Ǽ" → "Æ" → "AE"): apply it, so
 *  folding stays idempotent. */
function foldSpecials(s: string): string {
  let out = '';
  for (const ch of s) {
    const sp = SPECIAL[ch.charCodeAt(0)];
    out += typeof sp === 'string' ? sp : sp === F_DELETE ? '' : ch;
  }
  return out;
}

function computeFold(c: number): number {
  let r: string | number | undefined = SPECIAL[c];
  if (r === undefined) {
    if (isCombining(c)) r = F_ATTACH;
    else if (c >= 0xd800 && c <= 0xdfff) r = c; // surrogates pass through
    else if (decomposable(c)) {
      const s = foldSpecials(String.fromCharCode(c).normalize('NFKD').replace(RE_MARK, ''));
      r = s.length === 0 ? F_ATTACH : s;
    } else {
      const s = foldSpecials(String.fromCharCode(c).normalize('NFKC'));
      r = s.length === 1 ? s : c;
    }
  }
  if (typeof r === 'string') {
    if (r.length === 1) r = r.charCodeAt(0);
    else {
      FOLD_MULTI.set(c, r);
      return F_MULTI;
    }
  }
  return r < 0 ? r : r + 1;
}

function fold1(c: number): number {
  let f = FOLD1[c]!;
  if (f === 0) f = FOLD1[c] = computeFold(c);
  return f;
}

function computeCls(c: number): number {
  const ch = String.fromCharCode(c);
  if (!RE_WORD.test(ch)) return 1;
  if (ch !== ch.toLowerCase() && ch === ch.toUpperCase()) return 3;
  return ch !== ch.toUpperCase() ? 4 : 2;
}

/** Class of a (folded) code unit: 1 separator, 2 word char, 3 upper-case word char. Surrogates: see isWordAt. */
export function cls(c: number): number {
  let k = CLS[c]!;
  if (k === 0) k = CLS[c] = computeCls(c);
  return k;
}

export function lower(c: number): number {
  if (c < 128) return c >= 65 && c <= 90 ? c + 32 : c;
  let l = LOWER[c]!;
  if (l === 0) {
    const s = String.fromCharCode(c).toLowerCase();
    l = LOWER[c] = s.length === 1 ? s.charCodeAt(0) : c;
  }
  return l;
}

const CP_WORD = new Map<number, boolean>();
/** Is the astral code point a letter/digit? */
export function isWordCodePoint(cp: number): boolean {
  let w = CP_WORD.get(cp);
  if (w === undefined) {
    w = RE_WORD.test(String.fromCodePoint(cp));
    CP_WORD.set(cp, w);
  }
  return w;
}

// ASCII fast path.
for (let c = 0; c < 128; c++) {
  CLS[c] = c >= 48 && c <= 57 ? 2 : c >= 97 && c <= 122 ? 4 : c >= 65 && c <= 90 ? 3 : 1;
  FOLD1[c] = c + 1;
}

/** Reusable folding buffers. */
const ENCODER = new TextEncoder();
const NON_ASCII = /[^\x00-\x7f]/g;

export class FoldBuffer {
  codes = new Uint16Array(1024);
  mapS = new Int32Array(1024);
  mapE = new Int32Array(1024);
  len = 0;
  /** true when the folded text is the original (pure ASCII): mapS[k] = k, mapE[k] = k + 1. */
  identity = true;
  /** true when every folded unit is ASCII (the text itself may have had accents or curly quotes). */
  ascii = true;

  private grow(n: number): void {
    if (n <= this.codes.length) return;
    let size = this.codes.length;
    while (size < n) size *= 2;
    this.codes = grownTo(this.codes, size);
    this.mapS = grownTo(this.mapS, size);
    this.mapE = grownTo(this.mapE, size);
  }

  start(k: number): number {
    return this.identity ? k : this.mapS[k]!;
  }
  /** Original end offset of folded unit k (exclusive). */
  end(k: number): number {
    return this.identity ? k + 1 : this.mapE[k]!;
  }

  private bytes = new Uint8Array(1024);

  fold(s: string): void {
    const n = s.length;
    this.grow(n + 8);
    // Pure ASCII (most English pages) folds to itself. The browser's UTF-8 encoder tells that and copies
    // the characters in native code, several times faster than a charCodeAt loop (a tenth of a scan's time).
    if (this.bytes.length < 3 * n) this.bytes = new Uint8Array(3 * this.codes.length); // (UTF-8: ≤ 3 bytes a unit)
    const bytes = this.bytes;
    const { written } = ENCODER.encodeInto(s, bytes);
    if (written === n) {
      this.codes.set(bytes.subarray(0, n));
      this.identity = true;
      this.ascii = true;
      this.len = n;
      return;
    }
    // A few curly quotes or dashes in a paragraph: the ASCII runs between them are copied from the UTF-8
    // bytes, the others folded one by one (a charCodeAt loop over every paragraph that had one was a
    // twentieth of a scan).
    const codes = this.codes;
    let i = 0; // next unit to fold
    let extra = 0; // bytes[k + extra] is unit k within an ASCII run
    let ascii = true;
    NON_ASCII.lastIndex = 0;
    for (let m = NON_ASCII.exec(s); m !== null; m = NON_ASCII.exec(s)) {
      const j = m.index;
      if (j - i > 32) codes.set(bytes.subarray(i + extra, j + extra), i);
      else for (let k = i; k < j; k++) codes[k] = bytes[k + extra]!; // (a short run: no subarray to allocate)
      const c = s.charCodeAt(j);
      const f = fold1(c);
      if (f <= 0) {
        // dropped or expanded: offsets shift from here on
        this.foldSlow(s, j);
        return;
      }
      codes[j] = f - 1;
      if (f > 128) ascii = false;
      // UTF-8 bytes beyond the one unit: 1 below U+0800, 1 per half of a surrogate pair (4 bytes for 2
      // units), 2 for a lone surrogate (written as U+FFFD) and other units
      if (c < 0x800) extra += 1;
      else if (c >= 0xd800 && c <= 0xdbff && j + 1 < n && (s.charCodeAt(j + 1) & 0xfc00) === 0xdc00) extra += 1;
      else if (c >= 0xdc00 && c <= 0xdfff && j > 0 && (s.charCodeAt(j - 1) & 0xfc00) === 0xd800) extra += 1;
      else extra += 2;
      i = j + 1;
    }
    if (n > i) codes.set(bytes.subarray(i + extra, n + extra), i);
    this.identity = true;
    this.ascii = ascii;
    this.len = n;
  }

  /** Folds s from unit `from` on, where the first unit that folds to none or several is; units before it
   *  are folded already, one for one. */
  private foldSlow(s: string, from: number): void {
    const n = s.length;
    let i = from;
    this.identity = false;
    this.ascii = false;
    for (let k = 0; k < i; k++) {
      this.mapS[k] = k;
      this.mapE[k] = k + 1;
    }
    let o = i;
    for (; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c < 128) {
        this.codes[o] = c;
        this.mapS[o] = i;
        this.mapE[o] = i + 1;
        o++;
        continue;
      }
      const f = fold1(c);
      if (f > 0) {
        this.codes[o] = f - 1;
        this.mapS[o] = i;
        this.mapE[o] = i + 1;
        o++;
      } else if (f === F_ATTACH) {
        if (o > 0 && this.mapE[o - 1] === i) this.mapE[o - 1] = i + 1;
      } else if (f === F_MULTI) {
        const m = FOLD_MULTI.get(c)!;
        this.grow(o + m.length + (n - i) + 8);
        for (let j = 0; j < m.length; j++) {
          this.codes[o] = m.charCodeAt(j);
          this.mapS[o] = i;
          this.mapE[o] = i + 1;
          o++;
        }
      }
      // F_DELETE: nothing
    }
    this.len = o;
  }

  text(): string {
    let out = '';
    for (let i = 0; i < this.len; i += 8192) {
      out += String.fromCharCode(...this.codes.subarray(i, Math.min(this.len, i + 8192)));
    }
    return out;
  }
}

/** Folds a string (no offset map): used for aliases, titles and context words. */
export function foldString(s: string): string {
  if (!/[^\x00-\x7f]/.test(s)) return s;
  const b = new FoldBuffer();
  b.fold(s);
  return b.text();
}

/** Folds a string and returns the folded text with its per-unit original spans (tests, debugging). */
export function foldWithMap(s: string): { text: string; starts: number[]; ends: number[] } {
  const b = new FoldBuffer();
  b.fold(s);
  const starts: number[] = [];
  const ends: number[] = [];
  for (let k = 0; k < b.len; k++) {
    starts.push(b.start(k));
    ends.push(b.end(k));
  }
  return { text: b.text(), starts, ends };
}

/** Lower-cased FNV-1a hash of a folded token (never 0), HASH_MASK bits. */
export function hashToken(s: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ lower(s.charCodeAt(i)), FNV_PRIME);
  return h & HASH_MASK || 1;
}

/** The token hashes of a list of words, for `has(tk.hash[t])` tests. */
export function hashSet(words: Iterable<string>): Set<number> {
  return new Set([...words].map(hashToken));
}
