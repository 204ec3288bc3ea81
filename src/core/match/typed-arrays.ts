// One growth step for the matcher's reusable typed-array buffers (folding, tokens, per-scan tables).

type Growable = Int32Array | Uint16Array | Uint8Array;

/** A copy of `a` with room for `size` elements (the same kind of array; `a`'s elements first). */
export function grownTo<T extends Growable>(a: T, size: number): T {
  const b = new (a.constructor as new (n: number) => T)(size);
  b.set(a);
  return b;
}
