import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { T_ALLCAPS, T_SENT, T_SPACE_BEFORE, T_UPPER } from './constants';
import { FoldBuffer } from './fold';
import { Tokens } from './tokenize';

function tokens(text: string): { start: number; end: number; hash: number; flags: number; ostart: number; oend: number }[] {
  const fb = new FoldBuffer();
  const tk = new Tokens();
  fb.fold(text);
  tk.add(fb, 0);
  return Array.from({ length: tk.n }, (_, t) => ({
    start: tk.start[t]!,
    end: tk.end[t]!,
    hash: tk.hash[t]!,
    flags: tk.flags[t]!,
    ostart: tk.ostart[t]!,
    oend: tk.oend[t]!,
  }));
}

const ascii = fc.string({ unit: fc.integer({ min: 0, max: 127 }).map((c) => String.fromCharCode(c)), maxLength: 80 });
const words = fc
  .array(fc.constantFrom('The', 'CIA', 'cia', 'U.S.', 'said', 'NORTHCOM', 'Gen.', 'al-Qaeda', "Trump's", ',', '. ', ': ', '\n', '-', '  ', 'A1', 'x'), { maxLength: 30 })
  .map((ws) => ws.join(' '));

describe('Tokens.add', () => {
  it('tokenizes a block that folds to ASCII (its fast path) exactly as the general path does', () => {
    fc.assert(
      fc.property(fc.oneof(ascii, words), fc.constantFrom(' ж', ' Ж.', ' \u00AD', ' a\u00ADb'), (s, tail) => {
        // a tail that folds to a non-ASCII letter or shifts offsets sends the block down the general path;
        // the tokens before it are the same
        const fb = new FoldBuffer();
        fb.fold(s);
        expect(fb.ascii).toBe(true);
        fb.fold(s + tail);
        expect(fb.ascii).toBe(false);
        const fast = tokens(s);
        const general = tokens(s + tail);
        expect(general.slice(0, fast.length)).toEqual(fast);
      }),
      { numRuns: 500 },
    );
  });

  it('reads letters of any script as words, on either path', () => {
    expect(tokens('В Москве и Москва').map((t) => t.end - t.start)).toEqual([1, 6, 1, 6]);
    expect(tokens('café “Rubio” naïve').map((t) => t.end - t.start)).toEqual([4, 5, 5]);
  });

  it('flags capitals, all-caps words, sentence starts and plain-space gaps', () => {
    const t = tokens('Rubio met CIA staff. Then-he left, ok');
    const f = (i: number) => t[i]!.flags;
    expect(f(0) & T_UPPER).toBeTruthy(); // Rubio
    expect(f(0) & T_SENT).toBeTruthy(); // the block's start
    expect(f(2) & T_ALLCAPS).toBeTruthy(); // CIA
    expect(f(3) & T_UPPER).toBeFalsy(); // staff
    expect(f(4) & T_SENT).toBeTruthy(); // Then: after "."
    expect(f(5) & T_SPACE_BEFORE).toBeTruthy(); // he: after a hyphen only
    expect(f(7) & T_SPACE_BEFORE).toBeFalsy(); // ok: after a comma
  });
});
