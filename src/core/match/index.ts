// Entity matcher: finds knowledge-base entities in the text blocks of a page.
// See docs/architecture.md, "Matcher".
export { buildMatcher, Matcher } from './matcher';
export type { MatcherEntity } from './hash-index';
export type { ScanOptions, TextMatch } from './types';
export { foldString, foldWithMap } from './fold';
