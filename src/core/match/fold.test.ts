import { describe, expect, it } from 'vitest';
import { foldString, foldWithMap, hashToken } from './fold';

describe('foldString', () => {
  // The property test samples text at random and once found "Ǽ" → "Æ" → "AE"; this checks every
  // BMP character, so such a case cannot hide between runs.
  it('is idempotent for every BMP character', () => {
    const bad: string[] = [];
    for (let c = 0; c < 0x10000; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const once = foldString(String.fromCharCode(c));
      if (foldString(once) !== once) bad.push(c.toString(16));
    }
    expect(bad).toEqual([]);
  });

  it('folds a ligature with a diacritic all the way: "Ǽ" matches "AE"', () => {
    expect(foldString('Ǽ')).toBe('AE');
    expect(foldString('ǣ')).toBe('ae');
  });

  // fold() copies the ASCII runs between other characters from the UTF-8 encoding: every kind of
  // character between them (2- and 3-byte, surrogate pairs, a lone surrogate) must keep the runs aligned.
  it('folds text mixing ASCII with every UTF-8 length as character by character', () => {
    const s = '“Hello” — naïve café said Ñoño; emoji 😀 ok, lone \uD800 x \uDC00 y, ﬁn “end”';
    const f = foldWithMap(s);
    let expected = '';
    for (let i = 0; i < s.length; i++) expected += foldString(s[i]!);
    expect(f.text).toBe(expected);
    expect(f.text).toContain('"Hello" — naive cafe said Nono; emoji');
  });

  it('token hashes stay below 2^30, small integers to V8, and are never 0', () => {
    for (const w of ['the', 'Rubio', 'NORTHCOM', 'Nueva Generación', 'ß', '', '😀']) {
      const h = hashToken(w);
      expect(h).toBeGreaterThan(0);
      expect(h).toBeLessThan(2 ** 30);
    }
  });

  // blocks.ts spaceGap() trusts the tokenizer's "only spaces before" flag, which reads folded text: that
  // holds only while every whitespace character folds to whitespace.
  it('folds every whitespace character that spaceGap accepts to whitespace', () => {
    const spaces = [32, 9, 10, 13, 0xa0, 0x202f, 0x205f, 0x3000];
    for (let c = 0x2000; c <= 0x200a; c++) spaces.push(c);
    for (const c of spaces) expect([' ', '\t', '\n', '\r']).toContain(foldString(String.fromCharCode(c)));
  });
});
