// One handler per message type (a handler map, as Vimium does), each receiving an already-validated
// payload. Adding a message type without a handler is a type error.
import type { BackgroundMessageType, BackgroundResponses, RequestOf, ToBackground } from '../shared/messages';
import * as q from '../core/kb/queries';
import { aliasKey } from '../core/kb/normalize';
import { importPack, exportPack, exportPackJsonl } from '../core/kb/import';
import { parsePackJson, parsePackJsonl, validateEntity } from '../core/pack/schema';
import browser from '../shared/browser';
import { messageChunks } from '../shared/messages';
import { t } from '../shared/i18n';
import { db, invalidateMatcher, matcher, matcherBuildInfo } from './kb-service';

type Handlers = {
  [K in BackgroundMessageType]: (payload: RequestOf<ToBackground, K>) => Promise<BackgroundResponses[K]>;
};

/** Large pack files arrive in pieces (importChunk) before importPack; keyed by an upload id. */
const uploads = new Map<string, string[]>();
/** Large exports leave in pieces too (exportChunk), keyed by an export id. */
const exports = new Map<string, string[]>();

export const handlers: Handlers = {
  async scan({ blocks, pageLang, seenEntityIds, detectUnknown }) {
    const [m, kb] = await Promise.all([matcher(), db()]);
    const disabledEntityIds = await q.listMutedIds(kb);
    return { matches: m.scan(blocks, { pageLang, seenEntityIds, detectUnknown, disabledEntityIds }) };
  },

  async getEntities({ ids }) {
    return { entities: await q.getEntities(await db(), ids) };
  },

  async lookupName({ text }) {
    const kb = await db();
    const key = aliasKey(text);
    if (!key) return { entities: [] };
    // The alias index names the candidates without reading rows; only the (at most 10) shown are read.
    const hits = (await q.lookupAliases(kb, [key])).get(key) ?? [];
    const ids = [...new Set(hits.map((h) => h.id))].slice(0, 30);
    return { entities: (await q.getEntities(kb, ids)).slice(0, 10) };
  },

  async getPublisher({ hostname }) {
    return { entity: await q.findPublisherByDomain(await db(), hostname) };
  },

  async setMuted({ id, muted }) {
    await q.setMuted(await db(), id, muted);
    return { ok: true };
  },

  async reportWrongMatch({ id, text, hostname }) {
    await q.addReport(await db(), { id, text, hostname });
    return { ok: true };
  },

  async openEntry({ id }) {
    await browser.tabs.create({ url: browser.runtime.getURL(`options.html#entity=${encodeURIComponent(id)}`) });
    return { ok: true };
  },

  async listPacks() {
    return { packs: await q.listPacks(await db()) };
  },

  async setPackEnabled({ id, enabled }) {
    await q.setPackEnabled(await db(), id, enabled);
    invalidateMatcher();
    return { ok: true };
  },

  async removePack({ id }) {
    await q.removePack(await db(), id);
    invalidateMatcher();
    return { ok: true };
  },

  async importChunk({ uploadId, index, text }) {
    const parts = uploads.get(uploadId) ?? [];
    parts[index] = text;
    uploads.set(uploadId, parts);
    return { ok: true };
  },

  async importPack({ text: single, uploadId, parts: expected, fileName }) {
    let text = single;
    if (uploadId !== undefined) {
      const parts = uploads.get(uploadId);
      uploads.delete(uploadId);
      // Chunks live in memory only: if the worker was stopped mid-upload they are gone, and the reader
      // is asked to try again rather than importing half a file. (A for loop, not .some(): a lost
      // middle piece is a hole in the array, which .some() skips.)
      let complete = !!parts && parts.length === expected;
      for (let i = 0; complete && i < parts!.length; i++) complete = parts![i] !== undefined;
      if (!complete) {
        return { ok: false, errors: [{ field: '', message: t('errUploadInterrupted') }] };
      }
      text = parts!.join('');
    }
    if (text === undefined) return { ok: false, errors: [{ field: '', message: t('errNoPackData') }] };
    const parsed = /\.jsonl$/i.test(fileName) ? parsePackJsonl(text) : parsePackJson(text);
    if (!parsed.ok) return { ok: false, errors: parsed.errors };
    const kb = await db();
    await importPack(kb, parsed.pack);
    invalidateMatcher();
    const pack = (await q.listPacks(kb)).find((p) => p.id === parsed.pack.pack.id)!;
    return { ok: true, pack };
  },

  async exportPack({ id, jsonl }) {
    const kb = await db();
    const text = jsonl ? await exportPackJsonl(kb, id) : JSON.stringify(await exportPack(kb, id), null, 2);
    const fileName = `${id}.${jsonl ? 'jsonl' : 'json'}`;
    const pieces = messageChunks(text);
    if (pieces.length === 1) return { text, fileName, parts: 1 };
    const exportId = crypto.randomUUID();
    exports.set(exportId, pieces);
    return { text: pieces[0]!, fileName, parts: pieces.length, exportId };
  },

  async exportChunk({ exportId, index }) {
    const pieces = exports.get(exportId);
    const text = pieces?.[index];
    if (text === undefined) throw new Error(t('errExportInterrupted'));
    if (index === pieces!.length - 1) exports.delete(exportId);
    return { text };
  },

  async stats() {
    const s = await q.stats(await db());
    const build = await matcherBuildInfo();
    return { ...s, matcherBuiltAt: build.at, matcherBuildMs: build.ms };
  },

  async searchEntities({ prefix, limit }) {
    return { entities: await q.searchByPrefix(await db(), prefix, limit ?? 50) };
  },

  async setNote({ id, text }) {
    await q.setNote(await db(), id, text);
    return { ok: true };
  },

  async listUserData() {
    return q.listUserData(await db());
  },

  async deleteReport({ reportId }) {
    await q.deleteReport(await db(), reportId);
    return { ok: true };
  },

  async restoreReport({ report }) {
    await q.addReport(await db(), report);
    return { ok: true };
  },

  async addCustomEntity({ entity }) {
    const checked = validateEntity(entity);
    if (!checked.ok) return { ok: false, errors: checked.errors };
    await q.putCustomEntity(await db(), checked.entity);
    invalidateMatcher();
    return { ok: true };
  },

  async removeCustomEntity({ id }) {
    await q.removeCustomEntity(await db(), id);
    invalidateMatcher();
    return { ok: true };
  },

  async cacheInfo() {
    return q.cacheInfo(await db());
  },

  async clearCache() {
    await q.clearCache(await db());
    return { ok: true };
  },
};
