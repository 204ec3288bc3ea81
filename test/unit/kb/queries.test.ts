import { describe, expect, it } from 'vitest';
import { importPack } from '../../../src/core/kb/import';
import * as q from '../../../src/core/kb/queries';
import { aliasKey, aliasKeysOf } from '../../../src/core/kb/normalize';
import { entity, openDb, pack } from './helpers';

async function world() {
  const db = await openDb();
  await importPack(
    db,
    pack('news', [
      entity('bbc', { name: 'BBC News', type: 'publisher', domains: ['bbc.co.uk', 'bbc.com'] }),
      entity('nyt', { name: 'The New York Times', type: 'publisher', domains: ['nytimes.com'], aliases: ['NYT', 'New York Times'] }),
      entity('bbc-world', { name: 'BBC World Service', type: 'publisher', domains: ['news.bbc.co.uk'] }),
      entity('not-a-publisher', { name: 'Domain Holder', type: 'organization', domains: ['example.com'] }),
    ]),
  );
  await importPack(
    db,
    pack('people', [
      entity('claudia-sheinbaum', { name: 'Claudia Sheinbaum', aliases: ['Sheinbaum', 'Claudia Sheinbaum Pardo'], titles: ['President'] }),
      entity('andres-lopez', { name: 'Andrés Manuel López Obrador', aliases: ['AMLO', 'López Obrador'] }),
      entity('oreilly', { name: 'Tim O’Reilly', aliases: [] }),
      entity('nyt', { name: 'Shadowed NYT (older pack would lose)', type: 'organization' }),
    ]),
  );
  return db;
}

describe('normalize', () => {
  it('folds case, diacritics, quotes and spaces', () => {
    expect(aliasKey('  López   Obrador ')).toBe('lopez obrador');
    expect(aliasKey('Tim O’Reilly')).toBe("tim o'reilly");
    expect(aliasKey('“Quoted”')).toBe('"quoted"');
    expect(aliasKey('ﬁnance Ⅳ')).toBe('finance iv');
    expect(aliasKeysOf({ name: 'México', aliases: ['Mexico', 'MEXICO', ' '] })).toEqual(['mexico']);
  });
});

describe('queries', () => {
  it('getEntities: order as asked, unknown skipped, note + muted + packName merged, newest pack wins', async () => {
    const db = await world();
    await q.setNote(db, 'claudia-sheinbaum', 'Elected 2024');
    await q.setMuted(db, 'andres-lopez', true);
    const got = await q.getEntities(db, ['andres-lopez', 'nope', 'claudia-sheinbaum', 'nyt']);
    expect(got.map((e) => e.id)).toEqual(['andres-lopez', 'claudia-sheinbaum', 'nyt']);
    expect(got[0]).toMatchObject({ muted: true, packId: 'people', packName: 'Pack people' });
    expect(got[0]!.note).toBeUndefined();
    expect(got[1]).toMatchObject({ muted: false, note: 'Elected 2024', name: 'Claudia Sheinbaum' });
    expect(got[2]!.packId).toBe('people'); // installed after "news"
    expect(await q.listMutedIds(db)).toEqual(['andres-lopez']);
    await q.setMuted(db, 'andres-lopez', false);
    expect(await q.listMutedIds(db)).toEqual([]);
    db.close();
  });

  it('custom entities override pack ones; disabled packs are excluded', async () => {
    const db = await world();
    await q.putCustomEntity(db, entity('claudia-sheinbaum', { name: 'My Claudia', aliases: ['CSP'] }));
    let [c] = await q.getEntities(db, ['claudia-sheinbaum']);
    expect(c).toMatchObject({ name: 'My Claudia', packId: 'custom', packName: 'My entities' });
    await q.removeCustomEntity(db, 'claudia-sheinbaum');
    [c] = await q.getEntities(db, ['claudia-sheinbaum']);
    expect(c!.name).toBe('Claudia Sheinbaum');
    await q.setPackEnabled(db, 'people', false);
    expect(await q.getEntities(db, ['claudia-sheinbaum'])).toEqual([]);
    expect((await q.getEntities(db, ['nyt']))[0]!.packId).toBe('news'); // the disabled pack no longer shadows it
    db.close();
  });

  it('findPublisherByDomain strips www., tries parent domains, prefers the most specific, publishers only', async () => {
    const db = await world();
    expect((await q.findPublisherByDomain(db, 'www.nytimes.com'))?.id).toBe('nyt');
    expect((await q.findPublisherByDomain(db, 'WWW.BBC.CO.UK'))?.id).toBe('bbc');
    expect((await q.findPublisherByDomain(db, 'sport.bbc.co.uk'))?.id).toBe('bbc');
    expect((await q.findPublisherByDomain(db, 'news.bbc.co.uk'))?.id).toBe('bbc-world');
    expect((await q.findPublisherByDomain(db, 'live.news.bbc.co.uk'))?.id).toBe('bbc-world');
    expect(await q.findPublisherByDomain(db, 'example.com')).toBeNull();
    expect(await q.findPublisherByDomain(db, 'co.uk')).toBeNull();
    expect(await q.findPublisherByDomain(db, '')).toBeNull();
    await q.setPackEnabled(db, 'news', false);
    expect(await q.findPublisherByDomain(db, 'nytimes.com')).toBeNull();
    db.close();
  });

  it('searchByPrefix: folded prefixes, names and aliases, deduped, exact first, custom included, limit', async () => {
    const db = await world();
    expect((await q.searchByPrefix(db, 'lopez', 10)).map((e) => e.id)).toEqual(['andres-lopez']);
    expect((await q.searchByPrefix(db, 'ANDRÉS man', 10)).map((e) => e.id)).toEqual(['andres-lopez']);
    expect((await q.searchByPrefix(db, 'TIM O’REI', 10)).map((e) => e.id)).toEqual(['oreilly']);
    expect((await q.searchByPrefix(db, 'claudia', 10)).map((e) => e.id)).toEqual(['claudia-sheinbaum']); // two aliases, one result
    await q.putCustomEntity(db, entity('clara', { name: 'Clara Custom' }));
    await q.putCustomEntity(db, entity('cla', { name: 'Cla' }));
    const cl = await q.searchByPrefix(db, 'cla', 10);
    expect(cl.map((e) => e.id)).toEqual(['cla', 'clara', 'claudia-sheinbaum']);
    expect(cl[0]!.packId).toBe('custom');
    expect(await q.searchByPrefix(db, 'cla', 2)).toHaveLength(2);
    expect(await q.searchByPrefix(db, '   ', 10)).toEqual([]);
    await q.setPackEnabled(db, 'people', false);
    expect(await q.searchByPrefix(db, 'sheinbaum', 10)).toEqual([]);
    db.close();
  });

  it('stats count enabled packs and custom entities', async () => {
    const db = await world();
    await q.putCustomEntity(db, entity('mine', { aliases: ['M1', 'M2'], type: 'place' }));
    expect(await q.stats(db)).toEqual({ entities: 9, aliases: 8, packs: 2, byType: { publisher: 3, organization: 2, person: 3, place: 1 } });
    await q.setPackEnabled(db, 'news', false);
    expect(await q.stats(db)).toMatchObject({ entities: 5, packs: 1, byType: { person: 3, organization: 1, place: 1 } });
    db.close();
  });

  it('allMatcherEntities: small shape, enabled packs only, dedupes ids (custom > newest pack)', async () => {
    const db = await world();
    let all = await q.allMatcherEntities(db);
    expect(all).toHaveLength(7);
    const nyt = all.filter((e) => e.id === 'nyt');
    expect(nyt).toEqual([{ id: 'nyt', name: 'Shadowed NYT (older pack would lose)', type: 'organization', aliases: [], lang: 'en' }]);
    expect(all.find((e) => e.id === 'claudia-sheinbaum')).toEqual({
      id: 'claudia-sheinbaum',
      name: 'Claudia Sheinbaum',
      type: 'person',
      aliases: ['Sheinbaum', 'Claudia Sheinbaum Pardo'],
      titles: ['President'],
      lang: 'en',
    });
    await q.setPackEnabled(db, 'people', false);
    await q.putCustomEntity(db, entity('mine'));
    all = await q.allMatcherEntities(db);
    expect(all.map((e) => e.id).sort()).toEqual(['bbc', 'bbc-world', 'mine', 'not-a-publisher', 'nyt']);
    expect(all.find((e) => e.id === 'nyt')!.name).toBe('The New York Times');
    db.close();
  });

  it('removing or updating a pack never touches notes, mutes, reports or custom entities', async () => {
    const db = await world();
    await q.setNote(db, 'claudia-sheinbaum', 'note');
    await q.setMuted(db, 'claudia-sheinbaum', true);
    await q.addReport(db, { id: 'claudia-sheinbaum', text: 'Sheinbaum', hostname: 'news.example', createdAt: 5 });
    await q.putCustomEntity(db, entity('mine'));
    const user = async () => ({ notes: await db.notes.toArray(), muted: await db.muted.toArray(), reports: await db.reports.toArray(), custom: await db.customEntities.toArray() });
    const before = await user();
    await importPack(db, pack('people', [entity('someone-else')], '2'));
    expect(await user()).toEqual(before);
    await q.removePack(db, 'people');
    expect(await user()).toEqual(before);
    expect((await db.entities.toArray()).filter((r) => r.packId === 'people')).toEqual([]);
    expect((await q.listPacks(db)).map((p) => p.id)).toEqual(['news']);
    db.close();
  });

  it('listUserData resolves names (even from disabled packs), deleteReport, setNote empty deletes', async () => {
    const db = await world();
    await q.setNote(db, 'claudia-sheinbaum', 'a note');
    await q.setNote(db, 'gone', 'orphan note');
    await q.setMuted(db, 'andres-lopez', true);
    const rid = await q.addReport(db, { id: 'oreilly', text: "O'Reilly", hostname: 'x.example' });
    await q.putCustomEntity(db, entity('mine', { name: 'Mine' }));
    await q.setPackEnabled(db, 'people', false);
    const u = await q.listUserData(db);
    expect(u.muted.map((e) => e.id)).toEqual(['andres-lopez']);
    expect(u.reports).toEqual([expect.objectContaining({ reportId: rid, id: 'oreilly', entityName: 'Tim O’Reilly', hostname: 'x.example' })]);
    expect(u.custom.map((e) => [e.id, e.packId, e.packName])).toEqual([['mine', 'custom', 'My entities']]);
    expect(u.notes).toEqual(expect.arrayContaining([{ id: 'claudia-sheinbaum', text: 'a note', name: 'Claudia Sheinbaum' }, { id: 'gone', text: 'orphan note' }]));
    await q.deleteReport(db, rid);
    await q.setNote(db, 'gone', '   ');
    const u2 = await q.listUserData(db);
    expect(u2.reports).toEqual([]);
    expect(u2.notes.map((n) => n.id)).toEqual(['claudia-sheinbaum']);
    db.close();
  });

  it('cache: get/put, expiry deletes, info and clear', async () => {
    const db = await openDb();
    await q.cachePut(db, 'wd:Q1', { label: 'x' }, 1_000, 10_000);
    expect(await q.cacheGet(db, 'wd:Q1', 10_500)).toEqual({ label: 'x' });
    expect(await q.cacheInfo(db)).toMatchObject({ entries: 1 });
    expect((await q.cacheInfo(db)).bytes).toBeGreaterThan(10);
    expect(await q.cacheGet(db, 'wd:Q1', 11_000)).toBeUndefined(); // expired
    expect(await db.cache.count()).toBe(0); // and deleted
    await q.cachePut(db, 'a', 1, 60_000);
    await q.cachePut(db, 'b', 2, -1);
    expect(await q.cacheGet(db, 'a')).toBe(1);
    expect(await q.purgeExpiredCache(db)).toBe(1);
    await q.clearCache(db);
    expect(await q.cacheInfo(db)).toEqual({ entries: 0, bytes: 0 });
    expect(await q.cacheGet(db, 'missing')).toBeUndefined();
    db.close();
  });

  it('domainCandidates', () => {
    expect(q.domainCandidates('news.bbc.co.uk')).toEqual(['news.bbc.co.uk', 'bbc.co.uk', 'co.uk']);
    expect(q.domainCandidates('www.nytimes.com.')).toEqual(['nytimes.com']);
    expect(q.domainCandidates('localhost')).toEqual(['localhost']);
  });
});
