import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { KnowledgeDb } from '../../../src/core/kb/db';
import type { PackEntity, PackFile } from '../../../src/core/types';

let n = 0;
export function freshName(tag = 'kb'): string {
  return `${tag}-${process.pid}-${++n}-${Math.random().toString(36).slice(2)}`;
}

export async function openDb(name = freshName()): Promise<KnowledgeDb> {
  const db = new KnowledgeDb(name, { indexedDB, IDBKeyRange });
  await db.open();
  return db;
}

/** Every row of every table, for before/after comparisons. */
export async function snapshot(db: KnowledgeDb): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const t of db.tables) out[t.name] = await t.toArray();
  return out;
}

export function entity(id: string, over: Partial<PackEntity> = {}): PackEntity {
  return {
    id,
    name: over.name ?? id.replace(/-/g, ' ').replace(/\b\w/g, (c) => c.toUpperCase()),
    type: 'person',
    description: `About ${id}`,
    summary: `Summary of ${id}.`,
    aliases: [],
    facts: [{ label: 'Kind', value: 'Test', sourceIds: [0] }],
    sources: [{ title: id, url: `https://example.org/${id}`, publisher: 'Example' }],
    lang: 'en',
    ...over,
  };
}

export function pack(id: string, entities: PackEntity[], version = '1'): PackFile {
  return { format: 'context-overlays-pack', formatVersion: 1, pack: { id, name: `Pack ${id}`, version, license: 'CC0-1.0' }, entities };
}
