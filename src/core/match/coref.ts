// Coreference: a person's bare surname ("Guillot", "Rubio’s") links to the person when the full name
// was matched earlier in the same scan, when the person is in `seenEntityIds` (found by an earlier
// scan of the page), or when one of the person's titles stands right before it ("Gen. Guillot").
import { BLOCK_HEADLINE, T_UPPER } from './constants';
import { cls, foldString } from './fold';
import { blockFlags } from './blocks';
import { type ScanContext } from './scan-context';
import { NAME_SUFFIXES } from './stopwords';
import { tokenizePhrase } from './tokenize';

/** Surname of a person name: last token, skipping suffixes (Jr., Sr., III). Null for one-token names, and
 *  for a style with "of" ("Abdullah II of Jordan", "Prince William of Wales"): its last word is a place. */
export function surnameOf(name: string): string | null {
  const ph = tokenizePhrase(name);
  const toks = ph.tokens.slice();
  if (toks.includes('of')) return null;
  while (toks.length > 1 && NAME_SUFFIXES.has(toks[toks.length - 1]!.toLowerCase())) toks.pop();
  if (toks.length < 2) return null;
  const last = toks[toks.length - 1]!;
  if (last.length < 2 || cls(last.charCodeAt(0)) !== 3) return null;
  // European particles belong to the surname: "Bart De Wever" is "De Wever", "Ursula von der Leyen" is
  // "von der Leyen" (space-separated only: "al-Sharaa" keeps its own rule)
  let k = toks.length - 1;
  while (k - 1 >= 1 && SURNAME_PARTICLES.has(toks[k - 1]!.toLowerCase()) && ph.gaps[k - 1] === ' ') k--;
  if (k < toks.length - 1) return toks.slice(k).join(' ');
  // a double-barrelled surname: "Miguel Díaz-Canel" is "Díaz-Canel", "Ngozi Okonjo-Iweala" "Okonjo-Iweala"
  const prev = toks[k - 1]!;
  if (k - 1 >= 1 && prev.length >= 2 && cls(prev.charCodeAt(0)) === 3 && foldString(name).includes(`${prev}-${last}`)) return `${prev}-${last}`;
  return last;
}

const SURNAME_PARTICLES = new Set('de del della der den di da das dos du la le van von ten ter'.split(' '));

// Common Korean and Chinese family names (romanised). A person name that starts with one of them and
// whose given name looks East Asian is written family name first: "Lee Jae-myung" → "Lee".
const EA_FAMILY = new Set(
  `kim lee yi park pak choi choe jung jeong chung kang cho jo yoon yun jang lim im han oh seo shin kwon hwang ahn an
  song jeon hong ko moon mun yang son bae baek heo yoo yu nam noh roh ha kwak sung cha joo woo ku min ryu
  xi li wang zhang liu chen zhao huang zhou wu xu sun hu zhu guo he gao lin luo zheng liang xie tang han feng deng
  cao peng zeng xiao tian dong yuan pan jiang cai yu du ye cheng wei su lu ding ren shen yao jin wen mao bo qin`
    .split(/\s+/)
    .filter(Boolean),
);
// one pinyin syllable (approximate): optional initial, a vowel group, optional final n/ng/r
const PINYIN = /^(?:(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?(?:[aeiouv]+)(?:ng|n|r)?){1,2}$/;

/** Family name of a family-name-first East Asian person name, else null. */
export function familyNameFirst(name: string): string | null {
  const ph = tokenizePhrase(name);
  const toks = ph.tokens;
  if (toks.length < 2 || toks.length > 3) return null;
  const fam = toks[0]!;
  if (!EA_FAMILY.has(fam.toLowerCase()) || cls(fam.charCodeAt(0)) !== 3) return null;
  const given = toks.slice(1);
  // Korean: "Jae-myung", "Jae Myung", "Jong Un", "Jong-un" (two short syllables)
  const korean = given.length === 2 && given.every((g) => g.length <= 5) && (ph.gaps[1] === ' ' || ph.gaps[1] === '');
  // Chinese: one pinyin given name of one or two syllables ("Jinping", "Qiang", "Yi")
  const chinese = given.length === 1 && PINYIN.test(given[0]!.toLowerCase());
  if (korean || chinese) return fam;
  return null;
}

/** The surname coreference links a person by: family name first for Korean and Chinese names ("Lee
 *  Jae-myung" → "Lee", "Kim Jong Un" → "Kim"), else the last token (surnameOf). */
export function surnameFor(name: string): string | null {
  return familyNameFirst(name) ?? surnameOf(name);
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
    // (a title written in lower case in the KB may be so in the text: "secretario de Estado Marco Rubio")
    let ok = (tk.flags[s]! & T_UPPER) !== 0 || /^\p{Ll}/u.test(ph.tokens[0]!);
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

/** Evidence that a bare surname at tokens [t0, …) refers to person `ent`. `shared`: other entities
 *  also have this name (then a headline surname is not linked to a person named only further down). */
export function corefEvidence(ctx: ScanContext, ent: number, t0: number, shared = false): CorefEvidence {
  const parts: string[] = [];
  let score = 0;
  const first = ctx.confirmed.get(ent);
  if (first !== undefined && first < t0) {
    score += 3;
    parts.push(`'${ctx.d.strings[ctx.d.entName[ent]!]}' named earlier (+3)`);
  } else if (ctx.seen.has(ent)) {
    score += 3;
    parts.push('seen earlier on page (+3)');
  } else if (first !== undefined && !shared && blockFlags(ctx, t0) & BLOCK_HEADLINE) {
    // a headline may use the surname before the article names the person in full
    score += 3;
    parts.push(`headline; '${ctx.d.strings[ctx.d.entName[ent]!]}' named below (+3)`);
  }
  const title = titleBefore(ctx, ent, t0);
  if (title) {
    score += 3;
    parts.push(`title '${title}' (+3)`);
  }
  return { score, parts };
}
