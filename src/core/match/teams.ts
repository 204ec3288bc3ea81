// Sports pages: "Georgia beat Alabama 28-7", "Texas coach Sean Miller", "Georgia fans". A state or province
// named as a college or club team is not the place. (National teams are their country, annotation policy 11,
// so countries are never judged here.) Only on a page that reads as a sports report, where these cues are
// reliable: "sanctions against Georgia" or "Texas defense of its law" elsewhere stay places.
import { T_UPPER } from './constants';
import { spaceGap } from './blocks';
import { hashSet } from './fold';
import { typeCode } from './hash-index';
import type { ScanContext } from './scan-context';
import type { Span } from './disambiguate';

const words = (s: string): Set<number> => hashSet(s.split(/\s+/).filter(Boolean));

/** Words only sports reports use often; three different ones make a sports page. */
const SPORT_WORDS = words(`quarterback quarterbacks touchdown touchdowns playoff playoffs halftime inning innings
  goalkeeper striker rushing seeded coach coaches scoreless overtime bracket semifinal semifinals quarterfinal
  quarterfinals rebounds tournament fixture fixtures midfielder defender try tries scrum qualifier qualifiers
  qualifying knockout singles doubles tiebreak stadium squad unbeaten kickoff`);
/** After a team's name: its people and its result. */
const TEAM_AFTER = words(`coach coaches fans players quarterback roster beat beats routs routed edges edged defeated
  defeats rolls rolled tops topped upset upsets crushed blanked stuns stunned outlasts outlasted trounced thrashed
  downed hosts hosted`);
/** Before a team's name: the result it suffered. */
const TEAM_BEFORE = words(`beat beats routs routed edges edged defeated defeats tops topped upset upsets crushed
  blanked stunned outlasted trounced thrashed downed versus vs`);
/** Before a place: "in Georgia", "across Texas", "every corner of Georgia". */
const PLACE_BEFORE = words('in of across throughout from at near around inside within into');

const T_PLACE = typeCode('place');

/** Entity e is a place inside a country (a state, a province), not a country itself. */
export function subnationalPlace(ctx: ScanContext, e: number): boolean {
  const d = ctx.d;
  const k = d.entCountry[e]!;
  return d.entType[e] === T_PLACE && k >= 0 && k !== e;
}

/** The page reads as a sports report: three different words only sports reports use often. */
export function sportsPage(ctx: ScanContext): boolean {
  if (ctx.sportsPage === undefined) {
    const tk = ctx.tk;
    const found = new Set<number>();
    for (let t = 0; t < tk.n && found.size < 3; t++) if (SPORT_WORDS.has(tk.hash[t]!) && !(tk.flags[t]! & T_UPPER)) found.add(tk.hash[t]!);
    ctx.sportsPage = found.size >= 3;
  }
  return ctx.sportsPage;
}

/** The one-word name at token t is used as a team right there. */
function teamCueAt(ctx: ScanContext, t: number): boolean {
  const tk = ctx.tk;
  const lowerAt = (u: number): boolean => u >= 0 && u < tk.n && tk.block[u] === tk.block[t] && !(tk.flags[u]! & T_UPPER);
  if (lowerAt(t + 1) && spaceGap(ctx, t) && TEAM_AFTER.has(tk.hash[t + 1]!)) return true;
  return lowerAt(t - 1) && spaceGap(ctx, t - 1) && TEAM_BEFORE.has(tk.hash[t - 1]!);
}

/** "in Georgia", "Atlanta, Georgia": written as a place. */
export function placeUseAt(ctx: ScanContext, t: number): boolean {
  const tk = ctx.tk;
  if (t === 0 || tk.block[t - 1] !== tk.block[t]) return false;
  if (!(tk.flags[t - 1]! & T_UPPER) && PLACE_BEFORE.has(tk.hash[t - 1]!)) return true;
  const gap = ctx.blocks[tk.block[t]!]!.slice(tk.oend[t - 1]!, tk.ostart[t]!);
  return gap.trim() === ',' && (tk.flags[t - 1]! & T_UPPER) !== 0;
}

/**
 * The one-word span at t0 names a team on a sports page: a cue right there, or (unless it is written as a
 * place here) a cue at another mention of the same word on the page ("Analysts expect Georgia to be seeded
 * third" after "Georgia beat Alabama").
 */
export function teamUse(ctx: ScanContext, t0: number, t1: number): boolean {
  if (t1 - t0 !== 1 || !sportsPage(ctx)) return false;
  if (teamCueAt(ctx, t0)) return true;
  if (placeUseAt(ctx, t0)) return false;
  const tk = ctx.tk;
  const h = tk.hash[t0]!;
  const cache = (ctx.teamWords ??= new Map());
  let team = cache.get(h);
  if (team === undefined) {
    team = false;
    for (let t = 0; t < tk.n && !team; t++) if (tk.hash[t] === h && tk.flags[t]! & T_UPPER && teamCueAt(ctx, t)) team = true;
    cache.set(h, team);
  }
  return team;
}

/** Result verbs between two teams: "Georgia beat Spain", "Spain edged Georgia". */
const RESULT_VERBS = words(`beat beats routs routed edges edged defeated defeats tops topped upset upsets crushed
  blanked stun stuns stunned outlasts outlasted trounced thrashed downed`);

/** The candidate span on the other side of a result verb next to the span ("Georgia beat Spain"), or null. */
export function opponent(ctx: ScanContext, span: Span): Span | null {
  const tk = ctx.tk;
  const v = span.t1;
  if (v + 1 < tk.n && tk.block[v] === span.block && tk.block[v + 1] === span.block && !(tk.flags[v]! & T_UPPER) && RESULT_VERBS.has(tk.hash[v]!) && spaceGap(ctx, v - 1) && spaceGap(ctx, v)) {
    const o = ctx.spanAtStart.get(v + 1);
    if (o) return o;
  }
  const u = span.t0 - 1;
  if (u > 0 && tk.block[u] === span.block && tk.block[u - 1] === span.block && !(tk.flags[u]! & T_UPPER) && RESULT_VERBS.has(tk.hash[u]!) && spaceGap(ctx, u) && spaceGap(ctx, u - 1)) {
    const o = ctx.spanAtEnd.get(u);
    if (o) return o;
  }
  return null;
}
