// Matcher benchmark (issue: entity matching at scale). Bundled with esbuild and run with node by
// bench/run.mjs. Builds one pattern set — a synthetic 100k-entity pack (~2.5 aliases each) plus the
// real starter packs (packs/starter/*.json) — and scans the same news-like text with:
//   (a) our matcher, (b) modern-ahocorasick (case-folded patterns, raw matches, no word boundaries),
//   (c) one RegExp alternation of all aliases ('giu'), (d) compromise people()/places()/organizations().
// Prints build ms, MB/s and ratio vs ours (medians of RUNS runs), serialise size and deserialise ms.
import fs from 'node:fs';
import path from 'node:path';
import AhoCorasick from 'modern-ahocorasick';
import nlp from 'compromise';
import { buildMatcher, Matcher } from '../src/core/match';
import { generatePack, loadReal, makeText } from './matcher-data';

// Nine timed runs by default (the issue asks for the median of at least five): on this 2-core VM the speed
// drifts from minute to minute and V8 is still optimising the judging code during the first passes after
// the one untimed pass, so the median of five swung by a fifth between consecutive runs. Every engine gets
// the same number of runs; the per-run times of ours are printed, the first (coldest) among them.
const RUNS = Math.max(5, Number(process.env.RUNS ?? 9));
const COUNT = Number(process.env.ENTITIES ?? 100_000);
const TEXT_MB = Number(process.env.TEXT_MB ?? 4);

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const time = (f: () => void): number => {
  const t = performance.now();
  f();
  return performance.now() - t;
};

async function startProfile(): Promise<{ stop(file: string): Promise<void> }> {
  const { Session } = await import('node:inspector/promises');
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 100 });
  await session.post('Profiler.start');
  return {
    async stop(file) {
      const { profile } = await session.post('Profiler.stop');
      fs.writeFileSync(file, JSON.stringify(profile));
      session.disconnect();
      console.log(`scan profile written to ${file}`);
    },
  };
}

function fmt(n: number, d = 1): string {
  return n.toFixed(d);
}

async function main(): Promise<void> {
  console.log(`matcher.bench: node ${process.version}, ${RUNS} runs, medians`);
  const real = loadReal();
  const synthetic = generatePack(COUNT, 42);
  const entities = [...synthetic, ...real];
  const aliasTotal = entities.reduce((n, e) => n + 1 + e.aliases.length, 0);
  console.log(`entities: ${synthetic.length} synthetic (local generator) + ${real.length} real; ${aliasTotal} names+aliases`);

  // (a) ours: build, serialise, deserialise
  let ours: Matcher = buildMatcher(entities);
  const buildTimes: number[] = [];
  for (let i = 0; i < RUNS; i++) buildTimes.push(time(() => void (ours = buildMatcher(entities))));
  const data = ours.serialize();
  const deserTimes: number[] = [];
  for (let i = 0; i < RUNS; i++) deserTimes.push(time(() => void Matcher.deserialize(data)));
  const serTimes: number[] = [];
  for (let i = 0; i < RUNS; i++) serTimes.push(time(() => void ours.serialize()));
  // scan with a freshly deserialised matcher (what the background does after a restart)
  const m = Matcher.deserialize(data);

  const paras = makeText(entities, TEXT_MB * 1_000_000, 7);
  const text = paras.join('\n');
  const mb = Buffer.byteLength(text, 'utf8') / 1e6;
  // pages of ~40 paragraphs, as the content script sends them
  const pages: string[][] = [];
  for (let i = 0; i < paras.length; i += 40) pages.push(paras.slice(i, i + 40));

  let matches = 0;
  let tokens = 0;
  let matchedTokens = 0;
  for (const p of pages) {
    const r = m.scan(p);
    matches += r.length;
    for (const x of r) matchedTokens += x.text.split(/\s+/).length;
  }
  tokens = text.split(/\s+/).length;
  const scanTimes: number[] = [];
  // SCAN_PROFILE=out.cpuprofile: a CPU profile of these scan runs only (build and text generation left out).
  const profiler = process.env.SCAN_PROFILE ? await startProfile() : null;
  for (let i = 0; i < RUNS; i++) scanTimes.push(time(() => pages.forEach((p) => m.scan(p))));
  if (profiler) await profiler.stop(process.env.SCAN_PROFILE!);
  const oursMBs = mb / (median(scanTimes) / 1000);
  // The first half alone: fold, tokenise, find and verify every alias occurrence, no judgement.
  const findTimes: number[] = [];
  let candidates = 0;
  for (let i = 0; i < RUNS; i++) findTimes.push(time(() => void (candidates = pages.reduce((n, p) => n + m.countCandidates(p), 0))));
  const findMBs = mb / (median(findTimes) / 1000);

  console.log(`text: ${fmt(mb, 2)} MB in ${pages.length} pages of 40 paragraphs; ${matches} matches, ${fmt((100 * matchedTokens) / tokens, 2)}% of tokens matched`);
  console.log(`serialised: ${fmt(data.byteLength / 1e6, 2)} MB; serialise ${fmt(median(serTimes))} ms; deserialise ${fmt(median(deserTimes))} ms`);
  console.log(
    `ours, scan runs in order (ms): ${scanTimes.map((t) => fmt(t)).join(', ')}; first run ${fmt(mb / (scanTimes[0]! / 1000), 2)} MB/s, median ${fmt(oursMBs, 2)} MB/s`,
  );
  const rows: [string, number, number, string][] = [];
  rows.push(['ours (hash index)', median(buildTimes), oursMBs, `${matches} matches`]);
  console.log(
    `ours, find + verify only (no judgement): ${fmt(findMBs, 2)} MB/s (${candidates} candidate spans); judging them: ${fmt(median(scanTimes) - median(findTimes), 1)} ms of ${fmt(median(scanTimes), 1)} ms per pass`,
  );

  // The realistic case: the starter pack alone on real news text (the six saved pages and the eval
  // articles), where names are far denser (~9 per KB) than in the synthetic text.
  {
    const starter = buildMatcher(real);
    const paras: string[] = [];
    const pagesDir = 'test/fixtures/real-pages';
    for (const f of fs.readdirSync(pagesDir).filter((x) => x.endsWith('.html'))) {
      const html = fs.readFileSync(path.join(pagesDir, f), 'utf8').replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/gi, ' ');
      for (const part of html.split(/<\/?(?:p|div|li|h\d|td|section|article)[^>]*>/i)) {
        const t = part.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();
        if (t.length > 30) paras.push(t);
      }
    }
    for (const f of fs.readdirSync('test/eval/articles')) paras.push(...fs.readFileSync(path.join('test/eval/articles', f), 'utf8').split('\n').filter(Boolean));
    const realPages: string[][] = [];
    for (let i = 0; i < paras.length; i += 40) realPages.push(paras.slice(i, i + 40));
    const rmb = Buffer.byteLength(paras.join('\n'), 'utf8') / 1e6;
    let rn = 0;
    const rt: number[] = [];
    for (let i = 0; i < Math.max(RUNS, 30); i++) rt.push(time(() => void (rn = realPages.reduce((n, p) => n + starter.scan(p).length, 0))));
    console.log(`starter pack only (${real.length} entities) on real news text (${fmt(rmb, 2)} MB, ${rn} matches): ${fmt(median(rt), 1)} ms → ${fmt(rmb / (median(rt) / 1000), 1)} MB/s`);
  }

  if (process.env.PEERS === '0') {
    // Profiling our matcher alone: `PEERS=0 node --cpu-prof node_modules/.cache/bench/matcher.bench.mjs`.
    console.log(`ours: build ${fmt(median(buildTimes), 0)} ms, scan ${fmt(oursMBs, 2)} MB/s (fastest run ${fmt(mb / (Math.min(...scanTimes) / 1000), 2)}), find + verify only ${fmt(findMBs, 2)} MB/s`);
    return;
  }

  // (b) modern-ahocorasick
  const patterns = [...new Set(entities.flatMap((e) => [e.name, ...e.aliases]).map((a) => a.toLowerCase()))];
  let ac: AhoCorasick | null = null;
  const acBuild: number[] = [];
  for (let i = 0; i < RUNS; i++) acBuild.push(time(() => void (ac = new AhoCorasick(patterns))));
  const acPages = pages.map((p) => p.join('\n'));
  let acCount = 0;
  const acScan: number[] = [];
  for (let i = 0; i < RUNS; i++)
    acScan.push(
      time(() => {
        acCount = 0;
        for (const p of acPages) acCount += ac!.search(p.toLowerCase()).length;
      }),
    );
  rows.push(['modern-ahocorasick', median(acBuild), mb / (median(acScan) / 1000), `${acCount} raw matches`]);

  // (c) one RegExp alternation. V8 compiles an alternation of all ~350k aliases, but scanning with it
  // backtracks through every alternative at every position: a single 14 KB page takes minutes. So the
  // bench grows the alternation (1k, 4k, 16k, … aliases, longest first) while one page scans within
  // REGEX_BUDGET_MS, and reports the largest size that did, as a median of RUNS runs.
  const esc = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const allAlts = [...new Set(entities.flatMap((e) => [e.name, ...e.aliases]))].sort((a, b) => b.length - a.length);
  const REGEX_BUDGET_MS = Number(process.env.REGEX_BUDGET_MS ?? 1500);
  const sample = acPages.slice(0, 1);
  const smb = Buffer.byteLength(sample.join('\n'), 'utf8') / 1e6;
  const compile = (n: number): RegExp => {
    const re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${allAlts.slice(0, n).map(esc).join('|')})(?![\\p{L}\\p{N}])`, 'giu');
    re.test('warm up'); // V8 compiles lazily
    return re;
  };
  const scanWith = (rx: RegExp): number => {
    let c = 0;
    for (const p of sample) for (const _ of p.matchAll(rx)) c++;
    return c;
  };
  let reSize = 0;
  let tooSlowAt = 0;
  for (let n = 1000; ; n = Math.min(n * 4, allAlts.length)) {
    let rx: RegExp;
    try {
      rx = compile(n);
    } catch {
      tooSlowAt = n; // does not compile
      break;
    }
    if (time(() => void scanWith(rx)) > REGEX_BUDGET_MS) {
      tooSlowAt = n;
      break;
    }
    reSize = n;
    if (n === allAlts.length) break;
  }
  if (reSize) {
    const reBuild: number[] = [];
    let rx: RegExp | null = null;
    for (let i = 0; i < RUNS; i++) reBuild.push(time(() => void (rx = compile(reSize))));
    let reCount = 0;
    const reScan: number[] = [];
    for (let i = 0; i < RUNS; i++) reScan.push(time(() => void (reCount = scanWith(rx!))));
    const why = tooSlowAt ? `; ${tooSlowAt} aliases: one page > ${REGEX_BUDGET_MS} ms` : '';
    rows.push([`RegExp alternation (${reSize} of ${allAlts.length} aliases)`, median(reBuild), smb / (median(reScan) / 1000), `${reCount} matches on ${fmt(smb, 3)} MB${why}`]);
  }

  // (d) compromise (no KB: its own NER) on a smaller text
  const small = acPages.slice(0, Math.max(1, Math.ceil(acPages.length / 200)));
  const cmb = Buffer.byteLength(small.join('\n'), 'utf8') / 1e6;
  let cCount = 0;
  const cScan: number[] = [];
  for (let i = 0; i < RUNS; i++)
    cScan.push(
      time(() => {
        cCount = 0;
        for (const p of small) {
          const doc = nlp(p);
          cCount += doc.people().length + doc.places().length + doc.organizations().length;
        }
      }),
    );
  rows.push(['compromise people/places/orgs', 0, cmb / (median(cScan) / 1000), `${cCount} names on ${fmt(cmb, 3)} MB`]);

  console.log('');
  console.log('engine'.padEnd(42) + 'build ms'.padStart(10) + 'MB/s'.padStart(10) + 'vs ours'.padStart(10) + '  notes');
  for (const [name, b, mbs, note] of rows) {
    console.log(name.padEnd(42) + fmt(b, 0).padStart(10) + fmt(mbs, 2).padStart(10) + `${fmt(mbs / oursMBs, 3)}x`.padStart(10) + '  ' + note);
  }
  const ok = median(buildTimes) < 1500 || median(deserTimes) < 200;
  console.log('');
  console.log(
    `targets: build < 1.5 s or deserialise < 200 ms: ${ok ? 'ok' : 'MISSED'}; scan ≥ 50 MB/s: ${oursMBs >= 50 ? 'ok' : 'MISSED'} (find + verify alone: ${findMBs >= 50 ? 'ok' : 'MISSED'})`,
  );
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
