// Reads and small writes on the knowledge base, for the background's message handlers.
// Resolution rules: a custom entity overrides a pack entity with the same id; among packs, the most
// recently installed enabled pack wins; disabled packs are invisible to pages (but their entities still
// resolve in the reader's own lists, so a note or a mute on them can be seen and undone).
import type { EntityType, PackEntity } from '../types';
import type { EntityView, PackInfo, ReportView } from '../../shared/messages';
import type { MatcherEntity } from '../match';
import { aliasIndexesOf, forgetAliasIndex } from './alias-index';
import { decodeEntity, entityKey, type CustomEntityRow, type EntityRecord, type EntityRow, type KnowledgeDb, type PackRow } from './db';
import { packKeyRange, rowToEntity, toPackInfo } from './import';
import { aliasKey, aliasKeysOf, domainKey, domainKeysOf } from './normalize';

export type { MatcherEntity };

export const CUSTOM_PACK_ID = 'custom';
export const CUSTOM_PACK_NAME = 'My entities';

type AnyRow = EntityRow | CustomEntityRow;

/** Decoded rows of the records found (missing ones skipped). */
function decodeAll(records: readonly (EntityRecord | undefined)[]): EntityRow[] {
  const out: EntityRow[] = [];
  for (const r of records) if (r) out.push(decodeEntity(r));
  return out;
}

function isPackRow(r: AnyRow): r is EntityRow {
  return 'packId' in r;
}

function toView(r: AnyRow, packName: string, note: string | undefined, muted: boolean): EntityView {
  const custom = !isPackRow(r);
  const v: EntityView = {
    id: r.id,
    name: r.name,
    type: r.type,
    description: r.description,
    summary: r.summary,
    aliases: r.aliases,
    facts: r.facts,
    sources: r.sources,
    packId: isPackRow(r) ? r.packId : CUSTOM_PACK_ID,
    packName: custom ? CUSTOM_PACK_NAME : packName,
    muted,
  };
  if (r.asOf !== undefined) v.asOf = r.asOf;
  if (r.wikidataId !== undefined) v.wikidataId = r.wikidataId;
  if (r.domains !== undefined) v.domains = r.domains;
  if (note !== undefined) v.note = note;
  return v;
}

interface PackIndex {
  byId: Map<string, PackRow>;
  /** Pack ids, most recently installed first. */
  rank: Map<string, number>;
}

async function packIndex(db: KnowledgeDb): Promise<PackIndex> {
  const packs = await db.packs.toArray();
  packs.sort((a, b) => b.installedAt - a.installedAt || (a.id < b.id ? -1 : 1));
  return { byId: new Map(packs.map((p) => [p.id, p])), rank: new Map(packs.map((p, i) => [p.id, i])) };
}

/** Picks, per id, the row that wins (custom > newest enabled pack; `includeDisabled` lets disabled packs in last). */
function pickRows(rows: AnyRow[], packs: PackIndex, includeDisabled: boolean): Map<string, AnyRow> {
  const best = new Map<string, { row: AnyRow; score: number }>();
  for (const r of rows) {
    let score: number;
    if (!isPackRow(r)) score = -1;
    else {
      const p = packs.byId.get(r.packId);
      if (!p) continue; // orphan row of a pack being removed
      if (!p.enabled && !includeDisabled) continue;
      score = (packs.rank.get(r.packId) ?? 0) + (p.enabled ? 0 : 1e6);
    }
    const cur = best.get(r.id);
    if (!cur || score < cur.score) best.set(r.id, { row: r, score });
  }
  const out = new Map<string, AnyRow>();
  for (const [id, b] of best) out.set(id, b.row);
  return out;
}

async function views(db: KnowledgeDb, rows: AnyRow[], packs: PackIndex): Promise<EntityView[]> {
  const ids = rows.map((r) => r.id);
  const [notes, muted] = await Promise.all([db.notes.bulkGet(ids), db.muted.bulkGet(ids)]);
  return rows.map((r, i) => toView(r, isPackRow(r) ? (packs.byId.get(r.packId)?.name ?? r.packId) : CUSTOM_PACK_NAME, notes[i]?.text, !!muted[i]));
}

async function resolve(db: KnowledgeDb, ids: readonly string[], includeDisabled: boolean): Promise<{ rows: Map<string, AnyRow>; packs: PackIndex }> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return { rows: new Map(), packs: { byId: new Map(), rank: new Map() } };
  const [packs, custom, packRows] = await Promise.all([
    packIndex(db),
    db.customEntities.bulkGet(unique),
    db.entities.where('id').anyOf(unique).toArray(),
  ]);
  const all: AnyRow[] = decodeAll(packRows);
  for (const c of custom) if (c) all.push(c);
  return { rows: pickRows(all, packs, includeDisabled), packs };
}

// ---- entities -------------------------------------------------------------------------------------

export async function listMutedIds(db: KnowledgeDb): Promise<string[]> {
  return (await db.muted.toCollection().primaryKeys()) as string[];
}

/** Entities by id, in the order asked; unknown ids and entities of disabled packs are skipped. */
export async function getEntities(db: KnowledgeDb, ids: readonly string[]): Promise<EntityView[]> {
  const { rows, packs } = await resolve(db, ids, false);
  const ordered: AnyRow[] = [];
  const seen = new Set<string>();
  for (const id of ids) {
    const r = rows.get(id);
    if (r && !seen.has(id)) {
      ordered.push(r);
      seen.add(id);
    }
  }
  return views(db, ordered, packs);
}

/** Host name → the candidate domain keys, most specific first: www.news.bbc.co.uk → [news.bbc.co.uk, bbc.co.uk, co.uk]. */
export function domainCandidates(hostname: string): string[] {
  const h = domainKey(hostname);
  const out: string[] = [];
  if (!h) return out;
  out.push(h);
  const labels = h.split('.');
  for (let i = 1; i < labels.length - 1; i++) out.push(labels.slice(i).join('.'));
  return [...new Set(out)];
}

/** The publisher whose `domains` cover this host name (www. stripped, parent domains tried), or null. */
export async function findPublisherByDomain(db: KnowledgeDb, hostname: string): Promise<EntityView | null> {
  const cands = domainCandidates(hostname);
  if (cands.length === 0) return null;
  const [packs, packRows, customRows] = await Promise.all([
    packIndex(db),
    db.entities.where('domainKeys').anyOf(cands).toArray(),
    db.customEntities.where('domainKeys').anyOf(cands).toArray(),
  ]);
  const rows = pickRows([...decodeAll(packRows), ...customRows].filter((r) => r.type === 'publisher'), packs, false);
  let best: AnyRow | undefined;
  let bestRank = Infinity;
  for (const r of rows.values()) {
    for (const d of r.domainKeys) {
      const i = cands.indexOf(d);
      if (i >= 0 && i < bestRank) {
        bestRank = i;
        best = r;
      }
    }
  }
  if (!best) return null;
  return (await views(db, [best], packs))[0]!;
}

/** Entities whose normalised name or alias starts with the prefix; exact and name matches first. */
export async function searchByPrefix(db: KnowledgeDb, prefix: string, limit: number): Promise<EntityView[]> {
  const k = aliasKey(prefix);
  if (!k || limit <= 0) return [];
  // Fetch more than `limit`: several aliases of one entity, and shadowed ids, collapse below.
  const want = limit * 3 + 10;
  const { packs, fromPacks } = await db.transaction('r', db.packs, db.aliasIndex, db.entities, async () => {
    const packs = await packIndex(db);
    const enabled = [...packs.byId.values()].filter((p) => p.enabled);
    // Per enabled pack, the first `want` distinct entities in key order from the prefix's range of keys.
    const pks: string[] = [];
    for (const idx of await aliasIndexesOf(db, enabled)) {
      const seen = new Set<number>();
      for (let i = idx.lowerBound(k); i < idx.size && seen.size < want && idx.keyAt(i).startsWith(k); i++) {
        for (const pos of idx.postingsAt(i)) {
          if (seen.has(pos)) continue;
          seen.add(pos);
          pks.push(entityKey(idx.packId, idx.idAt(pos)));
          if (seen.size >= want) break;
        }
      }
    }
    return { packs, fromPacks: decodeAll(await db.entities.bulkGet(pks)) };
  });
  const custom = await db.customEntities.where('aliasKeys').startsWith(k).distinct().limit(want).toArray();
  const picked = [...pickRows([...custom, ...fromPacks], packs, false).values()];
  const rank = (r: AnyRow): number => {
    const name = aliasKey(r.name);
    if (name === k) return 0;
    if (aliasKeysOf(r).includes(k)) return 1;
    if (name.startsWith(k)) return 2;
    return 3;
  };
  const scored = picked.map((r) => ({ r, s: rank(r), n: r.name }));
  scored.sort((a, b) => a.s - b.s || a.n.length - b.n.length || (a.n < b.n ? -1 : a.n > b.n ? 1 : 0));
  return views(db, scored.slice(0, limit).map((x) => x.r), packs);
}

/** Every entity the matcher needs (enabled packs + custom), in the matcher's small shape. */
export async function allMatcherEntities(db: KnowledgeDb): Promise<MatcherEntity[]> {
  const packs = await packIndex(db);
  const enabled = [...packs.byId.values()].filter((p) => p.enabled);
  let records: EntityRecord[];
  if (enabled.length === packs.byId.size) records = await db.entities.toArray();
  else {
    const parts = await Promise.all(
      enabled.map((p) => {
        const [lo, hi] = packKeyRange(p.id);
        return db.entities.where('key').between(lo, hi, true, false).toArray();
      }),
    );
    records = parts.flat();
  }
  const rows = decodeAll(records);
  const custom = await db.customEntities.toArray();
  // Fast path: no id appears twice (the usual case) — no need for the ranking map.
  const out: MatcherEntity[] = [];
  const small = (r: AnyRow): MatcherEntity => {
    const m: MatcherEntity = { id: r.id, name: r.name, type: r.type, aliases: r.aliases };
    if (r.titles) m.titles = r.titles;
    if (r.context) m.context = r.context;
    if (r.lang) m.lang = r.lang;
    if (r.country) m.country = r.country;
    return m;
  };
  const seen = new Set<string>();
  let dup = false;
  for (const c of custom) seen.add(c.id);
  for (const r of rows) {
    if (seen.has(r.id)) {
      dup = true;
      break;
    }
    seen.add(r.id);
  }
  if (!dup) {
    for (const r of rows) if (packs.byId.get(r.packId)?.enabled) out.push(small(r));
    for (const c of custom) out.push(small(c));
    return out;
  }
  for (const r of pickRows([...rows, ...custom], packs, false).values()) out.push(small(r));
  return out;
}

// ---- packs ----------------------------------------------------------------------------------------

export async function listPacks(db: KnowledgeDb): Promise<PackInfo[]> {
  const packs = await db.packs.toArray();
  packs.sort((a, b) => a.installedAt - b.installedAt || (a.id < b.id ? -1 : 1));
  return packs.map(toPackInfo);
}

export async function setPackEnabled(db: KnowledgeDb, id: string, enabled: boolean): Promise<void> {
  await db.packs.update(id, { enabled });
}

/** Removes a pack's entities and its row. Notes, mutes, reports and custom entities are kept. */
export async function removePack(db: KnowledgeDb, id: string): Promise<void> {
  await db.transaction('rw', db.entities, db.aliasIndex, db.packs, async () => {
    const [lo, hi] = packKeyRange(id);
    await db.entities.where('key').between(lo, hi, true, false).delete();
    await db.aliasIndex.delete(id);
    await db.packs.delete(id);
  });
  forgetAliasIndex(db, id);
}

export interface KbCounts {
  entities: number;
  aliases: number;
  packs: number;
  byType: Partial<Record<EntityType, number>>;
}

/** Counts over enabled packs plus custom entities. `aliases` counts aliases, not names. */
export async function stats(db: KnowledgeDb): Promise<KbCounts> {
  const packs = (await db.packs.toArray()).filter((p) => p.enabled);
  const byType: Partial<Record<EntityType, number>> = {};
  let entities = 0;
  let aliases = 0;
  const add = (t: EntityType, n: number) => {
    byType[t] = (byType[t] ?? 0) + n;
  };
  for (const p of packs) {
    entities += p.entityCount;
    aliases += p.aliasCount ?? 0;
    for (const [t, n] of Object.entries(p.byType ?? {})) add(t as EntityType, n);
  }
  await db.customEntities.each((c) => {
    entities++;
    aliases += c.aliases.length;
    add(c.type, 1);
  });
  return { entities, aliases, packs: packs.length, byType };
}

// ---- reader's data --------------------------------------------------------------------------------

export async function setMuted(db: KnowledgeDb, id: string, muted: boolean): Promise<void> {
  if (muted) await db.muted.put({ id, mutedAt: Date.now() });
  else await db.muted.delete(id);
}

export async function addReport(db: KnowledgeDb, r: { id: string; text: string; hostname: string; createdAt?: number }): Promise<number> {
  return db.reports.add({ id: r.id, text: r.text, hostname: r.hostname, createdAt: r.createdAt ?? Date.now() });
}

export async function deleteReport(db: KnowledgeDb, reportId: number): Promise<void> {
  await db.reports.delete(reportId);
}

/** Sets the reader's note on an entity; empty (or white space only) text deletes it. */
export async function setNote(db: KnowledgeDb, id: string, text: string): Promise<void> {
  if (text.trim() === '') await db.notes.delete(id);
  else await db.notes.put({ id, text, updatedAt: Date.now() });
}

export async function putCustomEntity(db: KnowledgeDb, entity: PackEntity): Promise<void> {
  await db.customEntities.put({ ...entity, aliasKeys: aliasKeysOf(entity), domainKeys: domainKeysOf(entity), updatedAt: Date.now() });
}

export async function removeCustomEntity(db: KnowledgeDb, id: string): Promise<void> {
  await db.customEntities.delete(id);
}

/** A custom entity as the reader entered it (for editing). */
export async function getCustomEntity(db: KnowledgeDb, id: string): Promise<PackEntity | undefined> {
  const row = await db.customEntities.get(id);
  if (!row) return undefined;
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { aliasKeys, domainKeys, updatedAt, ...entity } = row;
  return entity;
}

export async function listUserData(db: KnowledgeDb): Promise<{
  muted: EntityView[];
  reports: ReportView[];
  custom: EntityView[];
  notes: { id: string; text: string; name?: string }[];
}> {
  const [mutedRows, reportRows, customRows, noteRows] = await Promise.all([
    db.muted.orderBy('mutedAt').reverse().toArray(),
    db.reports.orderBy('createdAt').reverse().toArray(),
    db.customEntities.toArray(),
    db.notes.orderBy('updatedAt').reverse().toArray(),
  ]);
  const ids = [...mutedRows.map((m) => m.id), ...reportRows.map((r) => r.id), ...noteRows.map((n) => n.id)];
  const { rows, packs } = await resolve(db, ids, true);
  const mutedViews = await views(
    db,
    mutedRows.map((m) => rows.get(m.id)).filter((r): r is AnyRow => !!r),
    packs,
  );
  customRows.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const custom = await views(db, customRows, packs);
  const reports: ReportView[] = reportRows.map((r) => {
    const v: ReportView = { reportId: r.reportId, id: r.id, text: r.text, hostname: r.hostname, createdAt: r.createdAt };
    const name = rows.get(r.id)?.name;
    if (name !== undefined) v.entityName = name;
    return v;
  });
  const notes = noteRows.map((n) => {
    const o: { id: string; text: string; name?: string } = { id: n.id, text: n.text };
    const name = rows.get(n.id)?.name;
    if (name !== undefined) o.name = name;
    return o;
  });
  return { muted: mutedViews, reports, custom, notes };
}

// ---- lookup cache (online enrichment) -------------------------------------------------------------

export async function cacheGet<T = unknown>(db: KnowledgeDb, key: string, now = Date.now()): Promise<T | undefined> {
  const row = await db.cache.get(key);
  if (!row) return undefined;
  if (row.expiresAt <= now) {
    await db.cache.delete(key);
    return undefined;
  }
  return row.value as T;
}

export async function cachePut(db: KnowledgeDb, key: string, value: unknown, ttlMs: number, now = Date.now()): Promise<void> {
  await db.cache.put({ key, value, expiresAt: now + ttlMs, storedAt: now });
}

/** Deletes expired entries; returns how many. */
export async function purgeExpiredCache(db: KnowledgeDb, now = Date.now()): Promise<number> {
  return db.cache.where('expiresAt').belowOrEqual(now).delete();
}

/** Entry count and approximate size (UTF-16 length of the JSON of each entry × 2). */
export async function cacheInfo(db: KnowledgeDb): Promise<{ entries: number; bytes: number }> {
  let entries = 0;
  let bytes = 0;
  await db.cache.each((row) => {
    entries++;
    try {
      bytes += (JSON.stringify(row)?.length ?? 0) * 2;
    } catch {
      // values that cannot be stringified are not counted
    }
  });
  return { entries, bytes };
}

export async function clearCache(db: KnowledgeDb): Promise<void> {
  await db.cache.clear();
}

export { rowToEntity };

/** Which entity an alias names, without its row: enough to list candidates or to ask getEntities for one. */
export interface AliasHit {
  id: string;
  packId: string;
  /** The row's primary key, `${packId}:${id}`. */
  key: string;
  name: string;
  type: EntityType;
}

/**
 * The entities (of every installed pack, enabled or not) whose name or an alias has one of these normalised
 * keys (aliasKey()), by key, each key's hits in primary-key order: answered from the packs' alias indexes
 * alone (in memory, or one request to load them). Full rows are for getEntities/findByAliasKeys, on demand:
 * reading a row is one IndexedDB request each, which is what made a 500-alias lookup with rows cost 45 ms
 * (1,374 rows) in fake-indexeddb and 133 ms in Chromium.
 */
export async function lookupAliases(db: KnowledgeDb, keys: readonly string[]): Promise<Map<string, AliasHit[]>> {
  const unique = [...new Set(keys)];
  return db.transaction('r', db.packs, db.aliasIndex, db.entities, async () => {
    const indexes = await aliasIndexesOf(db, await db.packs.toArray());
    const out = new Map<string, AliasHit[]>();
    const headless: AliasHit[] = []; // hits from an index written before names/types were stored in it
    for (const k of unique) {
      let hits: AliasHit[] | undefined;
      for (const idx of indexes) {
        const found = idx.find(k);
        if (!found) continue;
        hits ??= [];
        for (const pos of found) {
          const id = idx.idAt(pos);
          const head = idx.headerAt(pos);
          const hit: AliasHit = { id, packId: idx.packId, key: entityKey(idx.packId, id), name: head?.name ?? '', type: head?.type ?? 'organization' };
          if (!head) headless.push(hit);
          hits.push(hit);
        }
      }
      if (!hits) continue;
      hits.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
      out.set(k, hits);
    }
    if (headless.length) {
      const records = await db.entities.bulkGet(headless.map((h) => h.key));
      const gone = new Set<string>();
      headless.forEach((h, i) => {
        const r = records[i];
        if (!r) return void gone.add(h.key);
        const e = decodeEntity(r);
        h.name = e.name;
        h.type = e.type;
      });
      if (gone.size) {
        for (const [k, hs] of out) {
          const kept = hs.filter((h) => !gone.has(h.key));
          if (kept.length) out.set(k, kept);
          else out.delete(k);
        }
      }
    }
    return out;
  });
}

/**
 * Pack entity rows (of every installed pack, enabled or not) whose name or an alias has one of these
 * normalised keys (aliasKey()), by key; each key's rows in primary-key order. Keys are resolved in the
 * packs' alias indexes (alias-index.ts: in memory, or one request to load), then all rows are read with
 * one bulkGet, in one read transaction. One request per row: prefer lookupAliases when the rows are not
 * all needed now.
 */
export async function findByAliasKeys(db: KnowledgeDb, keys: readonly string[]): Promise<Map<string, EntityRow[]>> {
  return db.transaction('r', db.packs, db.aliasIndex, db.entities, async () => {
    const hits = await lookupAliases(db, keys);
    const pkList = [...new Set([...hits.values()].flatMap((hs) => hs.map((h) => h.key)))]; // an entity found by several keys is read once
    const records = await db.entities.bulkGet(pkList);
    const byPk = new Map<string, EntityRow>();
    pkList.forEach((pk, i) => {
      const r = records[i];
      if (r) byPk.set(pk, decodeEntity(r));
    });
    const out = new Map<string, EntityRow[]>();
    for (const [k, hs] of hits) {
      const found = hs.map((h) => byPk.get(h.key)).filter((r): r is EntityRow => !!r);
      if (found.length) out.set(k, found);
    }
    return out;
  });
}
