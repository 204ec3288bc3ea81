// Coreference: a person's bare surname ("Guillot", "Rubio’s") links to the person when the full name
// was matched earlier in the same scan, when the person is in `seenEntityIds` (found by an earlier
// scan of the page), or when one of the person's titles stands right before it ("Gen. Guillot").
import { cls } from './fold';
import type { ScanContext } from './scan-context';
import { NAME_SUFFIXES } from './stopwords';
import { T_UPPER, tokenizePhrase } from './tokenize';

/** Surname of a person name: last token, skipping suffixes (Jr., Sr., III). Null for one-token names. */
export function surnameOf(name: string): string | null {
  const toks = tokenizePhrase(name).tokens.slice();
  while (toks.length > 1 && NAME_SUFFIXES.has(toks[toks.length - 1]!.toLowerCase())) toks.pop();
  if (toks.length < 2) return null;
  const last = toks[toks.length - 1]!;
  if (last.length < 2 || cls(last.charCodeAt(0)) !== 3) return null;
  return last;
}

const TITLE_GAP = /^[\s.,\u00a0\u202f]{1,4}$/;

/** One of the entity's titles written right before token t0 ("Secretary of State" Marco Rubio), or null. */
export function titleBefore(ctx: ScanContext, ent: number, t0: number): string | null {
  const d = ctx.d;
  const tk = ctx.tk;
  const b = tk.block[t0]!;
  let best: string | null = null;
  let bestLen = 0;
  for (let i = d.entTitleOff[ent]!; i < d.entTitleOff[ent + 1]!; i++) {
    const ph = ctx.phrase(d.entTitles[i]!);
    const m = ph.hashes.length;
    if (m === 0 || m <= bestLen || t0 - m < 0) continue;
    const s = t0 - m;
    if (tk.block[s] !== b) continue;
    let ok = (tk.flags[s]! & T_UPPER) !== 0;
    for (let k = 0; ok && k < m; k++) if (tk.hash[s + k] !== ph.hashes[k]) ok = false;
    if (!ok) continue;
    const gap = ctx.blocks[b]!.slice(tk.oend[t0 - 1]!, tk.ostart[t0]!);
    if (!TITLE_GAP.test(gap)) continue;
    best = ctx.d.strings[d.entTitles[i]!]!;
    bestLen = m;
  }
  return best;
}

export interface CorefEvidence {
  score: number;
  parts: string[];
}

/** Evidence that a bare surname at tokens [t0, …) refers to person `ent`. */
export function corefEvidence(ctx: ScanContext, ent: number, t0: number): CorefEvidence {
  const parts: string[] = [];
  let score = 0;
  const first = ctx.confirmed.get(ent);
  if (first !== undefined && first < t0) {
    score += 3;
    parts.push(`'${ctx.d.strings[ctx.d.entName[ent]!]}' named earlier (+3)`);
  } else if (ctx.seen.has(ent)) {
    score += 3;
    parts.push('seen earlier on page (+3)');
  }
  const title = titleBefore(ctx, ent, t0);
  if (title) {
    score += 3;
    parts.push(`title '${title}' (+3)`);
  }
  return { score, parts };
}
