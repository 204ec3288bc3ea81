// The knowledge base: one IndexedDB database (through Dexie) holding the installed packs' entities and,
// in separate tables, everything the reader made (notes, muted entities, wrong-match reports, custom
// entities). Pack operations (import, update, remove) only ever touch `entities`, `packs` and `aliasIndex`.
//
// Versions are explicit. Every schema change adds a version with an .upgrade() that transforms the data
// the earlier version wrote; versions are never edited once released.
import Dexie, { type EntityTable, type Table } from 'dexie';
import type { EntityType, PackEntity, PackMeta } from '../types';
import { buildAliasIndex, type AliasIndexRow } from './alias-index';
import { aliasKeysOf, domainKeysOf } from './normalize';

/**
 * A pack entity as stored (schema v3). The entity itself is one JSON string, not an object: IndexedDB
 * (and fake-indexeddb, which structured-clones every value it writes and reads) copies a string
 * wholesale, where an entity object costs a walk over a dozen nested objects and arrays. That made
 * both import and reads several times cheaper; JSON.parse on read is fast in every engine. Only the
 * fields that are indexed or needed without the entity stay outside.
 */
export interface EntityRecord {
  /** `${packId}:${id}` — the same id may appear in several packs. */
  key: string;
  id: string;
  packId: string;
  /** Position in the pack file, so export reproduces the original order. */
  ord: number;
  /** Normalised `domains` (normalize.ts), multi-entry index; always an array. */
  domainKeys: string[];
  updatedAt: number;
  /** JSON.stringify of the entity exactly as it was in the pack (fields and key order). */
  json: string;
}

/** A stored pack entity as the queries use it: the entity plus the bookkeeping fields. */
export interface EntityRow extends PackEntity {
  key: string;
  packId: string;
  ord: number;
  domainKeys: string[];
  updatedAt: number;
}

/** Bookkeeping fields that decodeEntity adds to the pack's entity; rowToEntity removes exactly these. */
export const ROW_FIELDS = ['key', 'packId', 'ord', 'domainKeys', 'updatedAt'] as const;

/** The primary key of a pack's entity row (EntityRecord.key). */
export function entityKey(packId: string, id: string): string {
  return `${packId}:${id}`;
}

export function encodeEntity(e: PackEntity, packId: string, ord: number, updatedAt: number): EntityRecord {
  return { key: entityKey(packId, e.id), id: e.id, packId, ord, domainKeys: domainKeysOf(e), updatedAt, json: JSON.stringify(e) };
}

export function decodeEntity(r: EntityRecord): EntityRow {
  const row = JSON.parse(r.json) as EntityRow;
  row.key = r.key;
  row.packId = r.packId;
  row.ord = r.ord;
  row.domainKeys = r.domainKeys;
  row.updatedAt = r.updatedAt;
  return row;
}

export interface PackRow {
  id: string;
  name: string;
  version: string;
  license: string;
  entityCount: number;
  installedAt: number;
  enabled: boolean;
  /** The pack's header exactly as imported (export writes it back). */
  meta: PackMeta;
  /** Number of aliases (not counting names) in the pack, and entities per type: for stats without a scan. */
  aliasCount: number;
  byType: Partial<Record<EntityType, number>>;
  /** The stamp of the pack's `aliasIndex` row (alias-index.ts), written in the same transaction. */
  aliasStamp: string;
}

export interface NoteRow {
  id: string;
  text: string;
  updatedAt: number;
}

export interface MutedRow {
  id: string;
  mutedAt: number;
}

export interface ReportRow {
  reportId: number;
  id: string;
  text: string;
  hostname: string;
  createdAt: number;
}

export interface CustomEntityRow extends PackEntity {
  aliasKeys: string[];
  domainKeys: string[];
  updatedAt: number;
}

export interface CacheRow {
  key: string;
  value: unknown;
  expiresAt: number;
  storedAt: number;
}

export interface MetaRow {
  key: string;
  value: unknown;
}

export interface KnowledgeDbDeps {
  indexedDB: IDBFactory;
  IDBKeyRange: typeof IDBKeyRange;
}

/** Version 1 (first release): kept verbatim, so an installed v1 database can be opened and upgraded. */
export const SCHEMA_V1 = {
  // Entity rows: PackEntity + key + packId + `seq` (position in the pack). The alias index was the raw aliases.
  entities: 'key, id, packId, *aliases, type',
  // Pack rows: { id, name, version, license, count, installedAt, disabled?, meta? }
  packs: 'id',
  // { id, note, at }
  notes: 'id',
  // { id, at? }
  muted: 'id',
  // { reportId, id, text, hostname, at }
  reports: '++reportId, id',
  meta: 'key',
} as const;

export const SCHEMA_V2 = {
  // Only indexes that a query uses: every index costs ~0.3 s per 100k entities on import (measured with
  // fake-indexeddb; bench/kb.bench.ts). A pack's rows are found by primary-key range (`${packId}:` …
  // `${packId};`), so no packId index; `type` and `updatedAt` are never queried on pack entities.
  // `domainKeys` rather than `domains`: see normalize.ts domainKeysOf.
  entities: 'key, id, *aliasKeys, *domainKeys',
  packs: 'id',
  notes: 'id, updatedAt',
  muted: 'id, mutedAt',
  reports: '++reportId, id, createdAt',
  customEntities: 'id, updatedAt, *aliasKeys, type, *domainKeys',
  cache: 'key, expiresAt',
  meta: 'key',
} as const;

export const SCHEMA_V3 = {
  // Names and aliases are no longer a multi-entry index here (~350k index records per 100k entities,
  // most of the import time) but one compact row per pack in `aliasIndex` (alias-index.ts). Rows are
  // EntityRecord: the entity as a JSON string.
  entities: 'key, id, *domainKeys',
  aliasIndex: 'packId',
  packs: 'id',
  notes: 'id, updatedAt',
  muted: 'id, mutedAt',
  reports: '++reportId, id, createdAt',
  customEntities: 'id, updatedAt, *aliasKeys, type, *domainKeys',
  cache: 'key, expiresAt',
  meta: 'key',
} as const;

export class KnowledgeDb extends Dexie {
  entities!: Table<EntityRecord, string>;
  aliasIndex!: Table<AliasIndexRow, string>;
  packs!: Table<PackRow, string>;
  notes!: Table<NoteRow, string>;
  muted!: Table<MutedRow, string>;
  reports!: EntityTable<ReportRow, 'reportId'>;
  customEntities!: Table<CustomEntityRow, string>;
  cache!: Table<CacheRow, string>;
  meta!: Table<MetaRow, string>;

  constructor(name: string, deps?: KnowledgeDbDeps) {
    super(name, deps ? { indexedDB: deps.indexedDB, IDBKeyRange: deps.IDBKeyRange } : undefined);
    this.version(1).stores(SCHEMA_V1);
    this.version(2)
      .stores(SCHEMA_V2)
      .upgrade((tx) => upgradeV1toV2(tx));
    this.version(3)
      .stores(SCHEMA_V3)
      .upgrade((tx) => upgradeV2toV3(tx));
  }
}

type Loose = Record<string, unknown>;

/** v1 → v2: alias keys and `ord` for entities, renamed fields in packs/notes/muted/reports, stale matcher dropped. */
async function upgradeV1toV2(tx: import('dexie').Transaction): Promise<void> {
  const now = Date.now();
  const perPack = new Map<string, { count: number; aliases: number; byType: Partial<Record<EntityType, number>> }>();
  await tx
    .table('entities')
    .toCollection()
    .modify((e: Loose) => {
      const ent = e as unknown as EntityRow & { seq?: number; aliasKeys?: string[] };
      ent.aliases = Array.isArray(ent.aliases) ? ent.aliases : [];
      ent.aliasKeys = aliasKeysOf(ent);
      ent.domainKeys = domainKeysOf(ent);
      ent.ord = typeof ent.seq === 'number' ? ent.seq : (ent.ord ?? 0);
      delete ent.seq;
      ent.updatedAt = typeof ent.updatedAt === 'number' ? ent.updatedAt : now;
      let agg = perPack.get(ent.packId);
      if (!agg) perPack.set(ent.packId, (agg = { count: 0, aliases: 0, byType: {} }));
      agg.count++;
      agg.aliases += ent.aliases.length;
      agg.byType[ent.type] = (agg.byType[ent.type] ?? 0) + 1;
    });
  await tx
    .table('packs')
    .toCollection()
    .modify((p: Loose) => {
      const agg = perPack.get(p.id as string) ?? { count: 0, aliases: 0, byType: {} };
      p.entityCount = agg.count;
      p.aliasCount = agg.aliases;
      p.byType = agg.byType;
      p.enabled = p.enabled ?? !p.disabled;
      p.installedAt = typeof p.installedAt === 'number' ? p.installedAt : now;
      p.meta ??= { id: p.id, name: p.name, version: p.version, license: p.license };
      delete p.count;
      delete p.disabled;
    });
  await tx
    .table('notes')
    .toCollection()
    .modify((n: Loose) => {
      n.text = typeof n.text === 'string' ? n.text : String(n.note ?? '');
      n.updatedAt = typeof n.at === 'number' ? n.at : now;
      delete n.note;
      delete n.at;
    });
  await tx
    .table('notes')
    .filter((n: Loose) => (n.text as string).trim() === '')
    .delete();
  await tx
    .table('muted')
    .toCollection()
    .modify((m: Loose) => {
      m.mutedAt = typeof m.at === 'number' ? m.at : now;
      delete m.at;
    });
  await tx
    .table('reports')
    .toCollection()
    .modify((r: Loose) => {
      r.createdAt = typeof r.at === 'number' ? r.at : now;
      delete r.at;
    });
  // The serialised matcher was built from v1 rows; let it be rebuilt.
  await tx.table('meta').delete('matcher');
}

/**
 * v2 → v3: entity rows become EntityRecord (the entity as JSON, without `aliasKeys`), and the
 * `*aliasKeys` index is replaced by one `aliasIndex` row per pack. One pass over the entities rewrites
 * them and collects what the index needs; then each pack gets its index row and the matching stamp.
 * The entities' data, user data and `meta` are otherwise unchanged.
 */
async function upgradeV2toV3(tx: import('dexie').Transaction): Promise<void> {
  type Slim = { ord: number; id: string; name: string; type: EntityType; aliases: string[] };
  const perPack = new Map<string, Slim[]>();
  await tx
    .table('entities')
    .toCollection()
    .modify((e: Loose, ref: { value: unknown }) => {
      // eslint-disable-next-line @typescript-eslint/no-unused-vars
      const { key, packId, ord, aliasKeys, domainKeys, updatedAt, ...entity } = e as unknown as EntityRow & { aliasKeys?: string[] };
      const rec: EntityRecord = { key, id: entity.id, packId, ord, domainKeys, updatedAt, json: JSON.stringify(entity) };
      ref.value = rec;
      let list = perPack.get(packId);
      if (!list) perPack.set(packId, (list = []));
      list.push({ ord, id: entity.id, name: entity.name, type: entity.type, aliases: Array.isArray(entity.aliases) ? entity.aliases : [] });
    });
  const packIds = (await tx.table('packs').toCollection().primaryKeys()) as string[];
  for (const packId of packIds) {
    // Index positions follow pack order, as importPack writes them.
    const ents = (perPack.get(packId) ?? []).sort((a, b) => a.ord - b.ord);
    const row = buildAliasIndex(packId, ents);
    await tx.table('aliasIndex').put(row);
    await tx.table('packs').update(packId, { aliasStamp: row.stamp });
  }
}
