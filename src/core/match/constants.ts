// The matcher's numeric constants: bit flags, table sizes, record layout.
//
// They live in a file of their own, with literal values and no imports, because that is what esbuild's
// minifier needs to inline them at every use (its rule: constants at the top of a file without imports).
// Left as module variables, V8 (Node 20, 2026-11) reloads each from the module on every use and checks its
// type, and a constant such as FNV_PRIME became a double that Math.imul converted on every character: the
// tokenizer ran a fifth slower. build.mjs minifies the extension, and bench/run.mjs bundles the benchmarks
// with the same syntax minification.

// ---- token flags (Tokens.flags)
export const T_UPPER = 1; // first char upper-case
export const T_ALLCAPS = 2; // ≥ 2 letters, none lower-case
export const T_SENT = 4; // sentence start (block start, or after . ! ? :)
export const T_SPACE_BEFORE = 8; // gap before is only spaces/hyphens (same phrase)
export const T_HAS_LOWER = 16;

// ---- the tokenizer's character table (tokenize.ts TOK): lower case in bits 0–15, then one class bit
export const K_SEP = 0x10000;
export const K_WORD = 0x20000; // uncased letter or digit
export const K_UPPER = 0x40000;
export const K_LOWER = 0x80000;
export const K_SLOW = 0x100000; // not yet in the table, or a surrogate
export const K_STOP = 0x200000; // . ! ? : — a sentence starts after it
export const K_SPACE = 0x400000; // space, tab, line break or hyphen: the tokens around it read as one phrase

// ---- folding (fold.ts FOLD1 entries below zero)
export const F_DELETE = -1; // soft hyphen, zero-width: dropped
export const F_ATTACH = -2; // combining mark: dropped, but its original span is attached to the previous char
export const F_MULTI = -3; // folds to several code units (fold.ts FOLD_MULTI)

// ---- token hashes
export const FNV_OFFSET = -2128831035; // 0x811c9dc5 as an int32
export const FNV_PRIME = 16777619;
/**
 * Token hashes keep 30 bits: V8 stores such numbers as small integers (31-bit "Smis" in Chrome, which
 * compresses pointers), while a full 32-bit hash above 2^30 is a heap number. The judging rules look token
 * hashes up in Sets and Maps thousands of times per page, and a heap-number key took twice as long
 * (Node 20, 2026-11: 28 vs 15 ns a Set lookup).
 */
export const HASH_MASK = 0x3fffffff;

// ---- pattern flags (MatcherData.patFlags)
export const P_CASE_EXACT = 1;
export const P_STOP = 2;
export const P_NEVER = 4;
export const P_SURNAME = 8;
export const P_MIDDLE = 16; // person full name: an optional middle initial may appear after the first token
export const P_PLURAL = 32; // last token may take a plural "s"
export const P_LOWER_START = 64;
export const P_TRAIL_DOT = 128;

// ---- the alias index
export const BLOOM_BITS = 65536; // the lower-case bloom filter and the kinds table
export const HEAD_BITS = 2097152; // 2^21: the bit set of first-token hashes (Matcher.heads)
export const MAX_GAP = 12; // folded chars between two tokens of one name
/** Traits in a pattern record (Matcher.rec) above the token count (bits 0–7) and flags (8–15). */
export const R_SUBSTANCE = 0x10000;
export const R_THE = 0x20000; // the entity's name starts with the pattern's first word ("The Atlantic", "Pope Leo XIV")
export const R_TYPE_SHIFT = 18; // entity type code, 4 bits
export const R_LAST = 0x400000; // the last record of a slot's run
/** A pattern record's token hashes start at this offset. */
export const REC_TOKENS = 5;
/** A pattern record's core length before verify first needs it, and (a guard: the room kept is the length
 *  buildData measured) when the core does not fit. */
export const CORE_UNKNOWN = -1;
export const CORE_TOO_LONG = -2;
/** Span.forms: how a pattern matched. */
export const FORM_MIDDLE = 1; // a middle initial skipped ("Gregory M. Guillot" for "Gregory Guillot")
export const FORM_PLURAL = 2; // the last word with a plural "s"
/** resolve()'s marks of a span: it passed the structural checks; it is an unambiguous alias. */
export const PLAUSIBLE = 1;
export const STRONG = 2;
/** Bits of Matcher.kinds. */
export const K_LOWER_HEAD = 1;
export const K_CONTEXT_HEAD = 2;

// ---- judging
export const BLOCK_TITLE_CASE = 1; // "Georgia Overpowers USA In Atlanta": capitalisation says nothing
export const BLOCK_HEADLINE = 2; // short, no sentence-final punctuation
export const NEAR_TOKENS = 10; // a context word this near the name counts as near
/** A name shared by this many KB entities links only to one named earlier, seen or titled (decide). */
export const MANY_NAMESAKES = 5;
