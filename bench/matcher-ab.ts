// The measuring half of bench/matcher-ab.mjs: two builds of the matcher scan the same pages in turn.
import type { buildMatcher as Build, Matcher as MatcherClass } from '../src/core/match';
import { generatePack, loadReal, makeText } from './matcher-data';

interface MatchModule {
  buildMatcher: typeof Build;
  Matcher: typeof MatcherClass;
}

const WARMUP = 3;
const RUNS = 21;
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export function runAB(base: MatchModule, work: MatchModule, ref: string): void {
  const entities = [...generatePack(100_000, 42), ...loadReal()];
  // deserialised, as the background loads them
  const mBase = base.Matcher.deserialize(base.buildMatcher(entities).serialize());
  const mWork = work.Matcher.deserialize(work.buildMatcher(entities).serialize());
  const paras = makeText(entities, 4_000_000, 7);
  const mb = Buffer.byteLength(paras.join('\n'), 'utf8') / 1e6;
  const pages: string[][] = [];
  for (let i = 0; i < paras.length; i += 40) pages.push(paras.slice(i, i + 40));
  const pass = (m: MatcherClass): number => {
    const t = performance.now();
    for (const p of pages) m.scan(p);
    return performance.now() - t;
  };
  const tb: number[] = [];
  const tw: number[] = [];
  const ratio: number[] = [];
  for (let i = 0; i < WARMUP + RUNS; i++) {
    let b: number;
    let w: number;
    if (i % 2) {
      w = pass(mWork);
      b = pass(mBase);
    } else {
      b = pass(mBase);
      w = pass(mWork);
    }
    if (i < WARMUP) continue;
    tb.push(b);
    tw.push(w);
    ratio.push(b / w);
  }
  const f = (x: number): string => x.toFixed(1);
  console.log(
    `${ref}: median ${f(median(tb))} ms, fastest ${f(Math.min(...tb))} | working tree: median ${f(median(tw))} ms, fastest ${f(Math.min(...tw))} (${f(mb / (median(tw) / 1000))} MB/s) | speed-up ${median(ratio).toFixed(3)}×`,
  );
}
