import { describe, expect, it } from 'vitest';
import { generateSyntheticPack } from '../../../src/core/pack/synthetic';
import { parsePackJson } from '../../../src/core/pack/schema';

const COMMON = new Set(
  'the and for with from that this have will would about people state house court party union times post world city new time year day way work government water money story'.split(' '),
);

describe('generateSyntheticPack', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    expect(JSON.stringify(generateSyntheticPack(500, 7))).toBe(JSON.stringify(generateSyntheticPack(500, 7)));
    expect(JSON.stringify(generateSyntheticPack(500, 8))).not.toBe(JSON.stringify(generateSyntheticPack(500, 7)));
  });

  it('produces a valid pack with unique ids', () => {
    const p = generateSyntheticPack(5_000, 1);
    expect(p.entities).toHaveLength(5_000);
    const r = parsePackJson(JSON.stringify(p));
    expect(r.ok ? [] : r.errors).toEqual([]);
    expect(new Set(p.entities.map((e) => e.id)).size).toBe(5_000);
  });

  it('has realistic shapes: ~2.5 aliases, 2 facts, 1 https source, several types, diacritics, middle initials', () => {
    const p = generateSyntheticPack(10_000, 2);
    const avg = p.entities.reduce((s, e) => s + e.aliases.length, 0) / p.entities.length;
    expect(avg).toBeGreaterThan(2.2);
    expect(avg).toBeLessThan(2.8);
    for (const e of p.entities) {
      expect(e.facts).toHaveLength(2);
      expect(e.sources).toHaveLength(1);
      expect(e.sources[0]!.url).toMatch(/^https:\/\//);
      expect(e.aliases).not.toContain(e.name);
      expect(e.summary.length).toBeLessThan(400);
    }
    const types = new Set(p.entities.map((e) => e.type));
    for (const t of ['person', 'organization', 'agency', 'place', 'group', 'publisher']) expect(types).toContain(t);
    expect(p.entities.some((e) => /[^\x00-\x7f]/.test(e.name))).toBe(true);
    expect(p.entities.some((e) => e.type === 'person' && e.aliases.some((a) => /^\S+ [A-Z]\. \S+$/.test(a)))).toBe(true);
    expect(p.entities.some((e) => /^Ministry of /.test(e.name) || / Institute$/.test(e.name))).toBe(true);
    expect(p.entities.some((e) => e.aliases.some((a) => /^[A-Z]{3,}$/.test(a)))).toBe(true);
    expect(p.entities.filter((e) => e.type === 'publisher').every((e) => (e.domains?.length ?? 0) > 0)).toBe(true);
  });

  it('never uses a common English word as a one-word name or alias', () => {
    const p = generateSyntheticPack(20_000, 4);
    for (const e of p.entities) {
      for (const n of [e.name, ...e.aliases]) {
        if (!n.includes(' ')) expect(COMMON.has(n.toLowerCase()), n).toBe(false);
      }
    }
  });
});
