import type { KeyMap, Span } from './disambiguate';
import type { MatcherData } from './hash-index';
import type { Phrase, Tokens } from './tokenize';
import { mix } from './hash-index';
import { isInstitutionName } from './stopwords';

/** Per-scan state shared by disambiguation and coreference. */
export interface ScanContext {
  d: MatcherData;
  tk: Tokens;
  blocks: string[];
  phrase(strIdx: number): Phrase;
  /** Entities with an unambiguous full alias match in this scan → first token index. */
  confirmed: Map<number, number>;
  /** Entities from `seenEntityIds`. */
  seen: Set<number>;
  pageLang: string | null;
  /** Context word (string index) → found anywhere in the scan (token index or -1). */
  anyCache: Map<number, number>;
  /** Lazily: where each token hash occurs in the scan. */
  positions: TokenPositions | null;
  /** Lazily: key ids (disambiguate keyId) of confirmed entities' ids/names/aliases → entity. */
  pageNames: KeyMap | null;
  /** Lazily: key ids of confirmed entities' context strings → those entities (an index into pageContextLists). */
  pageContexts: KeyMap | null;
  pageContextLists?: number[][];
  /** Entity → token indices of its unambiguous full-name matches (pass 1), ascending. */
  mentions: Map<number, number[]>;
  /** Hash of a surname → token indices where it was part of another person's name ("Dale Turner"). */
  namesakes: Map<number, number[]>;
  /** Hashes of one-word names used as given names on the page ("Chase" in "Chase Elliott"). */
  givenNames: Set<number>;
  /** Hashes of one-word names seen as part of something else on the page ("Jordan" in "Michael Jordan"). */
  partOfOther: Set<number>;
  /** Block → BLOCK_* flags (computed lazily). */
  blockFlags: Map<number, number>;
  /** Token indices where some candidate span starts / ends (exclusive end). */
  spanStarts: TokenFlags;
  spanEnds: TokenFlags;
  /** Longest candidate span ending at / first candidate span starting at a token index. */
  spanAtEnd: TokenSpans;
  spanAtStart: TokenSpans;
  /** Lazily: country entity → how often it and entities of that country are named unambiguously. */
  countryFocus?: Map<number, number>;
  /** leadCountry(): the country the headline and lead are about, -1 when none or several. */
  leadCountry?: number;
  /** Pattern strings of places that are towns on this page ("MEXICO, Maine"): localPlaceNames() */
  localPlaces?: Set<number>;
  /** countryOnPage(): countries whose side pass 1 found, and the entities it found */
  countriesOnPage?: Set<number>;
  /** homeWords() per country, once pass 1 has filled `mentions` */
  homeWords?: Map<number, Set<number>>;
  /** teams.ts: whether the page reads as a sports report, and one-word names used as teams on it */
  sportsPage?: boolean;
  teamWords?: Map<number, boolean>;
  /** homeWords() without party words, per country */
  homeNames?: Map<number, Set<number>>;
  /** Dateline tokens of the page (lazily). */
  datelines: number[] | null;
  /** The tokens (ascending, the first contextTokenCount entries) whose hash may be the first word of some
   *  entity's context phrase: collect() lists them for TokenPositions. */
  contextTokens: Int32Array;
  contextTokenCount: number;
}

/**
 * Token hash → its first token index in the scan, chained to the later ones (`next[t]`, -1 at the end), so
 * a context phrase is tried only where its first word occurs. An open-addressing table in typed arrays
 * (reused across scans) rather than a Map: built over every token of the page, the Map had cost 8 % of a
 * scan's time.
 */
export class TokenPositions {
  private static shared: TokenPositions | null = null;
  private keys = new Int32Array(0);
  private heads = new Int32Array(0);
  private mask = 0;
  next = new Int32Array(0);

  /** The positions of tokens[0 .. count) (ascending token indices of tk), in a table reused from the previous
   *  scan (one scan runs at a time). The caller lists only tokens whose hash the table may be asked for:
   *  most of a page's words are no one's context word. */
  static of(tk: Tokens, tokens: Int32Array, count: number): TokenPositions {
    const p = (TokenPositions.shared ??= new TokenPositions());
    p.build(tk, tokens, count);
    return p;
  }

  private build(tk: Tokens, tokens: Int32Array, count: number): void {
    const n = tk.n;
    let size = 16;
    while (size < n * 2) size *= 2;
    // (Reallocated when much too large too: one huge page must not make every later scan clear a huge table.)
    if (this.keys.length < size || this.keys.length > size * 8) {
      this.keys = new Int32Array(size);
      this.heads = new Int32Array(size);
    } else {
      size = this.keys.length;
      this.keys.fill(0);
    }
    if (this.next.length < n) this.next = new Int32Array(Math.max(n, 1024));
    this.mask = size - 1;
    const { keys, heads, next, mask } = this;
    const hash = tk.hash;
    for (let i = count - 1; i >= 0; i--) {
      const t = tokens[i]!;
      const h = hash[t]!; // never 0
      let slot = mix(h) & mask;
      for (;;) {
        const k = keys[slot]!;
        if (k === h) {
          next[t] = heads[slot]!;
          heads[slot] = t;
          break;
        }
        if (k === 0) {
          keys[slot] = h;
          heads[slot] = t;
          next[t] = -1;
          break;
        }
        slot = (slot + 1) & mask;
      }
    }
  }

  /** First token index with hash h, or -1. */
  first(h: number): number {
    const { keys, mask } = this;
    let slot = mix(h) & mask;
    for (;;) {
      const k = keys[slot]!;
      if (k === h) return this.heads[slot]!;
      if (k === 0) return -1;
      slot = (slot + 1) & mask;
    }
  }
}

/**
 * A cache that lives as long as one matcher's data: made on first use, found again through a WeakMap,
 * with the last one remembered because scans ask for it for every candidate span. (Such caches are
 * arrays indexed by string, pattern or entity number, not Maps, for the same reason.)
 */
export function perMatcher<T>(make: (d: ScanContext['d']) => T): (d: ScanContext['d']) => T {
  const all = new WeakMap<ScanContext['d'], T>();
  let lastD: ScanContext['d'] | null = null;
  let last: T | undefined;
  return (d) => {
    if (d === lastD) return last!;
    let v = all.get(d);
    if (v === undefined) all.set(d, (v = make(d)));
    lastD = d;
    last = v;
    return v;
  };
}

const institutionPatternsOf = perMatcher((d) => new Uint8Array(d.patStr.length));
/** The pattern's text is a generic institution name ("Senate", "Supreme Court"), cached per pattern: the
 *  structure checks ask for every candidate span. */
export function institutionPattern(ctx: ScanContext, pat: number): boolean {
  const a = institutionPatternsOf(ctx.d);
  let v = a[pat]!;
  if (v === 0) a[pat] = v = isInstitutionName(ctx.phrase(ctx.d.patStr[pat]!).tokens) ? 2 : 1;
  return v === 2;
}

/** Entity number of the United States (id "united-states"), or -1. */
export const usIndex = perMatcher((d) => {
  for (let e = 0; e < d.entId.length; e++) if (d.strings[d.entId[e]!] === 'united-states') return e;
  return -1;
});

/** A set of token indices of one scan, in a byte array (a Set of numbers cost several percent of a scan).
 *  The matcher keeps one per use and resets it for each scan: allocated per scan, these arrays were a
 *  quarter of the memory a scan allocates, and the collector's time with it. */
export class TokenFlags {
  private a = new Uint8Array(1024);
  /** Empties the set for a scan of n tokens. */
  reset(n: number): this {
    if (this.a.length < n + 1) this.a = new Uint8Array(Math.max(n + 1, this.a.length * 2));
    else this.a.fill(0, 0, n + 1);
    return this;
  }
  has(t: number): boolean {
    return this.a[t] === 1;
  }
  add(t: number): void {
    this.a[t] = 1;
  }
}

/** Token index → span, in an array (see TokenFlags). reset() empties only the entries the last scan set:
 *  clearing a JS array with fill() took longer than the scan's use of it, and entries left in place kept
 *  the scan's spans alive into the old generation, which tripled the collector's share of a scan. */
export class TokenSpans {
  private a: (Span | undefined)[] = new Array<Span | undefined>(1024);
  private used: number[] = [];
  /** Empties the map for a scan of n tokens. */
  reset(n: number): this {
    for (const t of this.used) this.a[t] = undefined;
    this.used.length = 0;
    if (this.a.length < n + 1) this.a = new Array<Span | undefined>(Math.max(n + 1, this.a.length * 2));
    return this;
  }
  get(t: number): Span | undefined {
    return t >= 0 ? this.a[t] : undefined;
  }
  has(t: number): boolean {
    return t >= 0 && this.a[t] !== undefined;
  }
  set(t: number, sp: Span): void {
    if (this.a[t] === undefined) this.used.push(t);
    this.a[t] = sp;
  }
}
