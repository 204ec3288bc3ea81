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
  /** Lazily: lower-cased ids/names/aliases of confirmed entities → entity. */
  pageNames: Map<string, number> | null;
}
