// The normalised form of a name or alias used by the `aliasKeys` index (prefix search, exact lookups).
// The matcher has its own folding (core/match/fold.ts); this one only needs to be stable, because the
// keys are stored: changing it requires a database version bump that recomputes them.

const COMBINING_MARKS = /\p{M}+/gu;
const SINGLE_QUOTES = /[\u2018\u2019\u201A\u201B\u2032\u02BC\u00B4\u0060]/g;
const DOUBLE_QUOTES = /[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g;
const SPACES = /[\s\u00A0\u2000-\u200B\u202F\u205F\u3000]+/g;

/**
 * Printable ASCII without the backtick, words separated by single spaces, no leading or trailing space:
 * for such strings (~95% of names and aliases) every step of aliasKeyFull but lower-casing is a no-op.
 */
const PLAIN_ASCII = /^[\x21-\x5f\x61-\x7e]+(?: [\x21-\x5f\x61-\x7e]+)*$/;

/** NFKD, strip diacritics, lowercase, curly → straight quotes, collapse and trim white space. */
export function aliasKey(s: string): string {
  // Fast path (keys for a 100k pack are computed on every import): same result, ~3× cheaper.
  return PLAIN_ASCII.test(s) ? s.toLowerCase() : aliasKeyFull(s);
}

/** aliasKey without the fast path (exported so a test can check that both always agree). */
export function aliasKeyFull(s: string): string {
  return s
    .normalize('NFKD')
    .replace(COMBINING_MARKS, '')
    .toLowerCase()
    .replace(SINGLE_QUOTES, "'")
    .replace(DOUBLE_QUOTES, '"')
    .replace(SPACES, ' ')
    .trim();
}

/** The distinct keys of an entity's name and aliases (empty keys dropped). */
export function aliasKeysOf(e: { name: string; aliases?: readonly string[] }): string[] {
  const out = new Set<string>();
  const k = aliasKey(e.name);
  if (k) out.add(k);
  for (const a of e.aliases ?? []) {
    const ak = aliasKey(a);
    if (ak) out.add(ak);
  }
  return [...out];
}

/** A publisher domain as indexed: lower case, no trailing dot, no leading "www.". */
export function domainKey(d: string): string {
  const h = d.trim().toLowerCase().replace(/\.+$/, '');
  return h.startsWith('www.') ? h.slice(4) : h;
}

/**
 * The `domainKeys` index field: always an array (empty for non-publishers). Indexing the optional
 * `domains` field directly would make IndexedDB skip (and fake-indexeddb throw and catch a DataError for)
 * every entity without domains, which cost ~0.75 s per 100k entities on import.
 */
export function domainKeysOf(e: { domains?: readonly string[] }): string[] {
  if (!e.domains || e.domains.length === 0) return [];
  return [...new Set(e.domains.map(domainKey).filter(Boolean))];
}
