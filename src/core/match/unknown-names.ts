// detectUnknown: capitalised multi-word proper names that are not in the knowledge base
// ("Ken Klippenstein", "Nueva Esperanza", "Bashar al-Assad"): 2–4 capitalised tokens in one phrase,
// with name particles (de, van, al-) allowed between them. Common capitalised words (The, days,
// months, titles) are trimmed; a lone capitalised word at sentence start never counts.
import { T_ALLCAPS, T_SPACE_BEFORE, T_UPPER } from './constants';
import { hashToken } from './fold';
import { COMMON_CAPITALISED, NAME_PARTICLES } from './stopwords';
import { type Tokens } from './tokenize';
import type { TextMatch } from './types';

const COMMON = new Set<number>([...COMMON_CAPITALISED].map(hashToken));
const PARTICLES = new Set<number>([...NAME_PARTICLES].map(hashToken));

/** `used[t]` = 1 for tokens covered by a KB match. */
export function findUnknownNames(tk: Tokens, blocks: string[], used: Uint8Array): TextMatch[] {
  const out: TextMatch[] = [];
  const n = tk.n;
  let t = 0;
  while (t < n) {
    if (!isCap(tk, t, used)) {
      t++;
      continue;
    }
    // grow a run: capitalised tokens joined by spaces, particles allowed inside
    const run: number[] = [t];
    let u = t + 1;
    while (u < n && tk.block[u] === tk.block[t] && tk.flags[u]! & T_SPACE_BEFORE) {
      if (isCap(tk, u, used)) {
        run.push(u);
        u++;
      } else if (isParticle(tk, u)) {
        // one or two particles ("al-", "von der") followed by a capitalised token
        let v = u + 1;
        if (v < n && tk.block[v] === tk.block[t] && tk.flags[v]! & T_SPACE_BEFORE && isParticle(tk, v)) v++;
        if (v < n && tk.block[v] === tk.block[t] && tk.flags[v]! & T_SPACE_BEFORE && isCap(tk, v, used)) {
          for (let w = u; w <= v; w++) run.push(w);
          u = v + 1;
        } else break;
      } else break;
    }
    emit(tk, blocks, run, out);
    t = u;
  }
  return out;
}

function isCap(tk: Tokens, t: number, used: Uint8Array): boolean {
  const f = tk.flags[t]!;
  if (!(f & T_UPPER) || f & T_ALLCAPS || used[t]) return false;
  // single letters only as middle initials ("George W. Bush") – accepted inside runs by emit()
  return true;
}

function isParticle(tk: Tokens, t: number): boolean {
  return !(tk.flags[t]! & T_UPPER) && PARTICLES.has(tk.hash[t]!);
}

function emit(tk: Tokens, blocks: string[], run: number[], out: TextMatch[]): void {
  let a = 0;
  let b = run.length;
  // trim common words (The, Monday, President…) and particles at both ends
  while (a < b && (COMMON.has(tk.hash[run[a]!]!) || isParticle(tk, run[a]!))) a++;
  while (b > a && (COMMON.has(tk.hash[run[b - 1]!]!) || isParticle(tk, run[b - 1]!))) b--;
  // a run containing a common word in the middle is a phrase, not a name ("Friday The Senate")
  for (let i = a; i < b; i++) if (COMMON.has(tk.hash[run[i]!]!)) return;
  const first = run[a];
  const last = run[b - 1];
  if (first === undefined || last === undefined) return;
  let caps = 0;
  for (let i = a; i < b; i++) if (tk.flags[run[i]!]! & T_UPPER) caps++;
  if (caps < 2 || caps > 4) return;
  // the first and last token must be real words, not initials
  if (tk.end[first]! - tk.start[first]! < 2 || tk.end[last]! - tk.start[last]! < 2) return;
  const bi = tk.block[first]!;
  const start = tk.ostart[first]!;
  const end = tk.oend[last]!;
  const text = blocks[bi]!.slice(start, end);
  out.push({ block: bi, start, end, entityId: null, kind: 'unknown', reason: `unknown name: ${caps} capitalised words`, text });
}
