// The matcher exactly as the extension builds it, for the quality evaluation (test/eval/run.mjs
// bundles this file with esbuild and imports it). Path, as in the background (kb-service.ts):
//   starter pack JSON (build.mjs assembleStarterPack) → parsePackJson → importPack into a KnowledgeDb
//   (fake-indexeddb here, IndexedDB in the browser) → allMatcherEntities → buildMatcher.
// The serialised matcher (what a restarted service worker reloads) is also returned so the runner can
// check that it scans the same.
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { KnowledgeDb } from '../../src/core/kb/db';
import { importPack } from '../../src/core/kb/import';
import { aliasKey } from '../../src/core/kb/normalize';
import { allMatcherEntities } from '../../src/core/kb/queries';
import { buildMatcher, Matcher, type MatcherEntity, type TextMatch, type ScanOptions } from '../../src/core/match';
import { surnameFor } from '../../src/core/match/coref';
import { parsePackJson } from '../../src/core/pack/schema';
import { NEVER_WORDS, STOP_WORDS } from '../../src/core/match/stopwords';

export type { MatcherEntity, TextMatch, ScanOptions };

export interface Product {
  matcher: Matcher;
  reloaded: Matcher;
  entities: MatcherEntity[];
  /** aliasKey(name | alias | derived person surname) → entity ids that answer to it. */
  surfaces: Map<string, string[]>;
  /** aliasKey(derived person surname) → person ids (surnames that are not also a full alias). */
  surnames: Map<string, string[]>;
}

export { aliasKey, NEVER_WORDS, STOP_WORDS };

export async function loadProduct(packText: string): Promise<Product> {
  const parsed = parsePackJson(packText);
  if (!parsed.ok) {
    throw new Error(`starter pack is invalid: ${parsed.errors.slice(0, 5).map((e) => e.message).join('; ')}`);
  }
  const db = new KnowledgeDb(`eval-${process.pid}-${Date.now()}`, { indexedDB, IDBKeyRange });
  await db.open();
  await importPack(db, parsed.pack);
  const entities = await allMatcherEntities(db);
  db.close();
  const matcher = buildMatcher(entities);
  const reloaded = Matcher.deserialize(matcher.serialize());

  const surfaces = new Map<string, string[]>();
  const surnames = new Map<string, string[]>();
  const add = (m: Map<string, string[]>, s: string, id: string) => {
    const k = aliasKey(s);
    if (!k) return;
    const ids = m.get(k);
    if (!ids) m.set(k, [id]);
    else if (!ids.includes(id)) ids.push(id);
  };
  for (const e of entities) {
    for (const a of [e.name, ...e.aliases]) {
      add(surfaces, a, e.id);
      if (e.type === 'person') {
        const s = surnameFor(a);
        if (s) {
          add(surfaces, s, e.id);
          add(surnames, s, e.id);
        }
      }
    }
  }
  return { matcher, reloaded, entities, surfaces, surnames };
}
