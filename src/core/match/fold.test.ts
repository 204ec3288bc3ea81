import { describe, expect, it } from 'vitest';
import { foldString } from './fold';

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
});
