import type { Span } from './disambiguate';
import type { MatcherData } from './hash-index';
import type { Phrase, Tokens } from './tokenize';

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
  /** Lazily: token hash → first token index with that hash; `nextSame[t]` chains to the next one (-1 at the end). */
  firstToken: Map<number, number> | null;
  nextSame?: Int32Array;
  /** Lazily: lower-cased ids/names/aliases of confirmed entities → entity. */
  pageNames: Map<string, number> | null;
  /** Lazily: lower-cased context strings of confirmed entities → those entities. */
  pageContexts: Map<string, number[]> | null;
  /** Entity → token indices of its unambiguous full-name matches (pass 1), ascending. */
  mentions: Map<number, number[]>;
  /** Hash of a surname → token indices where it was part of another person's name ("Dale Turner"). */
  namesakes: Map<number, number[]>;
  /** Hashes of one-word names used as given names on the page ("Chase" in "Chase Elliott"). */
  givenNames: Set<number>;
  /** Block → BLOCK_* flags (computed lazily). */
  blockFlags: Map<number, number>;
  /** Token indices where some candidate span starts / ends (exclusive end). */
  spanStarts: Set<number>;
  spanEnds: Set<number>;
  /** Longest candidate span ending at / first candidate span starting at a token index. */
  spanAtEnd: Map<number, Span>;
  spanAtStart: Map<number, Span>;
  /** Dateline tokens of the page (lazily). */
  datelines: number[] | null;
}

export const BLOCK_TITLE_CASE = 1; // "Georgia Overpowers USA In Atlanta": capitalisation says nothing
export const BLOCK_HEADLINE = 2; // short, no sentence-final punctuation
