// The alias index: for each installed pack, its entities' normalised names and aliases (normalize.ts
// aliasKey), sorted, each with the entities that carry it.
//
// Why not a multi-entry IndexedDB index (`*aliasKeys` on `entities`, as in schema v2)? A 100k pack has
// ~350k alias keys, and every one of them was an index record written on import, one at a time, and
// read back one request at a time on lookup. Built in memory and stored as ONE row per pack (a few
// strings and typed arrays, ~10 MB for 100k entities), the index costs one put on import and one get
// to load; IndexedDB (and structuredClone) copies strings and typed arrays wholesale.
//
// Loaded rows are kept in memory per database connection, like the matcher in the background: the row
// carries a `stamp`, written with it (in the same transaction) into the pack row, so one read of the
// small `packs` table tells whether the copy in memory is still current. Nothing depends on the copy
// surviving: after a service-worker restart the row is simply loaded again.
import type { KnowledgeDb, PackRow } from './db';
import { ENTITY_TYPES, type EntityType } from '../types';
import { aliasKeysOf } from './normalize';

/** One pack's alias index as stored in the `aliasIndex` table. Entity positions index into `ids`. */
export interface AliasIndexRow {
  packId: string;
  /** New on every write; PackRow.aliasStamp holds the same value. */
  stamp: string;
  /** The sorted distinct alias keys, concatenated: key i is keys.slice(keyStarts[i], keyStarts[i + 1]). */
  keys: string;
  keyStarts: Uint32Array;
  /** Key i's entities (ascending positions): postings[postStarts[i] … postStarts[i + 1]). */
  postings: Uint32Array;
  postStarts: Uint32Array;
  /** The pack's entity ids in pack order, concatenated: id j is ids.slice(idStarts[j], idStarts[j + 1]). */
  ids: string;
  idStarts: Uint32Array;
  /**
   * Entity j's name (names.slice(nameStarts[j], nameStarts[j + 1])) and type (ENTITY_TYPES[types[j]]), so an
   * alias lookup can say which entities a name means without reading one entity row per hit (a request each:
   * ~20 µs in fake-indexeddb, ~0.1 ms in Chromium). Absent in rows written before 2026-11-25; lookupAliases
   * then reads those rows instead.
   */
  names?: string;
  nameStarts?: Uint32Array;
  types?: Uint8Array;
}

/** A fresh value for AliasIndexRow.stamp / PackRow.aliasStamp. */
export function newAliasStamp(): string {
  // randomUUID needs a secure context (extension pages and workers are); it only has to be unique in practice.
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}-${Math.random().toString(36).slice(2)}`;
}

const TYPE_CODE = new Map<string, number>(ENTITY_TYPES.map((t, i) => [t, i]));

/** Concatenates strings and records where each starts (plus the total length at the end). */
function concat(parts: readonly string[]): { text: string; starts: Uint32Array } {
  const starts = new Uint32Array(parts.length + 1);
  let at = 0;
  for (let i = 0; i < parts.length; i++) {
    starts[i] = at;
    at += parts[i]!.length;
  }
  starts[parts.length] = at;
  return { text: parts.join(''), starts };
}

/** Builds a pack's index from its entities (in pack order). Pure: no database access. */
export function buildAliasIndex(
  packId: string,
  entities: readonly { id: string; name: string; type: EntityType; aliases?: readonly string[] }[],
  stamp: string = newAliasStamp(),
): AliasIndexRow {
  // Most keys belong to one entity: keep a bare number until a second one shows up (saves ~250k small
  // arrays for a 100k pack).
  const byKey = new Map<string, number | number[]>();
  let pairs = 0;
  for (let i = 0; i < entities.length; i++) {
    for (const k of aliasKeysOf(entities[i]!)) {
      const cur = byKey.get(k);
      if (cur === undefined) byKey.set(k, i);
      else if (typeof cur === 'number') byKey.set(k, [cur, i]);
      else cur.push(i);
      pairs++;
    }
  }
  // Default sort compares UTF-16 code units: the same order as IndexedDB keys, so prefix ranges are contiguous.
  const sorted = [...byKey.keys()].sort();
  const postings = new Uint32Array(pairs);
  const postStarts = new Uint32Array(sorted.length + 1);
  let at = 0;
  for (let i = 0; i < sorted.length; i++) {
    postStarts[i] = at;
    const cur = byKey.get(sorted[i]!)!;
    if (typeof cur === 'number') postings[at++] = cur;
    else for (const pos of cur) postings[at++] = pos; // ascending: pushed in entity order
  }
  postStarts[sorted.length] = at;
  const keys = concat(sorted);
  const ids = concat(entities.map((e) => e.id));
  const names = concat(entities.map((e) => e.name));
  const types = Uint8Array.from(entities, (e) => TYPE_CODE.get(e.type) ?? 0);
  return {
    packId, stamp, keys: keys.text, keyStarts: keys.starts, postings, postStarts, ids: ids.text, idStarts: ids.starts,
    names: names.text, nameStarts: names.starts, types,
  };
}

/** Read-only view over an AliasIndexRow: binary search on the concatenated keys, no parsing. */
export class AliasIndex {
  readonly size: number;

  constructor(readonly row: AliasIndexRow) {
    this.size = row.keyStarts.length - 1;
  }

  get packId(): string {
    return this.row.packId;
  }

  get stamp(): string {
    return this.row.stamp;
  }

  keyAt(i: number): string {
    return this.row.keys.slice(this.row.keyStarts[i], this.row.keyStarts[i + 1]);
  }

  idAt(pos: number): string {
    return this.row.ids.slice(this.row.idStarts[pos], this.row.idStarts[pos + 1]);
  }

  /** Entity pos's name and type, when the row carries them (see AliasIndexRow.names). */
  headerAt(pos: number): { name: string; type: EntityType } | undefined {
    const { names, nameStarts, types } = this.row;
    if (names === undefined || !nameStarts || !types) return undefined;
    return { name: names.slice(nameStarts[pos], nameStarts[pos + 1]), type: ENTITY_TYPES[types[pos]!] ?? ENTITY_TYPES[0] };
  }

  /** The first key position whose key is ≥ k (size if none). */
  lowerBound(k: string): number {
    let lo = 0;
    let hi = this.size;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.keyAt(mid) < k) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Positions (into ids) of the entities carrying key position i. */
  postingsAt(i: number): Uint32Array {
    return this.row.postings.subarray(this.row.postStarts[i], this.row.postStarts[i + 1]);
  }

  /** Positions of the entities whose name or an alias has exactly this key. */
  find(k: string): Uint32Array | undefined {
    const i = this.lowerBound(k);
    return i < this.size && this.keyAt(i) === k ? this.postingsAt(i) : undefined;
  }
}

// Per connection, so separate KnowledgeDb instances (tests, benchmarks) never share copies.
const loaded = new WeakMap<KnowledgeDb, Map<string, AliasIndex>>();

/** Keeps a just-written index in memory (call only once its transaction has committed). */
export function rememberAliasIndex(db: KnowledgeDb, row: AliasIndexRow): void {
  let m = loaded.get(db);
  if (!m) loaded.set(db, (m = new Map()));
  m.set(row.packId, new AliasIndex(row));
}

/**
 * The alias indexes of these packs: the copy in memory when its stamp matches the pack row, otherwise
 * loaded (one request for all that are missing). Call inside a transaction over `aliasIndex` so the
 * indexes agree with the pack rows and entities read in it.
 */
export async function aliasIndexesOf(db: KnowledgeDb, packs: readonly PackRow[]): Promise<AliasIndex[]> {
  let m = loaded.get(db);
  if (!m) loaded.set(db, (m = new Map()));
  const out: AliasIndex[] = [];
  const missing: string[] = [];
  for (const p of packs) {
    const cur = m.get(p.id);
    if (cur && cur.stamp === p.aliasStamp) out.push(cur);
    else missing.push(p.id);
  }
  if (missing.length) {
    for (const row of await db.aliasIndex.bulkGet(missing)) {
      if (!row) continue; // a pack row without an index (never written by importPack): nothing to find
      const idx = new AliasIndex(row);
      m.set(row.packId, idx);
      out.push(idx);
    }
  }
  return out;
}

/** Drops this connection's copy of a pack's index (the pack was removed). */
export function forgetAliasIndex(db: KnowledgeDb, packId: string): void {
  loaded.get(db)?.delete(packId);
}
