// Per-block facts used by the structural checks and coreference: whitespace-only gaps between tokens,
// Title Case / ALL-CAPS blocks and headline-like blocks.
import { BLOCK_HEADLINE, BLOCK_TITLE_CASE, T_HAS_LOWER, T_SPACE_BEFORE, T_UPPER } from './constants';
import { type ScanContext } from './scan-context';

/** Only whitespace between tokens a and a + 1 (same block). */
export function spaceGap(ctx: ScanContext, a: number): boolean {
  const tk = ctx.tk;
  const b = tk.block[a]!;
  if (a + 1 >= tk.n || tk.block[a + 1] !== b) return false;
  // The tokenizer saw punctuation in the folded gap (every whitespace character folds to whitespace, so
  // the original gap has it too): most gaps that are not plain spaces end here.
  if (!(tk.flags[a + 1]! & T_SPACE_BEFORE)) return false;
  // a loop over the gap rather than slice + regex: this runs several times for each candidate span
  const text = ctx.blocks[b]!;
  const e = tk.ostart[a + 1]!;
  let i = tk.oend[a]!;
  if (i >= e) return false;
  for (; i < e; i++) if (!isSpaceCode(text.charCodeAt(i))) return false;
  return true;
}

/** Whitespace: space, tab, line breaks, no-break spaces, the typographic spaces U+2000–U+200A, U+205F, U+3000. */
function isSpaceCode(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0 || (c >= 0x2000 && c <= 0x200a) || c === 0x202f || c === 0x205f || c === 0x3000;
}

/** BLOCK_* flags of the block that token t is in. */
export function blockFlags(ctx: ScanContext, t: number): number {
  const tk = ctx.tk;
  const b = tk.block[t]!;
  let f = ctx.blockFlags.get(b);
  if (f !== undefined) return f;
  f = 0;
  const text = ctx.blocks[b]!.trimEnd();
  const last = text.charCodeAt(text.length - 1);
  // a sentence ends with . ! ? " ” ) …; headlines usually do not (and a paragraph that ends as a sentence,
  // nearly all of them, needs no look at its words)
  const sentence = last === 46 || last === 33 || last === 63 || last === 34 || last === 0x201d || last === 41 || last === 0x2026;
  if (!sentence) {
    let s = t;
    while (s > 0 && tk.block[s - 1] === b) s--;
    let e = t + 1;
    while (e < tk.n && tk.block[e] === b) e++;
    let long = 0;
    let cap = 0;
    for (let i = s; i < e; i++) {
      if (tk.end[i]! - tk.start[i]! < 4) continue;
      const fl = tk.flags[i]!;
      if (!(fl & T_HAS_LOWER) && !(fl & T_UPPER)) continue; // digits
      long++;
      if (fl & T_UPPER) cap++;
    }
    if (long >= 3 && cap >= long * 0.75) f |= BLOCK_TITLE_CASE;
    if (e - s <= 25) f |= BLOCK_HEADLINE;
  }
  ctx.blockFlags.set(b, f);
  return f;
}

/** Token t is an acronym in parentheses, "(NSA)": the parenthesis right before and after it. */
export function inParentheses(ctx: ScanContext, t: number): boolean {
  const tk = ctx.tk;
  const text = ctx.blocks[tk.block[t]!]!;
  // (guarded reads: see structure.ts on charCodeAt out of range)
  const s = tk.ostart[t]!;
  const e = tk.oend[t]!;
  return s > 0 && e < text.length && text.charCodeAt(s - 1) === 40 && text.charCodeAt(e) === 41;
}
