import { describe, expect, it, vi } from 'vitest';
import { exportPack, exportPackJsonl, importPack, IMPORT_CHUNK } from '../../../src/core/kb/import';
import { listPacks, removePack, setMuted, setNote, addReport, putCustomEntity, setPackEnabled } from '../../../src/core/kb/queries';
import { parsePackJson, parsePackJsonl } from '../../../src/core/pack/schema';
import { generateSyntheticPack } from '../../../src/core/pack/synthetic';
import { entity, openDb, pack, snapshot } from './helpers';

describe('importPack / exportPack', () => {
  it('imports, lists and exports a pack byte-for-byte', async () => {
    const db = await openDb();
    const p = generateSyntheticPack(300, 5);
    const text = JSON.stringify(p);
    const parsed = parsePackJson(text);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const info = await importPack(db, parsed.pack);
    expect(info).toMatchObject({ id: p.pack.id, name: p.pack.name, version: p.pack.version, license: 'CC0-1.0', entityCount: 300, enabled: true });
    expect(await listPacks(db)).toEqual([info]);
    // parse → import → export reproduces the input exactly (no packId/updatedAt/aliasKeys/ord leak out).
    const out = await exportPack(db, p.pack.id);
    expect(JSON.stringify(out)).toBe(text);
    expect(out).toEqual(p);
    // export → import → export is byte-identical.
    await importPack(db, out);
    expect(JSON.stringify(await exportPack(db, p.pack.id))).toBe(JSON.stringify(out));
    db.close();
  });

  it('keeps the original entity order (not id order) and optional fields', async () => {
    const db = await openDb();
    const ents = [entity('zeta', { aliases: ['Z'], wikidataId: 'Q1', asOf: '2025-01' }), entity('alpha', { type: 'publisher', domains: ['alpha.com'] }), entity('mid', { titles: ['Dr.'], context: ['lab'] })];
    await importPack(db, pack('p', ents));
    const out = await exportPack(db, 'p');
    expect(out.entities).toEqual(ents);
    expect(out.entities.map((e) => e.id)).toEqual(['zeta', 'alpha', 'mid']);
    db.close();
  });

  it('round-trips JSONL: export → parse → import → export is identical', async () => {
    const db = await openDb();
    const p = generateSyntheticPack(200, 6);
    await importPack(db, p);
    const jsonl = await exportPackJsonl(db, p.pack.id);
    expect(jsonl.split('\n')).toHaveLength(202); // header + 200 + trailing newline
    const parsed = parsePackJsonl(jsonl);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.pack).toEqual(p);
    await importPack(db, parsed.pack);
    expect(await exportPackJsonl(db, p.pack.id)).toBe(jsonl);
    db.close();
  });

  it('exportPack of an unknown pack throws a clear error', async () => {
    const db = await openDb();
    await expect(exportPack(db, 'nope')).rejects.toThrow(/no installed pack with id "nope"/);
    db.close();
  });

  it('reports progress per chunk', async () => {
    const db = await openDb();
    const p = generateSyntheticPack(IMPORT_CHUNK * 2 + 10, 1);
    const calls: [number, number][] = [];
    await importPack(db, p, { onProgress: (d, t) => calls.push([d, t]) });
    const total = p.entities.length;
    expect(calls).toEqual([
      [0, total],
      [IMPORT_CHUNK, total],
      [IMPORT_CHUNK * 2, total],
      [total, total],
    ]);
    db.close();
  });

  it('an update replaces the old entities and keeps the enabled flag', async () => {
    const db = await openDb();
    await importPack(db, pack('p', [entity('a'), entity('b'), entity('c')]));
    await setPackEnabled(db, 'p', false);
    const info = await importPack(db, pack('p', [entity('b', { name: 'B Two' }), entity('d')], '2'));
    expect(info).toMatchObject({ version: '2', entityCount: 2, enabled: false });
    expect((await db.entities.toArray()).map((r) => r.id).sort()).toEqual(['b', 'd']);
    expect((await exportPack(db, 'p')).entities.map((e) => e.name)).toEqual(['B Two', 'D']);
    db.close();
  });

  it('packs with the same entity ids coexist and are removed independently', async () => {
    const db = await openDb();
    await importPack(db, pack('one', [entity('x'), entity('y')]));
    await importPack(db, pack('one-b', [entity('x')])); // key prefix "one-b:" must not be touched by "one:"
    await removePack(db, 'one');
    expect((await db.entities.toArray()).map((r) => r.key)).toEqual(['one-b:x']);
    db.close();
  });
});

describe('import is atomic', () => {
  async function seeded() {
    const db = await openDb();
    await importPack(db, pack('p', [entity('keep-a'), entity('keep-b')]));
    await importPack(db, pack('other', [entity('o')]));
    await setMuted(db, 'keep-a', true);
    await setNote(db, 'keep-b', 'my note');
    await addReport(db, { id: 'keep-a', text: 'Keep', hostname: 'news.example', createdAt: 1 });
    await putCustomEntity(db, entity('mine'));
    return db;
  }

  it('a constraint error in a later chunk rolls everything back', async () => {
    const db = await seeded();
    const before = await snapshot(db);
    const ents = generateSyntheticPack(IMPORT_CHUNK + 2_000, 2).entities;
    ents[IMPORT_CHUNK + 1_000] = { ...ents[IMPORT_CHUNK + 1_000]!, id: ents[3]!.id }; // duplicate key in chunk 2
    const progress = vi.fn();
    await expect(importPack(db, pack('p', ents, '2'), { onProgress: progress })).rejects.toThrow(/ConstraintError|Key already exists|BulkError/i);
    expect(progress).toHaveBeenCalledWith(IMPORT_CHUNK, ents.length); // the first chunk had been written
    expect(await snapshot(db)).toEqual(before);
    db.close();
  });

  it('a failure thrown mid-import (after the old entities were deleted) rolls back', async () => {
    const db = await seeded();
    const before = await snapshot(db);
    const p = generateSyntheticPack(IMPORT_CHUNK * 2, 3);
    p.pack.id = 'p';
    await expect(
      importPack(db, p, {
        onProgress: (done) => {
          if (done === IMPORT_CHUNK) throw new Error('injected failure');
        },
      }),
    ).rejects.toThrow('injected failure');
    expect(await snapshot(db)).toEqual(before);
    db.close();
  });

  it('a bulkAdd that rejects rolls back', async () => {
    const db = await seeded();
    const before = await snapshot(db);
    const real = db.entities.bulkAdd.bind(db.entities);
    let calls = 0;
    const spy = vi.spyOn(db.entities, 'bulkAdd').mockImplementation(((rows: never[]) => {
      if (++calls === 2) return Promise.reject(new DOMException('disk full', 'QuotaExceededError'));
      return real(rows);
    }) as never);
    await expect(importPack(db, { ...generateSyntheticPack(IMPORT_CHUNK + 10, 4), pack: { id: 'p', name: 'P', version: '3', license: 'x' } })).rejects.toThrow(/disk full/);
    spy.mockRestore();
    expect(await snapshot(db)).toEqual(before);
    db.close();
  });

  it('invalid input never reaches the database: parse errors leave it unchanged', async () => {
    const db = await seeded();
    const before = await snapshot(db);
    const bad = [
      '{"format": "context-overlays-pack", ',
      JSON.stringify({ ...pack('p', [entity('a'), entity('a')]) }),
      JSON.stringify({ ...pack('p', [entity('a', { sources: [{ title: 't', url: 'javascript:alert(1)', publisher: 'p' }] })]) }),
      JSON.stringify({ ...pack('p', [entity('a', { summary: 'x'.repeat(2_000_000) })]) }),
      JSON.stringify({ ...pack('p', [{ ...entity('a'), name: undefined as unknown as string }]) }),
      JSON.stringify({ ...pack('p', [entity('a')]), formatVersion: 2 }),
    ];
    // The handler's path: parse; import only when ok.
    for (const text of bad) {
      const parsed = parsePackJson(text);
      expect(parsed.ok).toBe(false);
      if (parsed.ok) await importPack(db, parsed.pack);
      else expect(parsed.errors[0]!.message.length).toBeGreaterThan(5);
    }
    expect(await snapshot(db)).toEqual(before);
    db.close();
  });
});
