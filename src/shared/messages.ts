// The one message protocol between the content script, the extension pages and the background.
// Message names are grouped by direction (as Dark Reader does) so a receiver can only be asked what is
// meant for it; every payload is validated by a schema on arrival, whoever sent it.
import * as v from 'valibot';
import type { EntityType, Fact, Source } from '../core/types';
import type { TextMatch } from '../core/match';

const id = v.pipe(v.string(), v.minLength(1), v.maxLength(200));
const shortText = v.pipe(v.string(), v.maxLength(500));
const hostname = v.pipe(v.string(), v.maxLength(253), v.regex(/^[a-z0-9.-]*$/i));

/** What a popover or the outline shows about one entity (from a pack or the reader's custom entities). */
export interface EntityView {
  id: string;
  name: string;
  type: EntityType;
  description: string;
  summary: string;
  aliases: string[];
  facts: Fact[];
  sources: Source[];
  asOf?: string;
  wikidataId?: string;
  domains?: string[];
  packId: string;
  packName: string;
  note?: string;
  muted: boolean;
}

export interface PackInfo {
  id: string;
  name: string;
  version: string;
  license: string;
  entityCount: number;
  installedAt: number;
  enabled: boolean;
}

export interface ImportProblem {
  entityIndex?: number;
  line?: number;
  field: string;
  message: string;
}

export interface KbStats {
  entities: number;
  aliases: number;
  packs: number;
  byType: Partial<Record<EntityType, number>>;
  matcherBuiltAt?: number;
  matcherBuildMs?: number;
}

// ---- content script / extension pages → background -------------------------------------------

/** Characters per import message: ≤ 3 bytes each in UTF-8, so a chunk stays far below Chrome's 64 MiB cap. */
export const IMPORT_CHUNK_CHARS = 8_000_000;

/** A pack file's text in pieces of at most IMPORT_CHUNK_CHARS (one piece when it fits a single message). */
export function messageChunks(text: string): string[] {
  if (text.length <= IMPORT_CHUNK_CHARS) return [text];
  const pieces: string[] = [];
  for (let i = 0; i < text.length; i += IMPORT_CHUNK_CHARS) pieces.push(text.slice(i, i + IMPORT_CHUNK_CHARS));
  return pieces;
}

export const toBackground = {
  /** Find entities in a page's text blocks. The alias index stays in the background (see docs/architecture.md). */
  scan: v.object({
    blocks: v.pipe(v.array(v.pipe(v.string(), v.maxLength(200_000))), v.maxLength(5_000)),
    pageLang: v.optional(v.pipe(v.string(), v.maxLength(35))),
    seenEntityIds: v.pipe(v.array(id), v.maxLength(5_000)),
    detectUnknown: v.optional(v.boolean()),
  }),
  getEntities: v.object({ ids: v.pipe(v.array(id), v.maxLength(1_000)) }),
  /** Which entities have this exact name or alias (the context menu's lookup of a selection). */
  lookupName: v.object({ text: shortText }),
  getPublisher: v.object({ hostname }),
  setMuted: v.object({ id, muted: v.boolean() }),
  reportWrongMatch: v.object({ id, text: shortText, hostname }),
  /** Opens the entity in the options page's browser (content scripts cannot open extension pages). */
  openEntry: v.object({ id }),
  // Extension pages only (popup, options): see EXTENSION_PAGE_ONLY.
  listPacks: v.object({}),
  setPackEnabled: v.object({ id, enabled: v.boolean() }),
  removePack: v.object({ id }),
  /** A pack file small enough for one message, or the id of an upload sent with importChunk. */
  importPack: v.object({
    text: v.optional(v.pipe(v.string(), v.maxLength(IMPORT_CHUNK_CHARS))),
    uploadId: v.optional(v.pipe(v.string(), v.regex(/^[a-z0-9-]{8,64}$/))),
    /** With uploadId: how many pieces were sent, so a lost one is noticed. */
    parts: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(200))),
    fileName: shortText,
  }),
  /** One piece of a large pack file. Chrome refuses messages over 64 MiB, and packs can be larger. */
  importChunk: v.object({
    uploadId: v.pipe(v.string(), v.regex(/^[a-z0-9-]{8,64}$/)),
    index: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(199)),
    text: v.pipe(v.string(), v.maxLength(IMPORT_CHUNK_CHARS)),
  }),
  exportPack: v.object({ id, jsonl: v.optional(v.boolean()) }),
  /** The remaining pieces of an export too large for one reply (see IMPORT_CHUNK_CHARS). */
  exportChunk: v.object({ exportId: v.pipe(v.string(), v.regex(/^[a-z0-9-]{8,64}$/)), index: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(199)) }),
  stats: v.object({}),
  searchEntities: v.object({ prefix: shortText, limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(200))) }),
  setNote: v.object({ id, text: v.pipe(v.string(), v.maxLength(10_000)) }),
  listUserData: v.object({}),
  deleteReport: v.object({ reportId: v.number() }),
  restoreReport: v.object({ report: v.object({ id, text: shortText, hostname, createdAt: v.number() }) }),
  addCustomEntity: v.object({ entity: v.unknown() }),
  removeCustomEntity: v.object({ id }),
  cacheInfo: v.object({}),
  clearCache: v.object({}),
} as const;

export type ToBackground = typeof toBackground;
export type BackgroundMessageType = keyof ToBackground;

export interface ReportView {
  reportId: number;
  id: string;
  text: string;
  hostname: string;
  createdAt: number;
  entityName?: string;
}

export interface BackgroundResponses {
  scan: { matches: TextMatch[] };
  getEntities: { entities: EntityView[] };
  /** At most 10, entities of enabled packs only, in primary-key order. */
  lookupName: { entities: EntityView[] };
  getPublisher: { entity: EntityView | null };
  setMuted: { ok: true };
  reportWrongMatch: { ok: true };
  openEntry: { ok: true };
  listPacks: { packs: PackInfo[] };
  setPackEnabled: { ok: true };
  removePack: { ok: true };
  importPack: { ok: true; pack: PackInfo } | { ok: false; errors: ImportProblem[] };
  importChunk: { ok: true };
  /** `text` is the whole file, or its first piece when `parts` > 1 (fetch the rest with exportChunk). */
  exportPack: { text: string; fileName: string; parts: number; exportId?: string };
  exportChunk: { text: string };
  stats: KbStats;
  searchEntities: { entities: EntityView[] };
  setNote: { ok: true };
  listUserData: { muted: EntityView[]; reports: ReportView[]; custom: EntityView[]; notes: { id: string; text: string; name?: string }[] };
  deleteReport: { ok: true };
  restoreReport: { ok: true };
  addCustomEntity: { ok: true } | { ok: false; errors: ImportProblem[] };
  removeCustomEntity: { ok: true };
  cacheInfo: { entries: number; bytes: number };
  clearCache: { ok: true };
}

/** Content scripts run inside web pages, so they may only ask what a page view needs. */
export const CONTENT_ALLOWED: ReadonlySet<BackgroundMessageType> = new Set([
  'scan',
  'getEntities',
  'lookupName',
  'getPublisher',
  'setMuted',
  'reportWrongMatch',
  'openEntry',
]);

// ---- background / popup → content script ------------------------------------------------------

export const toContent = {
  getPageSummary: v.object({}),
  scrollToEntity: v.object({ id }),
  lookupText: v.object({ text: shortText }),
  toggleTab: v.object({}),
} as const;
export type ToContent = typeof toContent;
export type ContentMessageType = keyof ToContent;

export interface PageEntitySummary {
  id: string;
  name: string;
  type: EntityType;
  count: number;
}

export interface ContentResponses {
  getPageSummary: {
    hostname: string;
    title: string;
    active: boolean;
    pausedForTab: boolean;
    entities: PageEntitySummary[];
  };
  scrollToEntity: { found: boolean };
  lookupText: { found: boolean };
  toggleTab: { active: boolean };
}

// ---- envelope ----------------------------------------------------------------------------------

export interface Envelope<K extends string = string> {
  channel: typeof CHANNEL;
  type: K;
  payload: unknown;
}
export const CHANNEL = 'context-overlays/1';

export type Reply<T> = { ok: true; data: T } | { ok: false; error: string };

export type RequestOf<M extends Record<string, v.GenericSchema>, K extends keyof M> = v.InferOutput<M[K]>;

/** Parses an incoming envelope against one direction's schemas; returns an error string for anything else. */
export function parseEnvelope<M extends Record<string, v.GenericSchema>>(
  schemas: M,
  raw: unknown,
): { type: keyof M & string; payload: unknown } | { error: string } {
  if (typeof raw !== 'object' || raw === null) return { error: 'not an object' };
  const env = raw as Partial<Envelope>;
  if (env.channel !== CHANNEL) return { error: 'unknown channel' };
  if (typeof env.type !== 'string' || !Object.hasOwn(schemas, env.type)) return { error: `unknown message type ${String(env.type)}` };
  const schema = schemas[env.type as keyof M]!;
  const result = v.safeParse(schema, env.payload);
  if (!result.success) {
    const issue = result.issues[0];
    const where = issue.path?.map((p) => String(p.key)).join('.') ?? '';
    return { error: `invalid ${env.type} payload${where ? ` at ${where}` : ''}: ${issue.message}` };
  }
  return { type: env.type as keyof M & string, payload: result.output };
}

export function envelope<K extends string>(type: K, payload: unknown): Envelope<K> {
  return { channel: CHANNEL, type, payload };
}
