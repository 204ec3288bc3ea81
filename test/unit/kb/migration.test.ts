import Dexie from 'dexie';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { KnowledgeDb, SCHEMA_V1 } from '../../../src/core/kb/db';
import { exportPack } from '../../../src/core/kb/import';
import * as q from '../../../src/core/kb/queries';
import { entity, freshName } from './helpers';

describe('schema migration v1 → v2', () => {
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
    expect(db.verno).toBe(2);

    // Entities: alias keys computed (diacritics folded), seq → ord, updatedAt added, nothing else changed.
    const rows = await db.entities.toArray();
    expect(rows).toHaveLength(2);
    const jose = rows.find((r) => r.id === 'jose-lopez')!;
    expect(jose.aliasKeys).toEqual(['jose lopez', 'pepe lopez', 'j. lopez']);
    expect(jose.ord).toBe(0);
    expect('seq' in jose).toBe(false);
    expect(typeof jose.updatedAt).toBe('number');
    expect((await db.entities.where('aliasKeys').equals('pepe lopez').toArray()).map((r) => r.id)).toEqual(['jose-lopez']);
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

  it('a fresh database starts at version 2 with every table', async () => {
    const db = new KnowledgeDb(freshName('fresh'), { indexedDB, IDBKeyRange });
    await db.open();
    expect(db.verno).toBe(2);
    expect(db.tables.map((t) => t.name).sort()).toEqual(['cache', 'customEntities', 'entities', 'meta', 'muted', 'notes', 'packs', 'reports']);
    db.close();
  });
});
