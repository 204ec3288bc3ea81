// Owns the knowledge base and the matcher for the background context.
// Chrome may stop the MV3 service worker whenever it is idle, so nothing here lives only in memory:
// the database is IndexedDB, and the matcher is rebuilt from it, or reloaded from its serialised copy
// in the `meta` table, on the first request after a restart.
import browser from '../shared/browser';
import { KnowledgeDb } from '../core/kb/db';
import { importPack } from '../core/kb/import';
import { allMatcherEntities, listPacks } from '../core/kb/queries';
import { parsePackJson } from '../core/pack/schema';
import { buildMatcher, Matcher } from '../core/match';

const DB_NAME = 'context-overlays';
const MATCHER_KEY = 'matcher';

let dbPromise: Promise<KnowledgeDb> | null = null;
let matcherPromise: Promise<Matcher> | null = null;
let lastBuild: { at: number; ms: number } | undefined;

export function db(): Promise<KnowledgeDb> {
  dbPromise ??= (async () => {
    const kb = new KnowledgeDb(DB_NAME);
    await kb.open();
    await ensureStarterPack(kb);
    return kb;
  })().catch((err) => {
    dbPromise = null; // let the next request try again rather than failing forever
    throw err;
  });
  return dbPromise;
}

/** Installs or updates the bundled starter pack when it is missing or older than the shipped one. */
async function ensureStarterPack(kb: KnowledgeDb): Promise<void> {
  const shippedVersion = browser.runtime.getManifest().version;
  const installed = (await listPacks(kb)).find((p) => p.id === 'starter');
  if (installed && installed.version === shippedVersion) return;
  const text = await (await fetch(browser.runtime.getURL('packs/starter.json'))).text();
  const parsed = parsePackJson(text);
  if (!parsed.ok) {
    throw new Error(`bundled starter pack is invalid: ${parsed.errors.slice(0, 3).map((e) => e.message).join('; ')}`);
  }
  await importPack(kb, parsed.pack);
  if (installed && !installed.enabled) {
    // An update must not silently re-enable a pack the reader turned off.
    await kb.packs.update('starter', { enabled: false });
  }
}

/** A hash of what the matcher depends on: which packs (and versions) are enabled, and custom entities. */
async function packSetKey(kb: KnowledgeDb): Promise<string> {
  const packs = await listPacks(kb);
  const customCount = await kb.customEntities.count();
  const customLatest = (await kb.customEntities.orderBy('updatedAt').last())?.updatedAt ?? 0;
  return JSON.stringify([
    packs.filter((p) => p.enabled).map((p) => [p.id, p.version, p.entityCount, p.installedAt]),
    customCount,
    customLatest,
  ]);
}

export function matcher(): Promise<Matcher> {
  matcherPromise ??= (async () => {
    const kb = await db();
    const key = await packSetKey(kb);
    const saved = await kb.meta.get(MATCHER_KEY);
    if (saved && saved.value && (saved.value as { key?: string }).key === key) {
      try {
        return Matcher.deserialize((saved.value as { data: Uint8Array | string }).data);
      } catch {
        // A matcher serialised by an older build: fall through and rebuild.
      }
    }
    const t0 = performance.now();
    const built = buildMatcher(await allMatcherEntities(kb));
    lastBuild = { at: Date.now(), ms: performance.now() - t0 };
    await kb.meta.put({ key: MATCHER_KEY, value: { key, data: built.serialize(), builtAt: lastBuild.at, buildMs: lastBuild.ms } });
    return built;
  })().catch((err) => {
    matcherPromise = null;
    throw err;
  });
  return matcherPromise;
}

/** Packs or custom entities changed: the next scan rebuilds the matcher. */
export function invalidateMatcher(): void {
  matcherPromise = null;
}

export async function matcherBuildInfo(): Promise<{ at?: number; ms?: number }> {
  if (lastBuild) return lastBuild;
  const saved = (await (await db()).meta.get(MATCHER_KEY))?.value as { builtAt?: number; buildMs?: number } | undefined;
  return { at: saved?.builtAt, ms: saved?.buildMs };
}
