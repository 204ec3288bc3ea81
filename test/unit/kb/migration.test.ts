import Dexie from 'dexie';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { decodeEntity, KnowledgeDb, SCHEMA_V1, SCHEMA_V2 } from '../../../src/core/kb/db';
import { exportPack, importPack } from '../../../src/core/kb/import';
import * as q from '../../../src/core/kb/queries';
import { entity, freshName, pack, snapshot } from './helpers';

describe('schema migration v1 → v3 (through v2)', () => {
  it('opens a v1 database written by the old schema and keeps and transforms all data', async () => {
    const name = freshName('mig');
    // A plain Dexie instance that only knows version 1, as the first release did.
    const old = new Dexie(name, { indexedDB, IDBKeyRange });
    old.version(1).stores({
      entities: 'key, id, packId, *aliases, type',
      packs: 'id',
      notes: 'id',
      muted: 'id',
      reports: '++reportId, id',
      meta: 'key',
    });
    expect(SCHEMA_V1).toMatchObject({ entities: 'key, id, packId, *aliases, type' }); // the same as the class declares
    const e1 = entity('jose-lopez', { name: 'José López', aliases: ['Pepe López', 'J. López'] });
    const e2 = entity('acme-news', { name: 'Acme News', type: 'publisher', domains: ['acme.example'] });
    await old.table('entities').bulkAdd([
      { ...e2, key: 'old:acme-news', packId: 'old', seq: 1 },
      { ...e1, key: 'old:jose-lopez', packId: 'old', seq: 0 },
    ]);
    await old.table('packs').add({ id: 'old', name: 'Old pack', version: '0.9', license: 'CC0-1.0', count: 2, installedAt: 1000, disabled: false });
    await old.table('packs').add({ id: 'off', name: 'Off pack', version: '1', license: 'MIT', count: 0, installedAt: 2000, disabled: true });
    await old.table('notes').bulkAdd([
      { id: 'jose-lopez', note: 'Check his title', at: 1234 },
      { id: 'blank', note: '   ', at: 1 },
    ]);
    await old.table('muted').add({ id: 'acme-news', at: 42 });
    await old.table('reports').add({ id: 'jose-lopez', text: 'López', hostname: 'news.example', at: 99 });
    await old.table('meta').bulkAdd([
      { key: 'matcher', value: { key: 'x', data: 'stale' } },
      { key: 'other', value: 7 },
    ]);
    expect(old.verno).toBe(1);
    old.close();

    const db = new KnowledgeDb(name, { indexedDB, IDBKeyRange });
    await db.open();
    expect(db.verno).toBe(3);

    // Entities: seq → ord, updatedAt added, alias keys (diacritics folded) in the pack's alias index, nothing else changed.
    const rows = await db.entities.toArray();
    expect(rows).toHaveLength(2);
    const jose = rows.find((r) => r.id === 'jose-lopez')!;
    expect(jose.ord).toBe(0);
    expect('seq' in jose).toBe(false);
    expect('aliasKeys' in jose).toBe(false);
    expect(typeof jose.updatedAt).toBe('number');
    for (const k of ['jose lopez', 'pepe lopez', 'j. lopez']) {
      expect([...(await q.findByAliasKeys(db, [k])).values()].flat().map((r) => r.id)).toEqual(['jose-lopez']);
    }
    expect((await db.entities.where('domainKeys').equals('acme.example').toArray()).map((r) => r.id)).toEqual(['acme-news']);

    // Packs: count → entityCount, disabled → enabled, meta and stats aggregates filled in.
    expect(await q.listPacks(db)).toEqual([
      { id: 'old', name: 'Old pack', version: '0.9', license: 'CC0-1.0', entityCount: 2, installedAt: 1000, enabled: true },
      { id: 'off', name: 'Off pack', version: '1', license: 'MIT', entityCount: 0, installedAt: 2000, enabled: false },
    ]);
    expect(await q.stats(db)).toEqual({ entities: 2, aliases: 2, packs: 1, byType: { person: 1, publisher: 1 } });
    // The original order is preserved through `seq` → `ord`.
    const exported = await exportPack(db, 'old');
    expect(exported.entities).toEqual([e1, e2]);
    expect(exported.pack).toEqual({ id: 'old', name: 'Old pack', version: '0.9', license: 'CC0-1.0' });

    // User data: renamed fields, nothing lost (a blank note is dropped: it means "no note").
    expect(await db.notes.toArray()).toEqual([{ id: 'jose-lopez', text: 'Check his title', updatedAt: 1234 }]);
    expect(await db.muted.toArray()).toEqual([{ id: 'acme-news', mutedAt: 42 }]);
    expect(await db.reports.toArray()).toEqual([{ reportId: 1, id: 'jose-lopez', text: 'López', hostname: 'news.example', createdAt: 99 }]);
    // The stale serialised matcher is dropped; other meta kept.
    expect(await db.meta.toArray()).toEqual([{ key: 'other', value: 7 }]);
    // New tables exist and work.
    expect(await db.customEntities.count()).toBe(0);
    await q.cachePut(db, 'k', 1, 1000);
    expect(await q.cacheGet(db, 'k')).toBe(1);

    // Queries work on migrated data.
    const [view] = await q.getEntities(db, ['jose-lopez']);
    expect(view).toMatchObject({ name: 'José López', note: 'Check his title', packName: 'Old pack', muted: false });
    expect((await q.searchByPrefix(db, 'jose', 5)).map((e) => e.id)).toEqual(['jose-lopez']);
    expect((await q.findPublisherByDomain(db, 'www.acme.example'))?.muted).toBe(true);
    db.close();

    // Reopening the upgraded database is a no-op.
    const again = new KnowledgeDb(name, { indexedDB, IDBKeyRange });
    await again.open();
    expect(await again.entities.count()).toBe(2);
    again.close();
  });

  it('a fresh database starts at version 3 with every table', async () => {
    const db = new KnowledgeDb(freshName('fresh'), { indexedDB, IDBKeyRange });
    await db.open();
    expect(db.verno).toBe(3);
    expect(db.tables.map((t) => t.name).sort()).toEqual(['aliasIndex', 'cache', 'customEntities', 'entities', 'meta', 'muted', 'notes', 'packs', 'reports']);
    db.close();
  });
});

describe('schema migration v2 → v3', () => {
  // Rows exactly as v2's importPack wrote them: the entity, then key, packId, ord, aliasKeys, domainKeys, updatedAt.
  const v2Row = (packId: string, ord: number, e: ReturnType<typeof entity>, aliasKeys: string[]) => ({
    ...e,
    key: `${packId}:${e.id}`,
    packId,
    ord,
    aliasKeys,
    domainKeys: (e.domains ?? []).map((d) => d.toLowerCase()),
    updatedAt: 500,
  });
  const v2Pack = (id: string, n: number, installedAt: number, enabled: boolean, aliasCount: number) => ({
    id,
    name: `Pack ${id}`,
    version: '1',
    license: 'CC0-1.0',
    entityCount: n,
    installedAt,
    enabled,
    meta: { id, name: `Pack ${id}`, version: '1', license: 'CC0-1.0' },
    aliasCount,
    byType: { person: n },
  });

  it('replaces the aliasKeys index with alias index rows, keeping every entity and all user data', async () => {
    const name = freshName('mig3');
    const old = new Dexie(name, { indexedDB, IDBKeyRange });
    old.version(2).stores(SCHEMA_V2);
    const jose = entity('jose-lopez', { name: 'José López', aliases: ['Pepe López', 'J. López'] });
    const zed = entity('zed', { name: 'Zed', aliases: ['Pepe López'] });
    const acme = entity('acme-news', { name: 'Acme News', type: 'publisher', domains: ['acme.example'] });
    const other = entity('jose-lopez', { name: 'José López (other pack)', aliases: ['JL'] });
    // Pack order is zed, jose, acme (not key order), so export must follow `ord`.
    await old.table('entities').bulkAdd([
      v2Row('a', 1, jose, ['jose lopez', 'pepe lopez', 'j. lopez']),
      v2Row('a', 0, zed, ['zed', 'pepe lopez']),
      v2Row('a', 2, acme, ['acme news']),
      v2Row('b', 0, other, ['jose lopez (other pack)', 'jl']),
    ]);
    await old.table('packs').bulkAdd([v2Pack('a', 3, 1000, true, 3), v2Pack('b', 1, 2000, false, 1)]);
    await old.table('notes').add({ id: 'jose-lopez', text: 'a note', updatedAt: 7 });
    await old.table('muted').add({ id: 'acme-news', mutedAt: 8 });
    await old.table('reports').add({ id: 'zed', text: 'Zed', hostname: 'news.example', createdAt: 9 });
    await old.table('customEntities').add({ ...entity('mine', { name: 'Pepe Mine' }), aliasKeys: ['pepe mine'], domainKeys: [], updatedAt: 10 });
    await old.table('cache').add({ key: 'wd:Q1', value: { x: 1 }, expiresAt: 9e15, storedAt: 1 });
    await old.table('meta').add({ key: 'matcher', value: { key: 'k', data: 'still valid: entities did not change' } });
    const before: Record<string, unknown[]> = {};
    for (const t of old.tables) before[t.name] = await t.toArray();
    old.close();

    const db = new KnowledgeDb(name, { indexedDB, IDBKeyRange });
    await db.open();
    expect(db.verno).toBe(3);

    // Entities: stored as records (the entity as JSON), decoding to exactly the v2 rows without `aliasKeys`.
    const strip = (r: Record<string, unknown>) => {
      const { aliasKeys: _drop, ...rest } = r;
      return rest;
    };
    const records = await db.entities.toArray();
    for (const r of records) expect(Object.keys(r)).toEqual(['key', 'id', 'packId', 'ord', 'domainKeys', 'updatedAt', 'json']);
    expect(records.map(decodeEntity)).toEqual((before.entities as Record<string, unknown>[]).map(strip));
    // The JSON keeps the entity's own key order (export writes it back byte for byte).
    expect(records.find((r) => r.key === 'a:zed')!.json).toBe(JSON.stringify(zed));
    // Packs: unchanged but for the stamp of their new alias index row.
    const packs = await db.packs.toArray();
    expect(packs.map(({ aliasStamp: _s, ...p }) => p)).toEqual(before.packs);
    const index = await db.aliasIndex.toArray();
    expect(index.map((r) => [r.packId, r.stamp])).toEqual(packs.map((p) => [p.id, p.aliasStamp]));
    expect(new Set(packs.map((p) => p.aliasStamp)).size).toBe(2);
    // User data, the lookup cache and meta (the matcher does not depend on the alias index) untouched.
    for (const t of ['notes', 'muted', 'reports', 'customEntities', 'cache', 'meta']) expect(await db.table(t).toArray(), t).toEqual(before[t]);

    // Lookups work on migrated data, in every pack (enabled or not).
    const found = await q.findByAliasKeys(db, ['pepe lopez', 'jl', 'acme news', 'nope']);
    expect([...found.keys()].sort()).toEqual(['acme news', 'jl', 'pepe lopez']);
    expect(found.get('pepe lopez')!.map((r) => r.key)).toEqual(['a:jose-lopez', 'a:zed']);
    expect(found.get('jl')!.map((r) => r.key)).toEqual(['b:jose-lopez']);
    // A name prefix ranks before alias-only matches, then shorter names first.
    expect((await q.searchByPrefix(db, 'pepe', 10)).map((e) => e.id)).toEqual(['mine', 'zed', 'jose-lopez']);
    expect((await q.searchByPrefix(db, 'jl', 10)).map((e) => e.id)).toEqual([]); // pack b is disabled
    expect((await exportPack(db, 'a')).entities).toEqual([zed, jose, acme]);

    // Updating and removing packs keeps the index in step.
    await importPack(db, pack('a', [entity('new-one', { aliases: ['Pepe López'] })], '2'));
    expect([...(await q.findByAliasKeys(db, ['pepe lopez', 'zed'])).entries()].map(([k, r]) => [k, r.map((x) => x.key)])).toEqual([['pepe lopez', ['a:new-one']]]);
    await q.removePack(db, 'b');
    expect(await db.aliasIndex.count()).toBe(1);
    expect(await q.findByAliasKeys(db, ['jl'])).toEqual(new Map());
    db.close();

    // Reopening the upgraded database is a no-op.
    const again = new KnowledgeDb(name, { indexedDB, IDBKeyRange });
    await again.open();
    const snap = await snapshot(again);
    expect(snap.entities).toHaveLength(1);
    expect([...(await q.findByAliasKeys(again, ['pepe lopez'])).values()].flat().map((r) => r.key)).toEqual(['a:new-one']);
    again.close();
  });
});
