// Pack import and export. Import is one read-write transaction over `entities`, `aliasIndex` and `packs`:
// the pack's previous entities are deleted, the new ones added in chunks, and the alias index row and
// pack row written. If anything fails, IndexedDB aborts the transaction and the database is exactly as it
// was before.
import type { PackEntity, PackFile, EntityType } from '../types';
import type { PackInfo } from '../../shared/messages';
import { buildAliasIndex, rememberAliasIndex } from './alias-index';
import { encodeEntity, type EntityRecord, type EntityRow, type KnowledgeDb, type PackRow } from './db';

export const IMPORT_CHUNK = 5_000;

export interface ImportOptions {
  /** Called with (entities written, total) after the old entities are removed and after every chunk. */
  onProgress?: (done: number, total: number) => void;
}

/** Primary-key range of one pack's entity rows (`${packId}:…`; ':' + 1 is ';'). */
export function packKeyRange(packId: string): [string, string] {
  return [`${packId}:`, `${packId};`];
}

export function toPackInfo(p: PackRow): PackInfo {
  return {
    id: p.id,
    name: p.name,
    version: p.version,
    license: p.license,
    entityCount: p.entityCount,
    installedAt: p.installedAt,
    enabled: p.enabled,
  };
}

/** Installs a pack, replacing any earlier version of it. The pack must already be validated (pack/schema.ts). */
export async function importPack(db: KnowledgeDb, pack: PackFile, opts: ImportOptions = {}): Promise<PackInfo> {
  const meta = pack.pack;
  const packId = meta.id;
  const now = Date.now();
  const total = pack.entities.length;
  const byType: Partial<Record<EntityType, number>> = {};
  let aliasCount = 0;
  for (const e of pack.entities) {
    byType[e.type] = (byType[e.type] ?? 0) + 1;
    aliasCount += e.aliases.length;
  }
  // Built before the transaction: pure computation that must not hold it open.
  const aliasIndex = buildAliasIndex(packId, pack.entities);
  // Rows are built one chunk at a time (keeps peak memory and GC down for 100k+ entities).
  const buildRows = (from: number, to: number): EntityRecord[] => {
    const rows: EntityRecord[] = new Array(to - from);
    for (let i = from; i < to; i++) rows[i - from] = encodeEntity(pack.entities[i]!, packId, i, now);
    return rows;
  };
  let row!: PackRow;
  await db.transaction('rw', db.entities, db.aliasIndex, db.packs, async () => {
    const existing = await db.packs.get(packId);
    // Installation order decides which pack wins for an id that several packs share: keep it strict
    // even when two imports land in the same millisecond.
    let latest = 0;
    await db.packs.each((p) => {
      if (p.installedAt > latest) latest = p.installedAt;
    });
    const installedAt = Math.max(now, latest + 1);
    const [lo, hi] = packKeyRange(packId);
    await db.entities.where('key').between(lo, hi, true, false).delete();
    opts.onProgress?.(0, total);
    for (let i = 0; i < total; i += IMPORT_CHUNK) {
      const end = Math.min(i + IMPORT_CHUNK, total);
      await db.entities.bulkAdd(buildRows(i, end));
      opts.onProgress?.(end, total);
    }
    await db.aliasIndex.put(aliasIndex);
    row = {
      id: packId,
      name: meta.name,
      version: meta.version,
      license: meta.license,
      entityCount: total,
      installedAt,
      enabled: existing ? existing.enabled : true,
      meta,
      aliasCount,
      byType,
      aliasStamp: aliasIndex.stamp,
    };
    await db.packs.put(row);
  });
  // Only now: an aborted import must leave this connection's copy of the previous index in place.
  rememberAliasIndex(db, aliasIndex);
  return toPackInfo(row);
}

/** A decoded row (db.ts decodeEntity) back to the entity as it was in the pack (bookkeeping removed, key order kept). */
export function rowToEntity(row: EntityRow): PackEntity {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { key, packId, ord, domainKeys, updatedAt, ...entity } = row;
  return entity;
}

async function packRecords(db: KnowledgeDb, id: string): Promise<{ pack: PackRow; records: EntityRecord[] }> {
  return db.transaction('r', db.entities, db.packs, async () => {
    const pack = await db.packs.get(id);
    if (!pack) throw new Error(`no installed pack with id "${id}"`);
    const [lo, hi] = packKeyRange(id);
    const records = await db.entities.where('key').between(lo, hi, true, false).toArray();
    records.sort((a, b) => a.ord - b.ord);
    return { pack, records };
  });
}

/** The installed pack in the pack format, entities in their original order. */
export async function exportPack(db: KnowledgeDb, id: string): Promise<PackFile> {
  const { pack, records } = await packRecords(db, id);
  return { format: 'context-overlays-pack', formatVersion: 1, pack: pack.meta, entities: records.map((r) => JSON.parse(r.json) as PackEntity) };
}

/** The installed pack as JSON Lines: a header line, then one entity per line (the stored JSON as is). */
export async function exportPackJsonl(db: KnowledgeDb, id: string): Promise<string> {
  const { pack, records } = await packRecords(db, id);
  const out: string[] = [JSON.stringify({ format: 'context-overlays-pack', formatVersion: 1, pack: pack.meta })];
  for (const r of records) out.push(r.json);
  return out.join('\n') + '\n';
}
