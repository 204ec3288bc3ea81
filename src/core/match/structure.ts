// Structural checks on a candidate span, before any scoring: is it really a name of its own?
//
// - Part of a longer capitalised name: "New Mexico", "Gaza City", "Latin America", "Colin Powell",
//   "Michael Jordan", "Lee Soo-jin" — a capitalised word right before or after the span (separated by
//   spaces only) that is not a title/role, a calendar or sentence-starting word, or another candidate name.
//   Not applied to acronyms ("U.S. Navy", "CIA Director") or in Title Case / ALL-CAPS headlines.
// - Common-noun compounds: "Brazil nuts", "Panama hat".
// - Role nouns: "anchor John Roberts" is not the Chief Justice (unless the role is one of the person's
//   titles or context words).
import { BLOCK_TITLE_CASE, P_SURNAME, T_ALLCAPS, T_HAS_LOWER, T_SENT, T_UPPER } from './constants';
import { titleBefore } from './coref';
import { hashSet, hashToken } from './fold';
import { type MatcherData, typeCode, typeName } from './hash-index';
import { blockFlags, inParentheses, spaceGap } from './blocks';
import { institutionPattern, type ScanContext, usIndex } from './scan-context';
import type { Span } from './disambiguate';
import { COMMON_CAPITALISED, COMMON_COMPOUNDS, INSTITUTION_WORDS, NAME_NEIGHBOURS, OF_HEADS, PARTY_MEMBER_WORDS, ROLE_NOUNS } from './stopwords';
import { subnationalPlace, teamUse } from './teams';

const hashes = hashSet;
const T_PERSON = typeCode('person');
const T_PUBLISHER = typeCode('publisher');
const T_PLACE = typeCode('place');
const T_ORG = typeCode('organization');
const T_GROUP = typeCode('group');
// "Islamic State Mozambique province", "Islamic State Sahel Province": an armed group's regional branch
const BRANCH_WORDS = hashes(['province', 'branch', 'affiliate', 'wing', 'provincia']);
const THE = hashToken('the');
const S = hashToken('s');
const NEIGHBOURS = hashes([...COMMON_CAPITALISED, ...NAME_NEIGHBOURS]);
const ROLES = hashes(ROLE_NOUNS);
const INSTITUTION = hashes(INSTITUTION_WORDS);
const HEADS = hashes(OF_HEADS);
const OF = hashes(['of', 'de', 'del', 'du', 'des', 'di', 'do', 'da', 'dos', 'das']);
// "Paseo de la Reforma", "Plaza de los Mártires", "Isle of the Dead": an article after the particle
const ARTICLES = hashes(['la', 'las', 'los', 'el', 'the', 'le', 'les']);
// Words that start a place's own name ("Mount Lebanon", "St. Helena", "San Salvador"): before a place or
// organisation they make a longer name, although before a person they are titles ("Saint John Paul").
const PLACE_HEADS = hashes(['mount', 'mt', 'saint', 'st', 'san', 'santa', 'sao', 'fort', 'port']);
const PARTICLES = hashes(['al', 'el', 'bin', 'ibn', 'bint', 'von', 'van', 'der', 'de', 'da', 'di', 'du', 'la', 'le', 'abu']);
// US states as written after a comma in a place name or dateline ("MEXICO, Maine —", "Paris, Tex."): one
// token, or two for the two-word states (first word → second words).
const US_STATES_ONE = hashes(
  `alabama alaska arizona arkansas california colorado connecticut delaware florida georgia hawaii idaho illinois
  indiana iowa kansas kentucky louisiana maine maryland massachusetts michigan minnesota mississippi missouri
  montana nebraska nevada ohio oklahoma oregon pennsylvania tennessee texas utah vermont virginia washington
  wisconsin wyoming ala ariz ark calif colo conn del fla ga ill ind kan ky la md mass mich minn miss mo mont neb
  nev okla ore pa tenn tex vt va wash wis wyo`.split(/\s+/),
);
const US_STATES_TWO = new Map<number, Set<number>>([
  ['new', 'hampshire jersey mexico york h j m y'],
  ['north', 'carolina dakota c d'],
  ['south', 'carolina dakota c d'],
  ['rhode', 'island'],
  ['west', 'virginia'],
  ['n', 'h j m y c d'],
  ['s', 'c d'],
  ['r', 'i'],
  ['w', 'va'],
].map(([k, v]) => [hashToken(k!), hashes(v!.split(' '))]));
// "the town of Mexico", "the village of Peru": a municipality, whatever the KB's place of that name is
const MUNICIPALITY = hashes(['town', 'village', 'township', 'borough', 'hamlet']);
const OF_WORD = hashToken('of');
const AND = hashToken('and');

/**
 * Places of this page that are towns named like a KB place: "MEXICO, Maine —", "Lebanon, Pa.", "the town of
 * Peru". Pattern strings of such spans, for the whole page (the headline before the dateline too), unless
 * the KB place itself is in the United States.
 */
export function localPlaceNames(ctx: ScanContext, spans: readonly Span[]): Set<number> {
  const d = ctx.d;
  const tk = ctx.tk;
  const out = new Set<number>();
  const us = usIndex(d);
  for (const sp of spans) {
    const t0 = sp.t0;
    const t1 = sp.t1;
    // the cheap token tests first: this runs for every candidate span
    let local = false;
    if (t1 < tk.n && tk.block[t1] === sp.block && tk.flags[t1]! & T_UPPER && tk.ostart[t1]! - tk.oend[t1 - 1]! === 2) {
      const h = tk.hash[t1]!;
      const two = US_STATES_TWO.get(h);
      if (US_STATES_ONE.has(h) || (two !== undefined && t1 + 1 < tk.n && tk.block[t1 + 1] === sp.block && two.has(tk.hash[t1 + 1]!))) {
        local = ctx.blocks[sp.block]!.slice(tk.oend[t1 - 1]!, tk.ostart[t1]!) === ', ';
      }
    }
    if (!local && t0 >= 2 && tk.block[t0 - 2] === sp.block && tk.hash[t0 - 1] === OF_WORD && MUNICIPALITY.has(tk.hash[t0 - 2]!)) local = true;
    if (!local) continue;
    let places = true;
    for (const p of sp.pats) {
      const e = d.patEnt[p]!;
      if (d.entType[e] !== T_PLACE || d.entCountry[e] === us) places = false;
    }
    if (places) for (const p of sp.pats) out.add(d.patStr[p]!);
  }
  if (out.size === 0) return out;
  // A list with one of them ("points to Norway, Poland, Mexico, Peru and China") is a list of towns.
  const isLocal = (sp: Span): boolean => sp.pats.some((p) => out.has(d.patStr[p]!));
  const placeSpans = spans.filter((sp) => sp.types === 1 << T_PLACE);
  for (let changed = true; changed; ) {
    changed = false;
    for (let i = 0; i + 1 < placeSpans.length; i++) {
      const a = placeSpans[i]!;
      const b = placeSpans[i + 1]!;
      if (a.block !== b.block || isLocal(a) === isLocal(b) || !LIST_GAP.test(ctx.blocks[a.block]!.slice(a.end, b.start))) continue;
      for (const p of (isLocal(a) ? b : a).pats) out.add(d.patStr[p]!);
      changed = true;
    }
  }
  return out;
}
const LIST_GAP = /^(?:, | and |, and | or |, or )$/;

const LOWER_STATE = hashes(['state', 'provincial', 'regional', 'territorial', 'county', 'municipal', 'city']);
// "el Gobierno de Sánchez", "el Partido de Milei": a common noun before "de", not a given name
const OWNER_NOUNS = hashes(['gobierno', 'presidente', 'partido', 'ejecutivo', 'gabinete', 'administracion', 'regimen', 'mandato', 'equipo', 'entorno', 'governo', 'gouvernement']);
const COMPOUNDS = new Map<number, Set<number>>([...COMMON_COMPOUNDS].map(([k, v]) => [hashToken(k), hashes(v)]));
// nouns after "The Australian …" that make it an adjective although they are name neighbours elsewhere
const ADJECTIVE_NOUNS = hashes(['government', 'administration', 'cabinet', 'officials', 'official', 'leaders', 'leader', 'ministers', 'staff']);
const REPORTING = hashes(
  `said says reported reports revealed reveals found finds quoted quotes wrote writes has had have is was
  understands understood obtained obtains asked asks contacted published publishes cited cites added adds learned
  learnt confirmed confirms noted notes first also which that editorial newspaper's columnist editor reporter
  warned warns argued argues urged urges called calls claimed claims described describes ran runs`.split(/\s+/),
);

function isLetterAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c > 127 && /\p{L}/u.test(text[i]!));
}

/** Capitalised (not all-caps) word token. A plural acronym ("MPs", "CEOs", "NGOs") is not one: "40 Labour
 *  MPs" are the party's members, not a longer name. */
function isCapWord(ctx: ScanContext, t: number): boolean {
  const tk = ctx.tk;
  const f = tk.flags[t]!;
  if ((f & T_UPPER) === 0 || (f & T_HAS_LOWER) === 0) return false;
  return !pluralAcronym(ctx.blocks[tk.block[t]!]!, tk.ostart[t]!, tk.oend[t]!);
}

function pluralAcronym(text: string, s: number, e: number): boolean {
  if (e - s < 3 || text.charCodeAt(e - 1) !== 115) return false; // ≥ 2 capitals + "s"
  for (let i = s; i < e - 1; i++) {
    const c = text.charCodeAt(i);
    if (c < 65 || c > 90) return false;
  }
  return true;
}

/**
 * The token of a name's head word ("Gulf", "Banco", "CIUDAD") when the span is the tail of "<Head> [up to two
 * more capitalised words] of/de [the/la] <span>", else -1. Capitalised particles count only in ALL-CAPS text.
 * Before a place (`places`), two capitalised words ending in a plural noun are a head too ("Gun Owners of").
 */
// Heads of a state body's name before "of/de" + a place or organisation: "Cyberspace Administration of China",
// "Armada de Colombia", "Embassy of Mexico" (not before a person: "the Authority of Mahmoud Abbas")
const BODY_HEADS = hashes(
  `administration commission ministry bureau agency office department authority armada army navy police council
  court embassy consulate secretariat ministerio secretaría secretaria fuerza fuerzas policia marina ejercito guardia
  gendarmeria prefectura fiscalia procuraduria congreso senado tribunal corte camara`.split(/\s+/),
);
const LOS_LAS = hashes(['los', 'las']);
const SPANISH_PLURAL = /\p{L}{3}(?:os|as|es)$/u;
const PLURAL_NOUN = /\p{L}{2}(?:ers|ists|ants|ives|eers)$/u;
// "Sen. Chris Sanders of Vermont": a title before the two words makes them a person's name
const TITLE_ABBREVIATIONS = hashes(
  `sen senator rep representative gov governor mr mrs ms dr sir lord lady judge justice mayor gen col adm lt capt sgt
  prof rev president minister secretary`.split(/\s+/),
);

function headBeforeOf(ctx: ScanContext, t0: number, places: boolean, persons: boolean): number {
  const tk = ctx.tk;
  const b = tk.block[t0];
  let t = t0 - 1;
  if (t >= 0 && tk.block[t] === b && ARTICLES.has(tk.hash[t]!) && spaceGap(ctx, t)) t--;
  if (t < 1 || tk.block[t] !== b || !OF.has(tk.hash[t]!) || !spaceGap(ctx, t) || !spaceGap(ctx, t - 1)) return -1;
  const capsParticle = (tk.flags[t]! & T_UPPER) !== 0;
  if (capsParticle && tk.flags[t]! & T_HAS_LOWER) return -1; // "Of" in Title Case says nothing
  // "Gun Owners of America", "Democratic Socialists of America": before a place, two capitalised words
  // ending in a plural noun, unless they are a person's name: a KB name ends there ("Bernie Sanders of
  // Vermont"), or a title comes before them ("Sen. Chris Sanders of Vermont"). (Untitled "Chris Sanders of
  // Vermont" is lost: a missed highlight costs a reader less than a wrong one.)
  if (places && !capsParticle) {
    const k = t - 1;
    const f = tk.flags[k]!;
    const named = ctx.spanAtEnd.get(t);
    if (f & T_UPPER && f & T_HAS_LOWER && !(f & T_SENT) && !(named && named.types & (1 << T_PERSON)) && PLURAL_NOUN.test(ctx.blocks[b!]!.slice(tk.ostart[k]!, tk.oend[k]!))) {
      const titled = k > 1 && tk.block[k - 2] === b && TITLE_ABBREVIATIONS.has(tk.hash[k - 2]!);
      if (k > 0 && !titled && tk.block[k - 1] === b && spaceGap(ctx, k - 1) && isCapWord(ctx, k - 1) && !NEIGHBOURS.has(tk.hash[k]!) && !NEIGHBOURS.has(tk.hash[k - 1]!)) return k - 1;
    }
  }
  // "los Tomateros de Culiacán", "las Águilas del América": a club or group named "the <Plural> of <place>"
  if (!capsParticle && t >= 2) {
    const k = t - 1;
    const f = tk.flags[k]!;
    if (f & T_UPPER && f & T_HAS_LOWER && !(f & T_SENT) && LOS_LAS.has(tk.hash[k - 1]!) && !(tk.flags[k - 1]! & T_UPPER) && spaceGap(ctx, k - 1) && SPANISH_PLURAL.test(ctx.blocks[b!]!.slice(tk.ostart[k]!, tk.oend[k]!))) return k;
  }
  // up to three capitalised words back, over inner particles ("Banco Central de Reserva del Perú")
  for (let k = t - 1, n = 0; k >= 0 && n < 3 && tk.block[k] === b; k--) {
    const f = tk.flags[k]!;
    if (!capsParticle && !(f & T_UPPER) && (OF.has(tk.hash[k]!) || ARTICLES.has(tk.hash[k]!)) && k > 0 && spaceGap(ctx, k - 1)) continue;
    if (!(f & T_UPPER) || (capsParticle && f & T_HAS_LOWER)) return -1;
    // ("el secretario de Estado de Estados Unidos": "Estado" there is part of an office, not a state's name)
    if (tk.hash[k] === ESTADO && k >= 2 && OF.has(tk.hash[k - 1]!) && !(tk.flags[k - 2]! & T_UPPER)) return -1;
    if (HEADS.has(tk.hash[k]!) || (!persons && BODY_HEADS.has(tk.hash[k]!))) return k;
    if (k === 0 || !spaceGap(ctx, k - 1)) return -1;
    n++;
  }
  return -1;
}

/** "South Korea's National Assembly": one of the span's entities belongs to the place named before the
 *  possessive (a candidate span ending right before token t). */
function ownInstitution(ctx: ScanContext, sp: Span, t: number): boolean {
  const owner = ctx.spanAtEnd.get(t);
  if (!owner) return false;
  const d = ctx.d;
  for (const p of sp.pats) {
    const c = d.entCountry[d.patEnt[p]!]!;
    if (c < 0) continue;
    for (const q of owner.pats) if (d.patEnt[q] === c) return true;
  }
  return false;
}

/** Every pattern of the span is a generic institution name ("House", "Senate", "Supreme Court"). */
function institutionSpan(ctx: ScanContext, sp: Span): boolean {
  for (const p of sp.pats) if (!institutionPattern(ctx, p)) return false;
  return true;
}

/** A candidate span of publishers only ends right before token t. */
function publisherEndsAt(ctx: ScanContext, t: number): boolean {
  const sp = ctx.spanAtEnd.get(t);
  return !!sp && sp.types === 1 << T_PUBLISHER;
}

/** A candidate span of people only starts at token t. */
function personStartsAt(ctx: ScanContext, t: number): boolean {
  const sp = ctx.spanAtStart.get(t);
  return !!sp && sp.types === 1 << T_PERSON;
}

/** A candidate span of places only starts at token t. */
function placeStartsAt(ctx: ScanContext, t: number): boolean {
  const sp = ctx.spanAtStart.get(t);
  return !!sp && sp.types === 1 << T_PLACE;
}

/** A candidate span of places only ends right before token t (exclusive end t). */
function placeEndsAt(ctx: ScanContext, t: number): boolean {
  const sp = ctx.spanAtEnd.get(t);
  if (!sp) return false;
  return sp.types === 1 << T_PLACE;
}

const isDigitCode = (c: number): boolean => c >= 48 && c <= 57;
const AMOUNT_WORDS = hashes(['million', 'billion', 'trillion', 'bn', 'mn', 'm', 'k']);

/** Token t is followed by a number written as an amount: "1.2 billion", "3,500", "40m". */
function amountAfter(ctx: ScanContext, t: number): boolean {
  const tk = ctx.tk;
  const n = t + 1;
  if (n >= tk.n || tk.block[n] !== tk.block[t] || !spaceGap(ctx, t)) return false;
  const text = ctx.blocks[tk.block[t]!]!;
  if (!isDigitCode(text.charCodeAt(tk.ostart[n]!))) return false;
  // a decimal or thousands separator inside the number, or a magnitude word after it
  const after = text.charCodeAt(tk.oend[n]!);
  if ((after === 46 || after === 44) && n + 1 < tk.n && tk.ostart[n + 1] === tk.oend[n]! + 1) return true;
  if (/[a-z]$/i.test(text.slice(tk.ostart[n]!, tk.oend[n]!))) return AMOUNT_WORDS.has(hashToken(text.slice(tk.ostart[n]!, tk.oend[n]!).replace(/^[\d.,]+/, '')));
  return n + 1 < tk.n && tk.block[n + 1] === tk.block[t] && AMOUNT_WORDS.has(tk.hash[n + 1]!);
}

const INITIALS_SKIP = hashes(['of', 'and', 'the', 'for', 'on', 'in', 'de', 'del', 'la', 'y', 'et', 'des', 'du', 'und', 'der']);

/**
 * "not seasonally adjusted (NSA)", "internal combustion engine (ICE)": the words right before the
 * parenthesis spell the acronym in their initials (small function words skipped), so the text defines it
 * here as something else, unless those words are a candidate name themselves ("National Security Agency
 * (NSA)"; the caller checks whose). Returns the first token of the spelled-out words, or -1.
 */
export function spelledOutBefore(ctx: ScanContext, t: number): number {
  const tk = ctx.tk;
  const text = ctx.blocks[tk.block[t]!]!;
  const acr = text.slice(tk.ostart[t]!, tk.oend[t]!).toLowerCase();
  if (acr.length < 2 || acr.length > 6 || t === 0 || tk.block[t - 1] !== tk.block[t]) return -1;
  if (!/^\s*\($/.test(text.slice(tk.oend[t - 1]!, tk.ostart[t]!))) return -1;
  let i = acr.length - 1;
  let u = t - 1;
  for (; u >= 0 && tk.block[u] === tk.block[t]; u--) {
    if (u < t - 1 && !/^[\s-]+$/.test(text.slice(tk.oend[u]!, tk.ostart[u + 1]!))) return -1;
    const w = text.slice(tk.ostart[u]!, tk.oend[u]!);
    if (w.toLowerCase()[0] === acr[i]) {
      if (i-- === 0) return u;
    } else if (!INITIALS_SKIP.has(tk.hash[u]!)) return -1;
  }
  return -1;
}

export interface Structural {
  /** Why the span is not a name of its own, or null. */
  reject: string | null;
  /** Rejected because a different capitalised given name precedes a person's surname. */
  namesake: boolean;
  /** Rejected because a capitalised word follows a one-word name: the word is a given name on this page
   *  ("Chase Elliott"), so a later bare "Chase" needs context. */
  givenName: boolean;
  /** Rejected because the name goes on after the span ("Joint Chiefs of Staff Committee"): a shorter
   *  span from the same word is inside that name too. */
  goesOn?: boolean;
}

const OK: Structural = { reject: null, namesake: false, givenName: false };

// structuralCheck's rules in groups, each group a function of its own: V8 optimises a function once its
// feedback has been stable for a number of calls that grows with its size, and every rule that first fired
// late on a page started that count again. As one 14 KB function the rules ran unoptimised through the first
// few hundred pages of a session (Node 20, 2026-11: --trace-opt-verbose, "resetting ticks … due to IC change").

function wordAt(ctx: ScanContext, t: number): string {
  const tk = ctx.tk;
  return ctx.blocks[tk.block[t]!]!.slice(tk.ostart[t]!, tk.oend[t]!);
}

/** A place's name starts at token a and a branch word follows it ("Mozambique province"). */
function branchPlaceAt(ctx: ScanContext, a: number): boolean {
  const tk = ctx.tk;
  const pl = ctx.spanAtStart.get(a);
  return !!pl && (pl.types & (1 << T_PLACE)) !== 0 && spaceGap(ctx, pl.t1 - 1) && BRANCH_WORDS.has(tk.hash[pl.t1]!) && tk.block[pl.t1] === tk.block[a];
}

function allSubnational(ctx: ScanContext, sp: Span): boolean {
  for (const p of sp.pats) if (!subnationalPlace(ctx, ctx.d.patEnt[p]!)) return false;
  return true;
}

function shareEntity(d: MatcherData, a: Span, b: Span): boolean {
  for (const q of a.pats) for (const p of b.pats) if (d.patEnt[p] === d.patEnt[q]) return true;
  return false;
}

function anyTitleBefore(ctx: ScanContext, sp: Span, t0: number): boolean {
  for (const p of sp.pats) if (titleBefore(ctx, ctx.d.patEnt[p]!, t0)) return true;
  return false;
}

function anyInstitutionPattern(ctx: ScanContext, sp: Span): boolean {
  for (const p of sp.pats) if (institutionPattern(ctx, p)) return true;
  return false;
}

function allSurnames(d: MatcherData, sp: Span): boolean {
  for (const q of sp.pats) if (!(d.patFlags[q]! & P_SURNAME)) return false;
  return true;
}

/** A common-noun compound ("Brazil nuts"), a town of this page, a group's branch, a college team. */
function compoundOrBranch(ctx: ScanContext, sp: Span): Structural | null {
  const d = ctx.d;
  const tk = ctx.tk;
  const t0 = sp.t0;
  const t1 = sp.t1;
  const last = t1 - 1;
  const places = sp.types === 1 << T_PLACE;
  // common-noun compound: "Brazil nuts"
  const comp = COMPOUNDS.get(tk.hash[last]!);
  // (after an acronym the noun may be capitalised too: "CPC Blend", "ICE Vehicles")
  if (comp && spaceGap(ctx, last) && (!(tk.flags[t1]! & T_UPPER) || tk.flags[last]! & T_ALLCAPS) && comp.has(tk.hash[t1]!)) {
    return { reject: `common noun '${wordAt(ctx, last)} ${wordAt(ctx, t1)}'`, namesake: false, givenName: false };
  }

  // "MEXICO, Maine": the town, here and everywhere else on the page
  if (places && ctx.localPlaces?.size) {
    for (const p of sp.pats) if (ctx.localPlaces.has(d.patStr[p]!)) return { reject: `a town named '${wordAt(ctx, t0)}' on this page`, namesake: false, givenName: false };
  }

  // "the Islamic State Mozambique province": the group's branch, a longer name around both names
  if (sp.types & (1 << T_GROUP) && t1 < tk.n && spaceGap(ctx, last) && tk.flags[t1]! & T_UPPER && branchPlaceAt(ctx, t1)) {
    return { reject: `part of a group's branch '${wordAt(ctx, t0)} … ${wordAt(ctx, t1)}'`, namesake: false, givenName: false };
  }
  if (sp.types & (1 << T_PLACE) && t0 > 0 && spaceGap(ctx, t0 - 1)) {
    const g = ctx.spanAtEnd.get(t0);
    if (g && g.t1 === t0 && g.types & (1 << T_GROUP) && branchPlaceAt(ctx, t0)) return { reject: `part of a group's branch '${wordAt(ctx, g.t0)} … ${wordAt(ctx, t0)}'`, namesake: false, givenName: false };
  }

  // "Texas coach Sean Miller": a college team on a sports page
  if (places && t1 - t0 === 1 && allSubnational(ctx, sp) && teamUse(ctx, t0, t1)) {
    return { reject: `a team named '${wordAt(ctx, t0)}'`, namesake: false, givenName: false };
  }
  return null;
}

/** A currency code, unit or spelled-out acronym; "The <adjective>" and a noun; letters joined by an apostrophe. */
function acronymOrPartOfWord(ctx: ScanContext, sp: Span): Structural | null {
  const d = ctx.d;
  const tk = ctx.tk;
  const blocks = ctx.blocks;
  const t0 = sp.t0;
  const t1 = sp.t1;
  const last = t1 - 1;
  const publishers = sp.types === 1 << T_PUBLISHER;
  // "NIS 1.2 billion", "CHF 40 million": a currency code before an amount; "1.5 AU", "40 MW": a unit after one
  if (t1 - t0 === 1 && tk.flags[t0]! & T_ALLCAPS) {
    if (amountAfter(ctx, t0)) return { reject: `currency '${wordAt(ctx, t0)}' before an amount`, namesake: false, givenName: false };
    if (inParentheses(ctx, t0)) {
      const from = spelledOutBefore(ctx, t0);
      const named = ctx.spanAtEnd.get(t0);
      if (from >= 0 && !(named && named.t0 <= from && shareEntity(d, named, sp))) {
        return { reject: `'${blocks[tk.block[t0]!]!.slice(tk.ostart[from]!, tk.oend[t0]! + 1)}' spells out something else`, namesake: false, givenName: false };
      }
    }
    if (t0 > 0 && tk.block[t0 - 1] === tk.block[t0] && spaceGap(ctx, t0 - 1) && isDigitCode(blocks[tk.block[t0]!]!.charCodeAt(tk.oend[t0 - 1]! - 1))) {
      return { reject: `unit '${wordAt(ctx, t0)}' after a number`, namesake: false, givenName: false };
    }
  }

  // "The Australian wine industry", "The Hindu pilgrims": a sentence that starts with a newspaper called
  // "The <adjective>" and goes on with a noun is about the adjective. Taken as the paper only when a
  // reporting verb follows ("The Australian reported").
  if (t1 - t0 === 2 && tk.hash[t0] === THE && tk.flags[t0]! & T_SENT && t1 < tk.n && tk.block[t1] === tk.block[t0] && spaceGap(ctx, last)) {
    const nf = tk.flags[t1]!;
    const h1 = tk.hash[t1]!;
    if (publishers && !(nf & T_UPPER) && nf & T_HAS_LOWER && !REPORTING.has(h1) && (!NEIGHBOURS.has(h1) || ADJECTIVE_NOUNS.has(h1))) {
      return { reject: `'${wordAt(ctx, t0)} ${wordAt(ctx, t0 + 1)} ${wordAt(ctx, t1)}': a common noun follows`, namesake: false, givenName: false };
    }
  }

  // "Xi'an", "N'Djamena", "Côte d'Ivoire": letters joined by an apostrophe are one word ("Xi’s" is a possessive)
  {
    const text = blocks[tk.block[t0]!]!;
    const e = tk.oend[last]!;
    const s0 = tk.ostart[t0]!;
    // (reads past either end of the text are guarded: V8 drops its optimised code the first time a
    // charCodeAt goes out of range, and the judging code then ran slowly for the next few hundred pages)
    const q = e < text.length ? text.charCodeAt(e) : -1;
    if ((q === 39 || q === 0x2019) && isLetterAt(text, e + 1) && !(/^[sS]\b|^[sS]$/.test(text.slice(e + 1, e + 3)))) {
      return { reject: `part of the word '${text.slice(s0, e + 4)}…'`, namesake: false, givenName: false };
    }
    const b = s0 > 0 ? text.charCodeAt(s0 - 1) : -1;
    if (s0 >= 2 && (b === 39 || b === 0x2019) && isLetterAt(text, s0 - 2)) {
      return { reject: `part of the word '…${text.slice(Math.max(0, s0 - 3), tk.oend[last]!)}'`, namesake: false, givenName: false };
    }
  }
  return null;
}

/** Words before or after a person's name that make it another person or a place ("La Paz", "anchor John Roberts"). */
function personContext(ctx: ScanContext, sp: Span): Structural | null {
  const d = ctx.d;
  const tk = ctx.tk;
  const blocks = ctx.blocks;
  const t0 = sp.t0;
  const t1 = sp.t1;
  const last = t1 - 1;
  const persons = sp.types === 1 << T_PERSON;
  const surname = sp.surname;
  if (!surname && !persons) return null; // (every rule here is about a person or a surname)
  // "La Paz", "El Paso", "Las Vegas": a capitalised article before a bare surname makes a place name
  if ((surname || persons) && t1 - t0 === 1 && t0 > 0 && tk.block[t0 - 1] === tk.block[t0] && ARTICLES.has(tk.hash[t0 - 1]!) && tk.hash[t0 - 1] !== THE && tk.flags[t0 - 1]! & T_UPPER && spaceGap(ctx, t0 - 1)) {
    return { reject: `part of a longer name '${wordAt(ctx, t0 - 1)} ${wordAt(ctx, t0)}'`, namesake: false, givenName: false };
  }

  // "Maher al-Sharaa" is not Ahmed al-Sharaa: a given name and a particle before the surname
  if (t0 >= 2 && PARTICLES.has(tk.hash[t0 - 1]!) && !(tk.flags[t0 - 1]! & T_UPPER) && tk.block[t0 - 2] === tk.block[t0] && isCapWord(ctx, t0 - 2) && !NEIGHBOURS.has(tk.hash[t0 - 2]!) && !OWNER_NOUNS.has(tk.hash[t0 - 2]!) && !ctx.spanEnds.has(t0 - 1)) {
    const gap1 = blocks[tk.block[t0]!]!.slice(tk.oend[t0 - 2]!, tk.ostart[t0 - 1]!);
    const gap2 = blocks[tk.block[t0]!]!.slice(tk.oend[t0 - 1]!, tk.ostart[t0]!);
    // (a one-word name only: "El Gobierno de Rodrigo Paz" names Rodrigo Paz in full)
    if (/^[\s-]$/.test(gap1) && /^[\s-]$/.test(gap2) && (surname || (persons && t1 - t0 === 1))) {
      return { reject: `part of a longer name '${wordAt(ctx, t0 - 2)} ${wordAt(ctx, t0 - 1)} ${wordAt(ctx, t0)}'`, namesake: true, givenName: false };
    }
  }

  // role noun before a person: "anchor John Roberts"
  // (only for office holders — people with titles — and not after "former": "former Fox host Pete Hegseth")
  // (or in an appositive: "Hale's lawyer, John Roberts, argued")
  // (in the appositive not a host: "the summit's host, António Costa,")
  const adjacent = persons && t0 > 0 && tk.block[t0 - 1] === tk.block[t0] && spaceGap(ctx, t0 - 1);
  const roleAt = adjacent ? t0 - 1 : persons && t0 > 0 && tk.block[t0 - 1] === tk.block[t0] ? appositiveRoleBefore(ctx, sp) : -1;
  if (roleAt >= 0 && !(tk.flags[roleAt]! & T_UPPER) && ROLES.has(tk.hash[roleAt]!) && (adjacent || !HOSTS.has(tk.hash[roleAt]!)) && !formerBefore(ctx, roleAt)) {
    const h = tk.hash[roleAt]!;
    let own = false;
    for (const p of sp.pats) {
      const e = d.patEnt[p]!;
      if (d.entTitleOff[e + 1]! === d.entTitleOff[e]!) own = true;
      for (let i = d.entTitleOff[e]!; !own && i < d.entTitleOff[e + 1]!; i++) if (ctx.phrase(d.entTitles[i]!).hashes.includes(h)) own = true;
      for (let i = d.entCtxOff[e]!; !own && i < d.entCtxOff[e + 1]!; i++) if (ctx.phrase(d.entCtx[i]!).hashes.includes(h)) own = true;
    }
    if (!own) return { reject: `role '${wordAt(ctx, roleAt)}' describes someone else`, namesake: !adjacent, givenName: false };
  }

  // "Commissioner Mike Johnson", "Sheriff Pedro Sánchez": a local office that is none of the person's titles
  if (persons && t0 > 0 && tk.flags[t0 - 1]! & T_UPPER && LOCAL_OFFICES.has(tk.hash[t0 - 1]!) && spaceGap(ctx, t0 - 1)) {
    if (!anyTitleBefore(ctx, sp, t0)) return { reject: `'${wordAt(ctx, t0 - 1)}' is another person's office`, namesake: true, givenName: false };
  }
  // "Mike Johnson, a retired pharmacist", "Pedro Sánchez, a local shopkeeper": an appositive that makes the
  // person a private one (office holders are introduced by their office, not their trade)
  // (not after the person's own office: "Former prime minister Tony Abbott, a volunteer firefighter")
  if (persons && privateAppositive(ctx, t1) && !anyTitleBefore(ctx, sp, t0)) {
    return { reject: `'${wordAt(ctx, last)}, … ${wordAt(ctx, privateAppositive(ctx, t1))}' describes someone else`, namesake: true, givenName: false };
  }
  return null;
}

/** A word before the name that makes a longer name ("Gulf of Mexico", "USS America", "PORT SUDAN"). */
function longerNameBefore(ctx: ScanContext, sp: Span): Structural | null {
  const tk = ctx.tk;
  const blocks = ctx.blocks;
  const t0 = sp.t0;
  const t1 = sp.t1;
  const persons = sp.types === 1 << T_PERSON;
  const places = sp.types === 1 << T_PLACE;
  // "Gulf of Mexico", "University of Georgia", "Paseo de la Reforma", "Banco Central de Bolivia", "Court of
  // Justice of the European Union", "CIUDAD DE GUATEMALA —"
  {
    const head = headBeforeOf(ctx, t0, places, persons);
    if (head >= 0) {
      return { reject: `part of a longer name '${blocks[tk.block[t0]!]!.slice(tk.ostart[head]!, tk.oend[t1 - 1]!)}'`, namesake: false, givenName: false };
    }
  }

  // "the American Institute in Taiwan", "the EU Chamber of Commerce in China": a body named with "in <place>"
  if (places && t0 >= 2 && tk.hash[t0 - 1] === IN_WORD && !(tk.flags[t0 - 1]! & T_UPPER) && spaceGap(ctx, t0 - 1) && spaceGap(ctx, t0 - 2) && tk.flags[t0 - 2]! & T_UPPER && IN_HEADS.has(tk.hash[t0 - 2]!)) {
    return { reject: `part of a longer name '${wordAt(ctx, t0 - 2)} in ${wordAt(ctx, t0)}'`, namesake: false, givenName: false };
  }
  // "the Golden Dome for America", "Teach for America": the American way of naming a programme or a group
  // (not "the Perth Test for Australia")
  if (places && t1 - t0 === 1 && tk.hash[t0] === AMERICA && t0 >= 2 && tk.hash[t0 - 1] === FOR_WORD && !(tk.flags[t0 - 1]! & T_UPPER) && spaceGap(ctx, t0 - 1) && spaceGap(ctx, t0 - 2) && isCapWord(ctx, t0 - 2) && !(tk.flags[t0 - 2]! & T_SENT) && !ctx.spanEnds.has(t0 - 1) && !NEIGHBOURS.has(tk.hash[t0 - 2]!)) {
    return { reject: `part of a longer name '${wordAt(ctx, t0 - 2)} for ${wordAt(ctx, t0)}'`, namesake: false, givenName: false };
  }
  // "Sheikh Hamdan bin Mohammed bin Rashid Al Maktoum": a father's name (or any part of it) inside the son's
  if (persons && afterPatronymic(ctx, t0)) {
    return { reject: `part of a longer name '… bin … ${wordAt(ctx, t0)}'`, namesake: false, givenName: false };
  }
  // "the Anti-Lebanon range": a capitalised word joined by a hyphen before the name, which is no name
  // itself ("U.S.-Mexico", "Austria-Hungary" name both; "Sino-US" is a prefix)
  if (t0 > 0 && tk.block[t0 - 1] === tk.block[t0] && tk.ostart[t0]! === tk.oend[t0 - 1]! + 1 && blocks[tk.block[t0]!]!.charCodeAt(tk.oend[t0 - 1]!) === 45) {
    if (isCapWord(ctx, t0 - 1) && !ctx.spanEnds.has(t0) && !NEIGHBOURS.has(tk.hash[t0 - 1]!) && !HYPHEN_PREFIXES.has(tk.hash[t0 - 1]!)) {
      return { reject: `part of a longer name '${wordAt(ctx, t0 - 1)}-${wordAt(ctx, t0)}'`, namesake: false, givenName: false };
    }
  }

  // "USS America", "HMS Prince of Wales": a ship
  if (t0 > 0 && tk.block[t0 - 1] === tk.block[t0] && spaceGap(ctx, t0 - 1) && SHIP_PREFIXES.has(tk.hash[t0 - 1]!) && tk.flags[t0 - 1]! & T_ALLCAPS) {
    return { reject: `the ship '${wordAt(ctx, t0 - 1)} ${wordAt(ctx, t0)}'`, namesake: false, givenName: false, goesOn: true };
  }

  // "PORT SUDAN —", "MOUNT LEBANON": a place head word makes a longer name in capitals too
  if (!persons && t0 > 0 && tk.block[t0 - 1] === tk.block[t0] && spaceGap(ctx, t0 - 1) && PLACE_HEADS.has(tk.hash[t0 - 1]!) && tk.flags[t0 - 1]! & T_UPPER) {
    return { reject: `part of a longer name '${wordAt(ctx, t0 - 1)} ${wordAt(ctx, t0)}'`, namesake: false, givenName: false };
  }
  return null;
}

/** An owner or a capitalised neighbour before the name ("Italy’s Senate", "the Texas House"). */
function ownerOrNeighbourBefore(ctx: ScanContext, sp: Span): Structural | null {
  const d = ctx.d;
  const tk = ctx.tk;
  const blocks = ctx.blocks;
  const t0 = sp.t0;
  const t1 = sp.t1;
  const persons = sp.types === 1 << T_PERSON;
  const places = sp.types === 1 << T_PLACE;
  const surname = sp.surname;
  // "Italy’s Senate", "Peru’s Congress", "Indonesia’s House of Representatives": an institution name owned by
  // another name is that name's institution
  // (a several-word name only after a place: "Lee's Democratic Party" is his own party; the cheap possessive
  // test first, the string work only then)
  const possessive = t0 >= 2 && tk.hash[t0 - 1] === S && tk.block[t0 - 2] === tk.block[t0];
  const institution =
    possessive &&
    (t1 - t0 === 1
      ? INSTITUTION.has(tk.hash[t0]!)
      : placeEndsAt(ctx, t0 - 1) && anyInstitutionPattern(ctx, sp));
  // "a New York state Supreme Court", "leaders of the state House": a state's own chamber or court
  if (t0 > 0 && LOWER_STATE.has(tk.hash[t0 - 1]!) && !(tk.flags[t0 - 1]! & T_UPPER) && spaceGap(ctx, t0 - 1) && institutionSpan(ctx, sp)) {
    return { reject: `'${wordAt(ctx, t0 - 1)} ${wordAt(ctx, t0)}' is a state's own body`, namesake: false, givenName: false };
  }
  if (institution && !ownInstitution(ctx, sp, t0 - 1)) {
    const g = blocks[tk.block[t0]!]!.slice(tk.oend[t0 - 2]!, tk.ostart[t0 - 1]!);
    if ((g === "'" || g === '\u2019') && tk.flags[t0 - 2]! & T_UPPER && spaceGap(ctx, t0 - 1)) {
      return { reject: `'${wordAt(ctx, t0 - 2)}’s ${wordAt(ctx, t0)}' belongs to another name`, namesake: false, givenName: false };
    }
  }
  if (t0 > 0 && spaceGap(ctx, t0 - 1) && isCapWord(ctx, t0 - 1)) {
    const p = t0 - 1;
    let fine = (NEIGHBOURS.has(tk.hash[p]!) && !(PLACE_HEADS.has(tk.hash[p]!) && !persons)) || ctx.spanEnds.has(t0);
    // "his brother, Ibrahim Mahama": a bare surname of another KB person right before a person's surname is a
    // given name there ("Ibrahim" of Anwar Ibrahim), and the two are one name
    if (fine && persons && sp.surname && !NEIGHBOURS.has(tk.hash[p]!)) {
      const prev = ctx.spanAtEnd.get(t0);
      if (prev && prev.t1 === t0 && prev.t1 - prev.t0 === 1 && allSurnames(d, prev)) fine = false;
    }
    // "wing Will Jordan": a capital "Will" inside a sentence is a given name, not the verb of a Title Case line
    if (fine && tk.hash[p] === WILL && !(tk.flags[p]! & T_SENT) && tk.flags[p]! & T_HAS_LOWER && !(blockFlags(ctx, p) & BLOCK_TITLE_CASE)) fine = false;
    // "Sky News Australia", "CNN Indonesia": a place right after a broadcaster or paper names its edition
    if (fine && places && publisherEndsAt(ctx, t0)) fine = false;
    // "the Texas House", "the Ohio Senate": another place's chamber
    if (fine && placeEndsAt(ctx, t0) && institutionSpan(ctx, sp) && !ownInstitution(ctx, sp, t0)) fine = false;
    // "the Georgia Department of Transportation": a state's own department
    if (fine && !persons && BODY_HEADS.has(tk.hash[t0]!) && placeEndsAt(ctx, t0) && !ownInstitution(ctx, sp, t0)) fine = false;
    if (!fine && tk.flags[p]! & T_SENT && ROLES.has(tk.hash[p]!)) fine = true; // "Actor Will Smith arrived."
    // sentence-initial adverbs and participles: "Separately Rubio …", "Speaking Tuesday …"
    if (!fine && tk.flags[p]! & T_SENT && /(?:ly|ing|ed)$/.test(wordAt(ctx, p))) fine = true;
    // a sentence-initial word before a name of several words is a modifier: "Rival Intercontinental Exchange"
    if (!fine && tk.flags[p]! & T_SENT && t1 - t0 >= 2 && !persons) fine = true;
    if (!fine) {
      for (const pt of sp.pats) {
        const e = d.patEnt[pt]!;
        if (typeName(d.entType[e]!) === 'person' && titleBefore(ctx, e, t0)) {
          fine = true;
          break;
        }
      }
    }
    if (!fine) return { reject: `part of a longer name '${wordAt(ctx, p)} ${wordAt(ctx, t0)}'`, namesake: surname || persons, givenName: false };
  }
  return null;
}

/** The name goes on after the span ("Israel-Premier Tech", "Texas A&M", "Samsung SDI", "Poland 2050"). */
function nameGoesOn(ctx: ScanContext, sp: Span): Structural | null {
  const tk = ctx.tk;
  const blocks = ctx.blocks;
  const t0 = sp.t0;
  const t1 = sp.t1;
  const last = t1 - 1;
  const persons = sp.types === 1 << T_PERSON;
  const places = sp.types === 1 << T_PLACE;
  const publishers = sp.types === 1 << T_PUBLISHER;
  const surname = sp.surname;
  // "Israel-Premier Tech": a capitalised word joined by a hyphen that is no name of its own goes on with the
  // name ("U.S.-Mexico talks" names both)
  if (t1 < tk.n && tk.block[t1] === tk.block[t0] && tk.ostart[t1] === tk.oend[last]! + 1 && blocks[tk.block[t0]!]!.charCodeAt(tk.oend[last]!) === 45 && isCapWord(ctx, t1) && !ctx.spanStarts.has(t1) && !NEIGHBOURS.has(tk.hash[t1]!)) {
    return { reject: `part of a longer name '${wordAt(ctx, last)}-${wordAt(ctx, t1)}'`, namesake: false, givenName: false, goesOn: true };
  }
  // "Texas A&M", "Procter & Gamble": a capital joined by "&" after the name goes on with it
  if (t1 + 1 < tk.n && tk.block[t1] === tk.block[t0] && spaceGap(ctx, last) && tk.flags[t1]! & T_UPPER) {
    const amp = blocks[tk.block[t0]!]!.slice(tk.oend[t1]!, tk.ostart[t1 + 1]!).trim();
    if (amp === '&') return { reject: `part of a longer name '${wordAt(ctx, last)} ${wordAt(ctx, t1)}&…'`, namesake: false, givenName: false, goesOn: true };
  }
  if (institutionSpan(ctx, sp)) {
    // "the Supreme Court of Virginia", "the Senate of Kenya": another place's body (its own is a KB name)
    if (t1 + 1 < tk.n && tk.block[t1] === tk.block[t0] && tk.hash[t1] === OF_WORD && spaceGap(ctx, last) && spaceGap(ctx, t1)) {
      let n = t1 + 1;
      if (ARTICLES.has(tk.hash[n]!) && n + 1 < tk.n && tk.block[n + 1] === tk.block[t0]) n++;
      if (isCapWord(ctx, n) && !ownInstitution(ctx, sp, ctx.spanAtStart.get(n)?.t1 ?? -1)) {
        return { reject: `part of a longer name '${wordAt(ctx, t0)} … of ${wordAt(ctx, n)}'`, namesake: false, givenName: false, goesOn: true };
      }
    }
    // "The state Senate voted 30-19 and the House 72-47": a chamber named after the state's other chamber in
    // the same sentence is the state's too
    if (t1 - t0 === 1) {
      for (let u = t0 - 2; u >= 0 && u >= t0 - 40 && tk.block[u] === tk.block[t0]; u--) {
        if (LOWER_STATE.has(tk.hash[u]!) && !(tk.flags[u]! & T_UPPER) && tk.flags[u + 1]! & T_UPPER && INSTITUTION.has(tk.hash[u + 1]!) && spaceGap(ctx, u)) {
          return { reject: `'${wordAt(ctx, u)} ${wordAt(ctx, u + 1)} … ${wordAt(ctx, t0)}' are a state's own`, namesake: false, givenName: false };
        }
        if (tk.flags[u]! & T_SENT) break;
      }
    }
    // "the African Union's Peace and Security Council", "the state House and Senate"
    if (t0 >= 2 && tk.hash[t0 - 1] === AND && spaceGap(ctx, t0 - 1) && spaceGap(ctx, t0 - 2)) {
      const prev = ctx.spanAtEnd.get(t0 - 1);
      if (isCapWord(ctx, t0 - 2) && !prev) return { reject: `part of a longer name '${wordAt(ctx, t0 - 2)} and ${wordAt(ctx, t0)}'`, namesake: false, givenName: false };
      if (prev && institutionSpan(ctx, prev) && prev.t0 > 0 && LOWER_STATE.has(tk.hash[prev.t0 - 1]!) && !(tk.flags[prev.t0 - 1]! & T_UPPER)) {
        return { reject: `'${wordAt(ctx, prev.t0 - 1)} ${wordAt(ctx, prev.t0)} and ${wordAt(ctx, t0)}' are a state's own`, namesake: false, givenName: false };
      }
    }
  }
  if (t1 - t0 === 1 && t1 + 1 < tk.n && OF.has(tk.hash[t1]!) && !(tk.flags[t1]! & T_UPPER) && spaceGap(ctx, last) && spaceGap(ctx, t1)) {
    if (isCapWord(ctx, t1 + 1) && !NEIGHBOURS.has(tk.hash[t1 + 1]!) && !ctx.spanStarts.has(t1 + 1)) {
      return { reject: `part of a longer name '${wordAt(ctx, t0)} ${wordAt(ctx, t1)} ${wordAt(ctx, t1 + 1)}'`, namesake: false, givenName: false, goesOn: true };
    }
  }
  // "Samsung SDI", "Hyundai Mobis": a company's name followed by a capitalised word or acronym that is no name
  // of its own is a group company
  if (sp.types === 1 << T_ORG && t1 - t0 === 1 && t1 < tk.n && tk.block[t1] === sp.block && spaceGap(ctx, last) && tk.flags[t1]! & T_ALLCAPS && !ctx.spanStarts.has(t1) && !NEIGHBOURS.has(tk.hash[t1]!)) {
    return { reject: `part of a longer name '${wordAt(ctx, last)} ${wordAt(ctx, t1)}'`, namesake: false, givenName: false, goesOn: true };
  }
  // "Parliament House", "Parliament Hill": a building or place named after the body
  if (t1 < tk.n && tk.block[t1] === sp.block && spaceGap(ctx, last) && tk.flags[t1]! & T_UPPER && tk.flags[t1]! & T_HAS_LOWER && BUILDING_WORDS.has(tk.hash[t1]!) && institutionSpan(ctx, sp)) {
    return { reject: `part of a place's name '${wordAt(ctx, last)} ${wordAt(ctx, t1)}'`, namesake: false, givenName: false, goesOn: true };
  }
  // "Poland 2050", "Vision 2030": a party or programme named with a year
  if (places && t1 < tk.n && tk.block[t1] === sp.block && spaceGap(ctx, last) && YEAR.test(wordAt(ctx, t1))) {
    return { reject: `part of a longer name '${wordAt(ctx, last)} ${wordAt(ctx, t1)}'`, namesake: false, givenName: false };
  }
  if (t1 < tk.n && spaceGap(ctx, last) && isCapWord(ctx, t1)) {
    let fine = NEIGHBOURS.has(tk.hash[t1]!) || ctx.spanStarts.has(t1);
    if (fine && publishers && placeStartsAt(ctx, t1)) fine = false; // "Sky News Australia": an edition
    if (places && CLUB_SUFFIXES.has(tk.hash[t1]!)) fine = false; // "New York City FC", "D.C. United": a club
    if (places && t1 - t0 === 1 && PARTY_MEMBERS.has(tk.hash[t1]!)) fine = true; // "a Georgia Democrat": the state's
    // "Afghanistan's Rashid Khan": a one-word person name right before another person's name is one name
    if (fine && persons && t1 - t0 === 1 && personStartsAt(ctx, t1)) fine = false;
    // "the Texas House": the place names a chamber of its own, not itself
    const next = places && fine ? ctx.spanAtStart.get(t1) : undefined;
    if (next && institutionSpan(ctx, next) && !ownInstitution(ctx, next, t1)) fine = false;
    // "Kim Yo Jong" is not Kim Jong Un: a later bare "Kim" is not linked either
    // (a place's name before another word names a thing, "The Japan Times", not a person: no given name)
    if (!fine) return { reject: `part of a longer name '${wordAt(ctx, last)} ${wordAt(ctx, t1)}'`, namesake: surname, givenName: t1 - t0 === 1 && !places, goesOn: true };
  }
  return null;
}

export function structuralCheck(ctx: ScanContext, sp: Span): Structural {
  const before = compoundOrBranch(ctx, sp) ?? acronymOrPartOfWord(ctx, sp) ?? personContext(ctx, sp) ?? longerNameBefore(ctx, sp);
  if (before) return before;
  const tk = ctx.tk;
  const blocks = ctx.blocks;
  const t0 = sp.t0;
  const t1 = sp.t1;
  const last = t1 - 1;
  const places = sp.types === 1 << T_PLACE;

  // acronyms and all-caps text: no adjacency test ("U.S. Navy", "CIA Director", "SENATE VOTE")…
  let lowerInside = false;
  for (let t = t0; t < t1; t++) if (tk.flags[t]! & T_HAS_LOWER) lowerInside = true;
  if (!lowerInside) {
    // …but "NZ First", "America First": a party or slogan named after the place ("D.C. United": a club)
    if (places && t1 < tk.n && (tk.hash[t1] === FIRST || CLUB_SUFFIXES.has(tk.hash[t1]!)) && tk.flags[t1]! & T_UPPER && blocks[sp.block]!.slice(sp.end, tk.ostart[t1]!) === ' ') {
      return { reject: `part of a longer name '${wordAt(ctx, last)} First'`, namesake: false, givenName: false, goesOn: true };
    }
    // …and "U.S. Forest Service", "the 4th U.S. Circuit Court of Appeals": an organisation's name goes on
    if (orgNameAfter(ctx, sp)) return { reject: `part of a longer name '${wordAt(ctx, last)} ${wordAt(ctx, t1)} …'`, namesake: false, givenName: false, goesOn: true };
    return OK;
  }
  if (blockFlags(ctx, t0) & BLOCK_TITLE_CASE) return OK;

  return ownerOrNeighbourBefore(ctx, sp) ?? nameGoesOn(ctx, sp) ?? OK;
}

const FORMER = hashes(['former', 'ex', 'onetime', 'one-time', 'retired', 'erstwhile', 'longtime']);

// Last words of organisations' names ("U.S. Forest Service", "U.S. Court of International Trade")
const ORG_HEADS = hashes(
  `service services court courts agency department bureau office administration commission corps circuit embassy
  mint marshals institute institutes council committee association federation soccer chamber academy museum survey
  foundation authority board assembly force forces team open campaign league party front movement bank network
  basketball football hockey rugby swimming gymnastics cycling volleyball baseball softball wrestling boxing fencing
  rowing tennis golf athletics triathlon championship championships cup trophy masters classic`.split(
    /\s+/,
  ),
);
const NAME_CONNECTORS = hashes(['of', 'for', 'and', 'on']);

/** Capitalised words right after the span (spaces only between them, "of/for/and/on" inside) that end in
 *  an organisation's head word within five tokens, and do not start a KB name themselves. */
function orgNameAfter(ctx: ScanContext, sp: Span): boolean {
  const tk = ctx.tk;
  const t = sp.t1;
  // (nor a word that starts sentences: "from the U.S. The Bangladesh Bank …")
  if (t >= tk.n || tk.block[t] !== sp.block || !(tk.flags[t]! & T_UPPER) || ctx.spanStarts.has(t) || NEIGHBOURS.has(tk.hash[t]!)) return false;
  // one space after the span, which has the acronym's own final dot ("U.S. Forest"; "the EU. The …" ends a sentence)
  if (ctx.blocks[sp.block]!.slice(sp.end, tk.ostart[t]!) !== ' ') return false;
  for (let u = t; u < t + 5 && u < tk.n && tk.block[u] === tk.block[t]; u++) {
    if (u > t && !spaceGap(ctx, u - 1)) return false;
    const f = tk.flags[u]!;
    if (f & T_UPPER) {
      if (ORG_HEADS.has(tk.hash[u]!)) return true;
    } else if (u === t || !NAME_CONNECTORS.has(tk.hash[u]!)) return false;
  }
  return false;
}

const PATRONYMIC = hashes(['bin', 'ibn', 'bint']);
const FIRST = hashToken('first');
const CLUB_SUFFIXES = hashes(['fc', 'sc', 'cf', 'united', 'athletic', 'rovers', 'wanderers']);

/** Token t is inside a run of name words ("… bin Rashid Al") that has "bin/ibn/bint" before it. */
function afterPatronymic(ctx: ScanContext, t: number): boolean {
  const tk = ctx.tk;
  for (let u = t - 1; u >= 0 && u >= t - 6 && tk.block[u] === tk.block[t] && spaceGap(ctx, u); u--) {
    if (PATRONYMIC.has(tk.hash[u]!)) return true;
    if (!(tk.flags[u]! & T_UPPER) && !PARTICLES.has(tk.hash[u]!)) return false;
  }
  return false;
}
const HYPHEN_PREFIXES = hashes(['sino', 'anglo', 'franco', 'indo', 'afro', 'euro', 'russo', 'pan', 'trans', 'ex', 'pro', 'non', 'mid']);
const SHIP_PREFIXES = hashes(['uss', 'usns', 'hms', 'hmas', 'hmcs', 'hmnzs', 'ins', 'jds', 'js', 'rfs', 'ara', 'brp', 'roks', 'tcg', 'fs', 'its']);

// Local offices written before a name ("Commissioner Mike Johnson"): a KB person who holds one has it as a title.
const LOCAL_OFFICES = hashes(
  `commissioner sheriff councilman councilwoman councillor councilor alderman alderwoman selectman supervisor trustee
  constable coach`.split(/\s+/),
);
// Trades of private people in an appositive ("…, a soybean grower"), besides ROLE_NOUNS
const PRIVATE_ROLES = hashes(
  `pharmacist grower rancher dentist veterinarian accountant plumber retiree volunteer homeowner parent mother father
  grandmother grandfather widow widower shopkeeper vendor worker`.split(/\s+/),
);
const A_AN = hashes(['a', 'an', 'un', 'una']);
const WILL = hashToken('will');
const FOR_WORD = hashToken('for');
const IN_WORD = hashToken('in');
const ESTADO = hashToken('estado');
const IN_HEADS = hashes(['institute', 'chamber', 'commerce', 'association', 'council', 'foundation', 'society', 'university', 'college', 'school']);
const AMERICA = hashToken('america');
const BUILDING_WORDS = hashes(['house', 'building', 'buildings', 'hill', 'square']);
const YEAR = /^(?:19|20)\d\d$/;
const PARTY_MEMBERS = hashes(PARTY_MEMBER_WORDS);
const LOCAL_UNITS = hashes(['city', 'county', 'town', 'village', 'township', 'borough', 'parish', 'district', 'school']);
const LOCAL_POSTS = hashes(
  `administrator manager clerk attorney engineer treasurer superintendent planner spokesman spokeswoman spokesperson
  auditor assessor inspector coroner sheriff`.split(/\s+/),
);
// Written without an article right after the comma ("Pedro Sánchez, coronel retirado y exjefe …", as Spanish
// does): ranks and trades that no office holder is introduced by (folded: "capitan")
const BARE_PRIVATE_ROLES = hashes(
  `coronel teniente capitan sargento cabo agricultor comerciante ganadero jubilado jubilada vecino vecina campesino
  campesina pescador taxista maestro maestra enfermero enfermera estudiante vendedor vendedora`.split(/\s+/),
);
const HOSTS = hashes(['host', 'anchor', 'presenter', 'model', 'player']);

/** "lawyer, John Roberts," : the token of a role noun before ", <span>," or -1. */
function appositiveRoleBefore(ctx: ScanContext, sp: Span): number {
  const tk = ctx.tk;
  const t0 = sp.t0;
  if (t0 < 1 || tk.block[t0 - 1] !== sp.block) return -1;
  const text = ctx.blocks[sp.block]!;
  if (text.slice(tk.oend[t0 - 1]!, tk.ostart[t0]!) !== ', ' || text.charCodeAt(sp.end) !== 44) return -1;
  return t0 - 1;
}

/** ", a retired pharmacist" right after token t1 - 1: returns the trade's token, or 0 (no token 0 follows a name). */
function privateAppositive(ctx: ScanContext, t1: number): number {
  const tk = ctx.tk;
  if (t1 + 1 >= tk.n || tk.block[t1] !== tk.block[t1 - 1]) return 0;
  if (ctx.blocks[tk.block[t1]!]!.slice(tk.oend[t1 - 1]!, tk.ostart[t1]!) !== ', ') return 0;
  if (BARE_PRIVATE_ROLES.has(tk.hash[t1]!) && !(tk.flags[t1]! & T_UPPER)) return t1;
  // "Chris Wright, the city administrator": a local official's staff post (not a mayor, who may be in the KB)
  if (tk.hash[t1] === THE && t1 + 2 < tk.n && tk.block[t1 + 2] === tk.block[t1] && LOCAL_UNITS.has(tk.hash[t1 + 1]!) && LOCAL_POSTS.has(tk.hash[t1 + 2]!) && !(tk.flags[t1 + 1]! & T_UPPER) && spaceGap(ctx, t1) && spaceGap(ctx, t1 + 1)) return t1 + 2;
  if (!A_AN.has(tk.hash[t1]!)) return 0;
  for (let u = t1 + 1; u < t1 + 5 && u < tk.n && tk.block[u] === tk.block[t1]; u++) {
    if (tk.flags[u]! & T_UPPER) return 0;
    if (ROLES.has(tk.hash[u]!) || PRIVATE_ROLES.has(tk.hash[u]!)) return u;
    if (!spaceGap(ctx, u - 1)) return 0;
  }
  return 0;
}

/** "former" (or "ex-", "retired") within the four tokens before token t, in the same block. */
function formerBefore(ctx: ScanContext, t: number): boolean {
  const tk = ctx.tk;
  for (let i = t - 1; i >= 0 && i >= t - 4 && tk.block[i] === tk.block[t]; i--) if (FORMER.has(tk.hash[i]!)) return true;
  return false;
}
