import fc from 'fast-check';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { AliasIndex, buildAliasIndex } from '../../../src/core/kb/alias-index';
import { KnowledgeDb } from '../../../src/core/kb/db';
import { importPack } from '../../../src/core/kb/import';
import { aliasKey, aliasKeyFull } from '../../../src/core/kb/normalize';
import { findByAliasKeys, lookupAliases, removePack, searchByPrefix } from '../../../src/core/kb/queries';
import { entity, openDb, pack } from './helpers';

const keysOf = (found: Map<string, { key: string }[]>) => Object.fromEntries([...found].map(([k, rows]) => [k, rows.map((r) => r.key)]));

describe('aliasKey fast path', () => {
  it('always agrees with the full normalisation', () => {
    const chars = fc.constantFrom(...'aZ09 .-\'`´’“”\t\n\u00a0\u2009éñšÅﬁⅣ'.split(''), 'e\u0301');
    fc.assert(fc.property(fc.array(chars, { maxLength: 20 }).map((a) => a.join('')), (s) => aliasKey(s) === aliasKeyFull(s)), { numRuns: 2000 });
    fc.assert(fc.property(fc.string(), (s) => aliasKey(s) === aliasKeyFull(s)), { numRuns: 2000 });
  });
});

describe('buildAliasIndex', () => {
  const ents = [
    entity('b', { name: 'Beta', aliases: ['Shared', 'BE'] }),
    entity('a', { name: 'Álpha', aliases: ['shared', 'Alpha Two'] }),
    entity('c', { name: 'Gamma', aliases: [] }),
  ];
  const idx = new AliasIndex(buildAliasIndex('p', ents, 'stamp-1'));

  it('holds the sorted distinct keys, each with its entities in pack order', () => {
    const keys = Array.from({ length: idx.size }, (_, i) => idx.keyAt(i));
    expect(keys).toEqual(['alpha', 'alpha two', 'be', 'beta', 'gamma', 'shared']);
    expect([...idx.find('shared')!].map((pos) => idx.idAt(pos))).toEqual(['b', 'a']);
    expect([...idx.find('alpha')!].map((pos) => idx.idAt(pos))).toEqual(['a']);
    expect(idx.find('alph')).toBeUndefined();
    expect(idx.find('zzz')).toBeUndefined();
    expect(idx.find('')).toBeUndefined();
    expect(idx.stamp).toBe('stamp-1');
  });

  it('lowerBound gives the start of a prefix range', () => {
    expect(idx.lowerBound('alp')).toBe(0);
    expect(idx.lowerBound('b')).toBe(2);
    expect(idx.lowerBound('beta')).toBe(3);
    expect(idx.lowerBound('zz')).toBe(idx.size);
  });

  it('an empty pack has an empty index', () => {
    const empty = new AliasIndex(buildAliasIndex('e', []));
    expect(empty.size).toBe(0);
    expect(empty.find('x')).toBeUndefined();
  });
});

describe('alias index in the database', () => {
  it('findByAliasKeys: every pack (enabled or not), rows per key in primary-key order, unknown keys absent', async () => {
    const db = await openDb();
    await importPack(db, pack('one', [entity('x', { aliases: ['Same'] }), entity('y', { aliases: ['same', 'Why'] })]));
    await importPack(db, pack('two', [entity('x', { name: 'Ex', aliases: ['SAME'] })]));
    const found = await findByAliasKeys(db, ['same', 'why', 'same', 'nope', aliasKey('  Ex ')]);
    expect(keysOf(found)).toEqual({ same: ['one:x', 'one:y', 'two:x'], why: ['one:y'], ex: ['two:x'] });
    // Rows are whole entities plus bookkeeping.
    expect(found.get('why')![0]).toMatchObject({ id: 'y', name: 'Y', packId: 'one', ord: 1, aliases: ['same', 'Why'] });
    db.close();
  });

  it('lookupAliases names the entities of each alias (id, pack, name, type) without reading their rows', async () => {
    const db = await openDb();
    await importPack(db, pack('one', [entity('x', { name: 'Ex Corp', type: 'organization', aliases: ['Same'] }), entity('y', { name: 'Why', type: 'person', aliases: ['same'] })]));
    await importPack(db, pack('two', [entity('x', { name: 'Ex', type: 'place', aliases: ['SAME'] })]));
    await lookupAliases(db, ['same']); // loads the indexes
    let rowReads = 0;
    const bulkGet = db.entities.bulkGet.bind(db.entities);
    const get = db.entities.get.bind(db.entities);
    db.entities.bulkGet = ((k: never) => (rowReads++, bulkGet(k))) as typeof db.entities.bulkGet;
    db.entities.get = ((k: never) => (rowReads++, get(k))) as typeof db.entities.get;
    const found = await lookupAliases(db, ['same', 'why', 'nope', 'same']);
    expect(rowReads).toBe(0);
    expect(Object.fromEntries(found)).toEqual({
      same: [
        { id: 'x', packId: 'one', key: 'one:x', name: 'Ex Corp', type: 'organization' },
        { id: 'y', packId: 'one', key: 'one:y', name: 'Why', type: 'person' },
        { id: 'x', packId: 'two', key: 'two:x', name: 'Ex', type: 'place' },
      ],
      why: [{ id: 'y', packId: 'one', key: 'one:y', name: 'Why', type: 'person' }],
    });
    db.close();
  });

  it('an index row written before names and types were stored in it still answers lookupAliases (from the rows)', async () => {
    const db = await openDb();
    await importPack(db, pack('p', [entity('a', { name: 'Alpha', type: 'agency', aliases: ['Shared'] }), entity('b', { name: 'Beta', type: 'law', aliases: ['shared'] })]));
    const row = (await db.aliasIndex.get('p'))!;
    delete row.names;
    delete row.nameStarts;
    delete row.types;
    row.stamp = 'legacy';
    await db.aliasIndex.put(row);
    await db.packs.update('p', { aliasStamp: 'legacy' });
    await db.entities.delete('p:b'); // a row gone missing is left out, not returned nameless
    expect(Object.fromEntries(await lookupAliases(db, ['shared', 'beta']))).toEqual({
      shared: [{ id: 'a', packId: 'p', key: 'p:a', name: 'Alpha', type: 'agency' }],
    });
    db.close();
  });

  it('a second connection sees updates and removals made through the first (stamps checked on every lookup)', async () => {
    const a = await openDb();
    const b = new KnowledgeDb(a.name, { indexedDB, IDBKeyRange });
    await b.open();
    await importPack(a, pack('p', [entity('old', { aliases: ['Thing'] })]));
    expect(keysOf(await findByAliasKeys(b, ['thing']))).toEqual({ thing: ['p:old'] }); // b loads and keeps the index
    await importPack(a, pack('p', [entity('new', { aliases: ['Thing'] })], '2'));
    expect(keysOf(await findByAliasKeys(b, ['thing']))).toEqual({ thing: ['p:new'] });
    expect((await searchByPrefix(b, 'thi', 5)).map((e) => e.id)).toEqual(['new']);
    await removePack(a, 'p');
    expect(await findByAliasKeys(b, ['thing'])).toEqual(new Map());
    a.close();
    b.close();
  });

  it('after a failed import the connection still finds the previous version', async () => {
    const db = await openDb();
    await importPack(db, pack('p', [entity('keep', { aliases: ['Kept'] })]));
    await expect(importPack(db, pack('p', [entity('dup', { aliases: ['Kept'] }), entity('dup')], '2'))).rejects.toThrow();
    expect(keysOf(await findByAliasKeys(db, ['kept']))).toEqual({ kept: ['p:keep'] });
    db.close();
  });
});
