import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldString, foldWithMap } from './fold';
import { ENTITIES } from './fixtures.test-helpers';
import { buildMatcher, Matcher, type TextMatch } from './index';

const m = buildMatcher(ENTITIES);
const m2 = Matcher.deserialize(m.serialize());

const WORDS = [
  'the', 'CIA', 'cia', 'Will', 'Apple', 'pie', 'Sinaloa', 'cartels', 'Cartel', 'de', 'Jalisco', 'Nueva', 'Generación',
  'Generacion', 'NORTHCOM', 'NORTHCOM’s', 'Special', 'Operations', 'Command', 'North', 'Gen.', 'Gregory', 'M.', 'Guillot',
  'Guillot’s', 'Secretary', 'of', 'State', 'Marco', 'Rubio’s', 'President', 'Trump’s', 'U.S.', 'Mexico', 'México',
  'Jordan', 'Bulls', 'Amman', 'said', 'and', ',', '.', '\n', 'Ken', 'Klippenstein', 'al-Qaeda', 'Москва', '😀', '🇺🇸',
];
const NOISE = ['\u00AD', '\u0301', '\u0308', '😀', '\u{1D400}', '\u00A0', '  ', '’', '-', '\u200B', 'ﬁ', 'ß', 'İ', '\uD800', '\uDC00'];

/** News-like text from alias words, with random noise (soft hyphens, combining marks, emoji, lone surrogates) inserted. */
const noisyText = fc
  .array(
    fc.tuple(fc.constantFrom(...WORDS), fc.option(fc.tuple(fc.nat(12), fc.constantFrom(...NOISE)), { freq: 3 })),
    { maxLength: 40 },
  )
  .map((parts) =>
    parts
      .map(([w, noise]) => {
        if (!noise) return w;
        const [at, n] = noise;
        const i = Math.min(at, w.length);
        return w.slice(0, i) + n + w.slice(i);
      })
      .join(' '),
  );
const anyText = fc.oneof(noisyText, fc.string({ unit: 'binary', maxLength: 60 }), fc.string({ unit: 'grapheme', maxLength: 60 }));

function checkMatches(blocks: string[], r: TextMatch[]): void {
  let prevBlock = -1;
  let prevEnd = 0;
  for (const x of r) {
    expect(x.start).toBeLessThan(x.end);
    expect(x.start).toBeGreaterThanOrEqual(0);
    expect(x.end).toBeLessThanOrEqual(blocks[x.block]!.length);
    expect(x.text).toBe(blocks[x.block]!.slice(x.start, x.end));
    // no overlaps; sorted by block then start
    if (x.block === prevBlock) expect(x.start).toBeGreaterThanOrEqual(prevEnd);
    else expect(x.block).toBeGreaterThan(prevBlock);
    prevBlock = x.block;
    prevEnd = x.end;
    expect(x.reason.length).toBeGreaterThan(0);
    if (x.kind === 'unknown') expect(x.entityId).toBeNull();
    else expect(typeof x.entityId).toBe('string');
  }
}

describe('matcher properties', () => {
  it('matches never overlap, start < end, text === block.slice(start, end)', () => {
    fc.assert(
      fc.property(fc.array(anyText, { maxLength: 5 }), fc.boolean(), (blocks, detectUnknown) => {
        checkMatches(blocks, m.scan(blocks, { detectUnknown, seenEntityIds: ['marco-rubio'] }));
      }),
      { numRuns: 600 },
    );
  });

  it('serialize → deserialize scans identically', () => {
    fc.assert(
      fc.property(fc.array(noisyText, { maxLength: 4 }), (blocks) => {
        expect(m2.scan(blocks, { detectUnknown: true })).toEqual(m.scan(blocks, { detectUnknown: true }));
      }),
      { numRuns: 200 },
    );
  });

  it('soft hyphens, zero-width spaces and combining marks inside a name do not stop the match', () => {
    const names: [string, string][] = [
      ['Cartel de Jalisco Nueva Generacion', 'jalisco-new-generation-cartel'],
      ['Special Operations Command North', 'socnorth'],
      ['Marco Rubio', 'marco-rubio'],
      ['Northern Command', 'northcom'],
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...names),
        fc.array(fc.tuple(fc.nat(), fc.constantFrom('\u00AD', '\u200B', '\u0301')), { maxLength: 3 }),
        fc.constantFrom('', 'Reports say ', '😀 ', 'É '),
        (pair, inserts, prefix) => {
          const [name, id] = pair;
          let s = name;
          for (const [at, ch] of inserts) {
            // insert only after a letter (inside or at the end of a word)
            const letters = [...s.matchAll(/\p{L}/gu)].map((x) => x.index!);
            const i = letters[at % letters.length]! + 1;
            s = s.slice(0, i) + ch + s.slice(i);
          }
          const block = `${prefix}${s} said.`;
          const r = m.scan([block]);
          const hit = r.find((x) => x.entityId === id);
          expect(hit).toBeDefined();
          expect(hit!.start).toBe(prefix.length);
          expect(block.slice(hit!.start, hit!.end)).toBe(hit!.text);
          expect(foldString(hit!.text).replace(/\u200B/g, '')).toContain(name.split(' ').pop()!);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('folding properties', () => {
  it('ASCII is unchanged with an identity map', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.integer({ min: 0, max: 127 }).map((c) => String.fromCharCode(c)) }), (s) => {
        const f = foldWithMap(s);
        expect(f.text).toBe(s);
        expect(f.starts).toEqual([...s].map((_, i) => i));
      }),
    );
  });

  it('never shifts offsets: each folded unit maps to an original span that folds to it', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, fc.string({ unit: 'binary' })), (s) => {
        const f = foldWithMap(s);
        expect(f.starts.length).toBe(f.text.length);
        let k = 0;
        let prevEnd = 0;
        while (k < f.text.length) {
          const a = f.starts[k]!;
          const b = f.ends[k]!;
          expect(a).toBeGreaterThanOrEqual(prevEnd);
          expect(b).toBeGreaterThan(a);
          expect(b).toBeLessThanOrEqual(s.length);
          // units from one original char (ß → ss) share its span
          let j = k + 1;
          while (j < f.text.length && f.starts[j] === a) j++;
          expect(foldString(s.slice(a, b))).toBe(f.text.slice(k, j));
          prevEnd = b;
          k = j;
        }
      }),
      { numRuns: 500 },
    );
  });

  it('folding is idempotent', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        const once = foldString(s);
        expect(foldString(once)).toBe(once);
      }),
      { numRuns: 300 },
    );
  });
});
