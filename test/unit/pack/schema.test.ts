import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { entitySchema, LIMITS, MAX_PROBLEMS, parsePackJson, parsePackJsonl, validateEntity } from '../../../src/core/pack/schema';
import type { PackEntity, PackFile } from '../../../src/core/types';
import { generateSyntheticPack } from '../../../src/core/pack/synthetic';

function entity(over: Partial<PackEntity> & Record<string, unknown> = {}): PackEntity {
  return {
    id: 'claudia-sheinbaum',
    name: 'Claudia Sheinbaum',
    type: 'person',
    description: 'President of Mexico',
    summary: 'Mexican politician and scientist.',
    aliases: ['Sheinbaum', 'Claudia Sheinbaum Pardo'],
    facts: [{ label: 'Office', value: 'President of Mexico', sourceIds: [0] }],
    sources: [{ title: 'Claudia Sheinbaum', url: 'https://en.wikipedia.org/wiki/Claudia_Sheinbaum', publisher: 'Wikipedia', date: '2025-06' }],
    lang: 'en',
    ...over,
  } as PackEntity;
}

function pack(entities: unknown[], meta: Record<string, unknown> = {}): Record<string, unknown> {
  return { format: 'context-overlays-pack', formatVersion: 1, pack: { id: 'test', name: 'Test', version: '1', license: 'CC-BY-4.0', ...meta }, entities };
}

function errorsOf(p: unknown) {
  const r = parsePackJson(JSON.stringify(p));
  if (r.ok) throw new Error('expected errors');
  return r.errors;
}

describe('parsePackJson', () => {
  it('accepts a valid pack and returns the data unchanged', () => {
    const p = pack([entity(), entity({ id: 'mexico', name: 'Mexico', type: 'place', aliases: ['México'], domains: undefined })]);
    const text = JSON.stringify(p);
    const r = parsePackJson(text);
    expect(r.ok).toBe(true);
    if (r.ok) expect(JSON.stringify(r.pack)).toBe(text);
  });

  it('reports bad JSON with line, column and position', () => {
    const r = parsePackJson('{\n  "format": "context-overlays-pack",\n  "formatVersion": 1,,\n}');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]!.line).toBe(3);
    expect(r.errors[0]!.message).toMatch(/not valid JSON \(line 3, column \d+\)/);
  });

  it('rejects unknown format and format version', () => {
    const errs = errorsOf({ ...pack([entity()]), format: 'other-pack', formatVersion: 2 });
    expect(errs.map((e) => e.field)).toEqual(['format', 'formatVersion']);
    expect(errs[0]!.message).toMatch(/unknown format "other-pack"/);
    expect(errs[1]!.message).toMatch(/unsupported format version 2/);
    expect(errorsOf([entity()])[0]!.message).toMatch(/must be a JSON object/);
  });

  it('rejects a missing license and a bad pack id', () => {
    const p = pack([entity()], { id: 'Bad Id' });
    delete (p.pack as Record<string, unknown>).license;
    const errs = errorsOf(p);
    expect(errs.map((e) => e.field).sort()).toEqual(['pack.id', 'pack.license']);
    expect(errs.find((e) => e.field === 'pack.license')!.message).toMatch(/missing/);
  });

  it('names the entity index and field of a missing name', () => {
    const e = entity({ id: 'nameless' }) as unknown as Record<string, unknown>;
    delete e.name;
    const errs = errorsOf(pack([entity(), e]));
    expect(errs).toEqual([{ entityIndex: 1, field: 'entities[1].name', message: 'entity 1 "nameless", name: missing' }]);
  });

  it('rejects duplicate ids, naming both entities', () => {
    const errs = errorsOf(pack([entity(), entity({ name: 'Someone Else' })]));
    expect(errs).toHaveLength(1);
    expect(errs[0]).toMatchObject({ entityIndex: 1, field: 'entities[1].id' });
    expect(errs[0]!.message).toMatch(/duplicate id "claudia-sheinbaum" \(first used by entity 0\)/);
  });

  it.each([
    ['javascript:alert(1)'],
    ['data:text/html,<b>x</b>'],
    ['/wiki/Relative'],
    ['wiki/Relative'],
    ['ftp://example.com/file'],
    ['https://'],
    ['https://exa mple.com/'],
  ])('rejects the source URL %s', (url) => {
    const errs = errorsOf(pack([entity({ sources: [{ title: 't', url, publisher: 'p' }] })]));
    expect(errs).toHaveLength(1);
    expect(errs[0]).toMatchObject({ entityIndex: 0, field: 'entities[0].sources[0].url' });
    expect(errs[0]!.message).toMatch(/is not an absolute http\(s\) URL/);
  });

  it('rejects a 2 MB summary with a short message', () => {
    const errs = errorsOf(pack([entity({ summary: 'x'.repeat(2_000_000) })]));
    expect(errs[0]).toMatchObject({ entityIndex: 0, field: 'entities[0].summary' });
    expect(errs[0]!.message).toMatch(/too long \(2,000,000 characters, max 5,000\)/);
    expect(errs[0]!.message.length).toBeLessThan(200);
  });

  it('rejects wrong types', () => {
    const errs = errorsOf(pack([entity({ name: 42 as unknown as string, aliases: 'USA' as unknown as string[], type: 'thing' as PackEntity['type'] })]));
    const byField = Object.fromEntries(errs.map((e) => [e.field, e.message]));
    expect(byField['entities[0].name']).toMatch(/must be a string/);
    expect(byField['entities[0].aliases']).toMatch(/must be an array/);
    expect(byField['entities[0].type']).toMatch(/"thing" is not one of person, organization/);
    expect(errorsOf(pack(['just a string']))[0]!.message).toMatch(/entity 0: an entity must be an object, got string/);
  });

  it('rejects fact sourceIds out of range', () => {
    const errs = errorsOf(pack([entity({ facts: [{ label: 'a', value: 'b', sourceIds: [0, 1] }] })]));
    expect(errs).toEqual([
      expect.objectContaining({ entityIndex: 0, field: 'entities[0].facts[0].sourceIds', message: expect.stringMatching(/source id 1 is out of range/) }),
    ]);
    const neg = errorsOf(pack([entity({ facts: [{ label: 'a', value: 'b', sourceIds: [-1] }] })]));
    expect(neg[0]!.field).toBe('entities[0].facts[0].sourceIds[0]');
  });

  it('rejects too many aliases and over-long aliases', () => {
    const many = errorsOf(pack([entity({ aliases: Array.from({ length: LIMITS.aliases + 1 }, (_, i) => `Alias ${i}`) })]));
    expect(many[0]).toMatchObject({ field: 'entities[0].aliases', message: expect.stringMatching(/too many \(51, max 50\)/) });
    const long = errorsOf(pack([entity({ aliases: ['ok', 'y'.repeat(201)] })]));
    expect(long[0]).toMatchObject({ field: 'entities[0].aliases[1]', message: expect.stringMatching(/too long/) });
    const empty = errorsOf(pack([entity({ aliases: ['  '] })]));
    expect(empty[0]!.message).toMatch(/must not be empty/);
  });

  it('checks the id pattern and length', () => {
    for (const id of ['Upper', '-lead', 'under_score', 'spa ce', '', 'a'.repeat(201)]) {
      const errs = errorsOf(pack([entity({ id })]));
      expect(errs[0]!.field, id).toBe('entities[0].id');
    }
    expect(parsePackJson(JSON.stringify(pack([entity({ id: 'a'.repeat(200) })]))).ok).toBe(true);
  });

  it('rejects unknown fields (typos) instead of silently dropping them', () => {
    const errs = errorsOf(pack([entity({ alias: ['x'] } as never)]));
    expect(errs[0]).toMatchObject({ field: 'entities[0].alias', message: expect.stringMatching(/unknown field "alias"/) });
  });

  it('checks optional fields: dates, wikidata, domains, lang', () => {
    const errs = errorsOf(pack([entity({ asOf: 'June 2025', wikidataId: '123', domains: ['https://x.com'], lang: 'english!' })]));
    expect(errs.map((e) => e.field).sort()).toEqual(['entities[0].asOf', 'entities[0].domains[0]', 'entities[0].lang', 'entities[0].wikidataId']);
  });

  it('checks the country field: an entity id', () => {
    expect(parsePackJson(JSON.stringify(pack([entity({ country: 'mexico' })]))).ok).toBe(true);
    expect(errorsOf(pack([entity({ country: 'Mexico!' })])).map((e) => e.field)).toEqual(['entities[0].country']);
    expect(errorsOf(pack([entity({ country: 7 as unknown as string })])).map((e) => e.field)).toEqual(['entities[0].country']);
  });

  it('reports many problems, capped, not just the first', () => {
    const bad = Array.from({ length: 200 }, (_, i) => entity({ id: `e-${i}`, sources: [{ title: 't', url: 'javascript:x', publisher: 'p' }] }));
    const errs = errorsOf(pack(bad));
    expect(errs.length).toBe(MAX_PROBLEMS + 1);
    expect(errs[0]!.entityIndex).toBe(0);
    expect(errs[MAX_PROBLEMS - 1]!.entityIndex).toBe(MAX_PROBLEMS - 1);
    expect(errs[MAX_PROBLEMS]!.message).toMatch(/only the first 50/);
  });

  it('validates a 100k synthetic pack in about a second', () => {
    const p = generateSyntheticPack(100_000, 3);
    const text = JSON.stringify(p);
    const t0 = performance.now();
    const r = parsePackJson(text);
    const ms = performance.now() - t0;
    expect(r.ok).toBe(true);
    expect(ms).toBeLessThan(5_000); // measured ~0.7 s incl. JSON.parse; loose for slow CI
  });
});

describe('parsePackJsonl', () => {
  const header = JSON.stringify({ format: 'context-overlays-pack', formatVersion: 1, pack: { id: 'test', name: 'Test', version: '1', license: 'CC0-1.0' } });

  it('parses a header and one entity per line, skipping blank lines', () => {
    const text = [header, JSON.stringify(entity()), '', JSON.stringify(entity({ id: 'two' })), ''].join('\n');
    const r = parsePackJsonl(text);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.pack.entities.map((e) => e.id)).toEqual(['claudia-sheinbaum', 'two']);
      expect(r.pack.pack.id).toBe('test');
      expect(r.pack.format).toBe('context-overlays-pack');
    }
  });

  it('names the line of bad JSON and of invalid entities', () => {
    const e = entity({ id: 'x' }) as unknown as Record<string, unknown>;
    delete e.name;
    const text = [header, JSON.stringify(entity()), '{"id": "broken",', '', JSON.stringify(e), JSON.stringify(entity())].join('\n');
    const r = parsePackJsonl(text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual([
      expect.objectContaining({ line: 3, entityIndex: 1, message: expect.stringMatching(/^line 3: not valid JSON/) }),
      expect.objectContaining({ line: 5, entityIndex: 2, field: 'name', message: 'line 5 (entity 2) "x", name: missing' }),
      expect.objectContaining({ line: 6, entityIndex: 3, field: 'id', message: expect.stringMatching(/duplicate id "claudia-sheinbaum" \(first used by line 2\)/) }),
    ]);
  });

  it('checks the header line', () => {
    const r = parsePackJsonl([JSON.stringify({ format: 'context-overlays-pack', formatVersion: 9, pack: { id: 'x', name: 'x', version: '1', license: 'x' } }), JSON.stringify(entity())].join('\n'));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatchObject({ line: 1, field: 'formatVersion' });
    const empty = parsePackJsonl('\n\n');
    expect(empty.ok).toBe(false);
  });
});

describe('validateEntity', () => {
  it('accepts a good entity and rejects a bad one with fields', () => {
    expect(validateEntity(entity())).toEqual({ ok: true, entity: entity() });
    const r = validateEntity({ ...entity(), sources: [{ title: 'x', url: 'data:,x', publisher: 'p' }] });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatchObject({ field: 'sources[0].url' });
    expect(validateEntity(null).ok).toBe(false);
    expect(validateEntity('x').ok).toBe(false);
  });

  it('agrees with the slow path on every synthetic entity', () => {
    const p: PackFile = generateSyntheticPack(2_000, 9);
    for (const e of p.entities) {
      expect(validateEntity(e).ok).toBe(true);
      expect(v.safeParse(entitySchema, e).success).toBe(true);
    }
  });
});
