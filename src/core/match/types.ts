export type { MatcherEntity } from './hash-index';

export interface ScanOptions {
  /** BCP 47 language of the page ("en", "es-MX"). */
  pageLang?: string;
  /** Entities found by earlier scans of the same page: their bare surnames link (coreference). */
  seenEntityIds?: string[];
  /** Also report capitalised multi-word names that are not in the knowledge base. Off by default. */
  detectUnknown?: boolean;
  /** Entities the reader turned off: never reported. */
  disabledEntityIds?: string[];
}

export interface TextMatch {
  /** Index into the scanned blocks. */
  block: number;
  /** UTF-16 offsets into the original block string. */
  start: number;
  end: number;
  entityId: string | null;
  kind: 'alias' | 'coref' | 'unknown';
  /** Why it matched (shown as debug info in the popover). */
  reason: string;
  /** blocks[block].slice(start, end) */
  text: string;
}
