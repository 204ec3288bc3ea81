// The knowledge-pack format (docs/pack-format.md) as valibot schemas, plus the parsers that turn a
// pack file's text into a checked PackFile or a list of clear problems (entity index / line + field).
//
// Validation never transforms data: when a pack passes, the parsed objects are returned as they were
// read (same keys, same order), so parse → import → export reproduces the input exactly.
import * as v from 'valibot';
import { ENTITY_TYPES } from '../types';
import type { PackEntity, PackFile, PackMeta } from '../types';
import type { ImportProblem } from '../../shared/messages';

export const PACK_FORMAT = 'context-overlays-pack';
export const PACK_FORMAT_VERSION = 1;

/** Limits of the format, exported so docs, tests and UI agree. */
export const LIMITS = {
  idLength: 200,
  nameLength: 300,
  descriptionLength: 500,
  summaryLength: 5_000,
  aliases: 50,
  aliasLength: 200,
  facts: 50,
  factLabelLength: 200,
  factValueLength: 1_000,
  sourceIdsPerFact: 50,
  sources: 50,
  sourceTitleLength: 500,
  publisherLength: 200,
  urlLength: 2_048,
  domains: 50,
  titles: 50,
  titleLength: 100,
  context: 100,
  contextLength: 100,
  langLength: 35,
  entities: 1_000_000,
  packNameLength: 200,
  versionLength: 50,
  licenseLength: 200,
  packDescriptionLength: 2_000,
} as const;

/** At most this many problems are reported; after that validation stops. */
export const MAX_PROBLEMS = 50;

export const ID_RE = /^[a-z0-9][a-z0-9-]*$/;
export const HTTP_URL_RE = /^https?:\/\/[^\s/?#]+(?:[/?#]\S*)?$/i;
export const ISO_DATE_RE = /^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/;
export const WIKIDATA_RE = /^Q[1-9]\d*$/;
export const LANG_RE = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/;
export const DOMAIN_RE = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/;

const shown = (x: unknown): string => {
  if (typeof x === 'string') return JSON.stringify(x.length > 40 ? `${x.slice(0, 40)}…` : x);
  if (x === null) return 'null';
  if (Array.isArray(x)) return 'an array';
  return typeof x === 'object' ? 'an object' : String(x);
};

const tooLong = (max: number) => (i: { input: unknown }) =>
  `too long (${(i.input as string).length.toLocaleString('en')} characters, max ${max.toLocaleString('en')})`;
const text = (max: number) =>
  v.pipe(v.string('must be a string'), v.check((s) => s.trim().length > 0, 'must not be empty'), v.maxLength(max, tooLong(max)));
const optText = (max: number) => v.pipe(v.string('must be a string'), v.maxLength(max, tooLong(max)));
const list = <T extends v.GenericSchema>(item: T, max: number) =>
  v.pipe(v.array(item, 'must be an array'), v.maxLength(max, (i) => `too many (${(i.input as unknown[]).length}, max ${max})`));
const pattern = (re: RegExp, what: string) =>
  v.pipe(v.string('must be a string'), v.regex(re, (i) => `${shown(i.input)} ${what}`));

export const idSchema = v.pipe(
  v.string('must be a string'),
  v.maxLength(LIMITS.idLength, `longer than ${LIMITS.idLength} characters`),
  v.regex(ID_RE, (i) => `${shown(i.input)} must match ^[a-z0-9][a-z0-9-]*$ (lowercase letters, digits, hyphens)`),
);

const urlSchema = v.pipe(
  v.string('must be a string'),
  v.maxLength(LIMITS.urlLength, `longer than ${LIMITS.urlLength} characters`),
  v.regex(HTTP_URL_RE, (i) => `${shown(i.input)} is not an absolute http(s) URL`),
);
const dateSchema = pattern(ISO_DATE_RE, 'must be a date YYYY, YYYY-MM or YYYY-MM-DD');

export const sourceSchema = v.strictObject({
  title: text(LIMITS.sourceTitleLength),
  url: urlSchema,
  publisher: text(LIMITS.publisherLength),
  date: v.optional(dateSchema),
});

export const factSchema = v.strictObject({
  label: text(LIMITS.factLabelLength),
  value: text(LIMITS.factValueLength),
  sourceIds: list(v.pipe(v.number('must be a number'), v.integer('must be an integer'), v.minValue(0, 'must be ≥ 0')), LIMITS.sourceIdsPerFact),
});

export const entitySchema = v.strictObject({
  id: idSchema,
  name: text(LIMITS.nameLength),
  type: v.picklist(ENTITY_TYPES, (i) => `${shown(i.input)} is not one of ${ENTITY_TYPES.join(', ')}`),
  description: optText(LIMITS.descriptionLength),
  summary: optText(LIMITS.summaryLength),
  aliases: list(text(LIMITS.aliasLength), LIMITS.aliases),
  facts: list(factSchema, LIMITS.facts),
  sources: list(sourceSchema, LIMITS.sources),
  wikidataId: v.optional(pattern(WIKIDATA_RE, 'must look like Q123')),
  lang: v.pipe(v.string('must be a string'), v.maxLength(LIMITS.langLength, 'too long'), v.regex(LANG_RE, (i) => `${shown(i.input)} is not a BCP 47 language tag like "en" or "es-MX"`)),
  asOf: v.optional(dateSchema),
  domains: v.optional(list(pattern(DOMAIN_RE, 'is not a lowercase host name like "example.com"'), LIMITS.domains)),
  titles: v.optional(list(text(LIMITS.titleLength), LIMITS.titles)),
  context: v.optional(list(text(LIMITS.contextLength), LIMITS.context)),
  country: v.optional(idSchema),
});

// ---- fast path ------------------------------------------------------------------------------------
// valibot is ~10 µs per entity; a 100k pack would take a second. This hand-written check accepts only
// what the schema accepts (it may reject more: anything it rejects is re-checked by valibot, which then
// produces the messages), so valid packs validate in a fraction of the time.

const ENTITY_KEYS = new Set(['id', 'name', 'type', 'description', 'summary', 'aliases', 'facts', 'sources', 'wikidataId', 'lang', 'asOf', 'domains', 'titles', 'context', 'country']);
const SOURCE_KEYS = new Set(['title', 'url', 'publisher', 'date']);
const FACT_KEYS = new Set(['label', 'value', 'sourceIds']);
const TYPE_SET: ReadonlySet<unknown> = new Set(ENTITY_TYPES);
const NOT_BLANK = /\S/;

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const okText = (x: unknown, max: number) => typeof x === 'string' && x.length <= max && NOT_BLANK.test(x);
const okStr = (x: unknown, max: number) => typeof x === 'string' && x.length <= max;
const okTexts = (x: unknown, maxItems: number, maxLen: number) => {
  if (!Array.isArray(x) || x.length > maxItems) return false;
  for (let i = 0; i < x.length; i++) if (!okText(x[i], maxLen)) return false;
  return true;
};
const keysIn = (o: Record<string, unknown>, allowed: ReadonlySet<string>) => {
  for (const k in o) if (!allowed.has(k)) return false;
  return true;
};

/** The fast path's idSchema. */
function okId(x: unknown): boolean {
  return typeof x === 'string' && x.length <= LIMITS.idLength && ID_RE.test(x);
}

function fastEntityOk(e: unknown): boolean {
  if (!isObj(e) || !keysIn(e, ENTITY_KEYS)) return false;
  if (!okId(e.id)) return false;
  if (!okText(e.name, LIMITS.nameLength) || !TYPE_SET.has(e.type)) return false;
  if (!okStr(e.description, LIMITS.descriptionLength) || !okStr(e.summary, LIMITS.summaryLength)) return false;
  if (!okTexts(e.aliases, LIMITS.aliases, LIMITS.aliasLength)) return false;
  if (typeof e.lang !== 'string' || e.lang.length > LIMITS.langLength || !LANG_RE.test(e.lang)) return false;
  if (e.wikidataId !== undefined && (typeof e.wikidataId !== 'string' || !WIKIDATA_RE.test(e.wikidataId))) return false;
  if (e.asOf !== undefined && (typeof e.asOf !== 'string' || !ISO_DATE_RE.test(e.asOf))) return false;
  if (e.titles !== undefined && !okTexts(e.titles, LIMITS.titles, LIMITS.titleLength)) return false;
  if (e.context !== undefined && !okTexts(e.context, LIMITS.context, LIMITS.contextLength)) return false;
  if (e.country !== undefined && !okId(e.country)) return false;
  if (e.domains !== undefined) {
    const d = e.domains;
    if (!Array.isArray(d) || d.length > LIMITS.domains) return false;
    for (const x of d) if (typeof x !== 'string' || !DOMAIN_RE.test(x)) return false;
  }
  const sources = e.sources;
  if (!Array.isArray(sources) || sources.length > LIMITS.sources) return false;
  for (const s of sources) {
    if (!isObj(s) || !keysIn(s, SOURCE_KEYS)) return false;
    if (!okText(s.title, LIMITS.sourceTitleLength) || !okText(s.publisher, LIMITS.publisherLength)) return false;
    if (typeof s.url !== 'string' || s.url.length > LIMITS.urlLength || !HTTP_URL_RE.test(s.url)) return false;
    if (s.date !== undefined && (typeof s.date !== 'string' || !ISO_DATE_RE.test(s.date))) return false;
  }
  const facts = e.facts;
  if (!Array.isArray(facts) || facts.length > LIMITS.facts) return false;
  for (const f of facts) {
    if (!isObj(f) || !keysIn(f, FACT_KEYS)) return false;
    if (!okText(f.label, LIMITS.factLabelLength) || !okText(f.value, LIMITS.factValueLength)) return false;
    const ids = f.sourceIds;
    if (!Array.isArray(ids) || ids.length > LIMITS.sourceIdsPerFact) return false;
    for (const n of ids) if (typeof n !== 'number' || !Number.isInteger(n) || n < 0 || n >= sources.length) return false;
  }
  return true;
}

export const packMetaSchema = v.strictObject({
  id: idSchema,
  name: text(LIMITS.packNameLength),
  version: text(LIMITS.versionLength),
  license: text(LIMITS.licenseLength),
  description: v.optional(optText(LIMITS.packDescriptionLength)),
  homepage: v.optional(urlSchema),
});

export type ParseResult = { ok: true; pack: PackFile } | { ok: false; errors: ImportProblem[] };
export type EntityResult = { ok: true; entity: PackEntity } | { ok: false; errors: ImportProblem[] };

// ---- problem collection ---------------------------------------------------------------------------

class Problems {
  readonly list: ImportProblem[] = [];
  truncated = false;
  get full(): boolean {
    return this.list.length >= MAX_PROBLEMS;
  }
  add(p: ImportProblem): void {
    if (this.list.length < MAX_PROBLEMS) this.list.push(p);
    else this.truncated = true;
  }
  result(): ImportProblem[] {
    if (this.truncated) {
      return [...this.list, { field: '', message: `more problems were found; only the first ${MAX_PROBLEMS} are listed` }];
    }
    return this.list;
  }
}

function pathOf(issue: v.BaseIssue<unknown>): string {
  let out = '';
  for (const p of issue.path ?? []) {
    const k = p.key;
    if (typeof k === 'number') out += `[${k}]`;
    else out += out ? `.${String(k)}` : String(k);
  }
  return out;
}

function issueMessage(issue: v.BaseIssue<unknown>, field: string): string {
  // Unknown keys in a strict object come back as a `never` issue on that key.
  if (issue.kind === 'schema' && issue.expected === 'never') return `unknown field "${String(issue.input)}"`;
  // A missing required key: valibot reports the key with input undefined.
  if (issue.input === undefined && issue.kind === 'schema') return 'missing';
  return issue.message;
}

function describeEntity(raw: unknown, index: number, line: number | undefined): string {
  const where = line !== undefined ? `line ${line} (entity ${index})` : `entity ${index}`;
  const r = raw as { id?: unknown; name?: unknown } | null;
  const label = r && typeof r === 'object' ? (typeof r.id === 'string' ? r.id : typeof r.name === 'string' ? r.name : '') : '';
  return label ? `${where} "${label.length > 60 ? `${label.slice(0, 60)}…` : label}"` : where;
}

/** Checks one entity; adds problems. Returns whether it passed. */
function checkEntity(raw: unknown, index: number | undefined, line: number | undefined, problems: Problems, prefix = ''): boolean {
  if (fastEntityOk(raw)) return true;
  const res = v.safeParse(entitySchema, raw);
  const where = index === undefined ? (line !== undefined ? `line ${line}` : 'entity') : describeEntity(raw, index, line);
  const mk = (field: string, message: string): ImportProblem => {
    const p: ImportProblem = { field: prefix + field, message: `${where}${field ? `, ${field}` : ''}: ${message}` };
    if (index !== undefined) p.entityIndex = index;
    if (line !== undefined) p.line = line;
    return p;
  };
  if (!res.success) {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      problems.add(mk('', `an entity must be an object, got ${Array.isArray(raw) ? 'an array' : raw === null ? 'null' : typeof raw}`));
      return false;
    }
    for (const issue of res.issues) {
      const field = pathOf(issue);
      problems.add(mk(field, issueMessage(issue, field)));
      if (problems.full) break;
    }
    return false;
  }
  // Cross-field rule: fact sourceIds must index into sources.
  const e = res.output as PackEntity;
  let ok = true;
  const n = e.sources.length;
  for (let f = 0; f < e.facts.length; f++) {
    for (const sid of e.facts[f]!.sourceIds) {
      if (sid >= n) {
        problems.add(mk(`facts[${f}].sourceIds`, `source id ${sid} is out of range (the entity has ${n} source${n === 1 ? '' : 's'}, numbered from 0)`));
        ok = false;
      }
    }
  }
  return ok;
}

function jsonErrorProblem(err: unknown, textIn: string, line?: number): ImportProblem {
  const msg = err instanceof Error ? err.message : String(err);
  const m = /position (\d+)/.exec(msg);
  let where = '';
  if (m) {
    const pos = Number(m[1]);
    const before = textIn.slice(0, pos);
    const l = (before.match(/\n/g)?.length ?? 0) + 1;
    const col = pos - before.lastIndexOf('\n');
    where = line !== undefined ? ` (column ${col})` : ` (line ${l}, column ${col})`;
    if (line === undefined) line = l;
  }
  const p: ImportProblem = { field: '', message: `not valid JSON${where}: ${msg}` };
  if (line !== undefined) p.line = line;
  return p;
}

function checkHeader(raw: unknown, problems: Problems, line?: number): raw is { format: string; formatVersion: number; pack: PackMeta } {
  const at = line !== undefined ? `line ${line}: ` : '';
  const add = (field: string, message: string) => {
    const p: ImportProblem = { field, message: `${at}${field ? `${field}: ` : ''}${message}` };
    if (line !== undefined) p.line = line;
    problems.add(p);
  };
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    add('', `a pack must be a JSON object with "format", "formatVersion", "pack"${line === undefined ? ' and "entities"' : ''}`);
    return false;
  }
  const r = raw as Record<string, unknown>;
  let ok = true;
  if (r.format !== PACK_FORMAT) {
    add('format', r.format === undefined ? `missing; expected "${PACK_FORMAT}"` : `unknown format ${shown(r.format)}; expected "${PACK_FORMAT}"`);
    ok = false;
  }
  if (r.formatVersion !== PACK_FORMAT_VERSION) {
    add(
      'formatVersion',
      r.formatVersion === undefined
        ? `missing; expected ${PACK_FORMAT_VERSION}`
        : `unsupported format version ${shown(r.formatVersion)}; this version of the extension reads version ${PACK_FORMAT_VERSION}`,
    );
    ok = false;
  }
  const allowed = line === undefined ? ['format', 'formatVersion', 'pack', 'entities'] : ['format', 'formatVersion', 'pack'];
  for (const k of Object.keys(r)) {
    if (!allowed.includes(k)) {
      add(k, `unknown field "${k}"`);
      ok = false;
    }
  }
  const meta = v.safeParse(packMetaSchema, r.pack);
  if (!meta.success) {
    ok = false;
    if (typeof r.pack !== 'object' || r.pack === null) add('pack', 'missing; expected an object with id, name, version and license');
    else
      for (const issue of meta.issues) {
        const field = pathOf(issue);
        add(`pack.${field}`, issueMessage(issue, field));
      }
  }
  return ok;
}

function checkEntities(
  entities: readonly unknown[],
  lines: readonly number[] | undefined,
  problems: Problems,
): boolean {
  let ok = true;
  const seen = new Map<string, number>();
  for (let i = 0; i < entities.length; i++) {
    if (problems.full) {
      problems.truncated = true;
      return false;
    }
    const raw = entities[i];
    if (raw === BAD_LINE) continue;
    const line = lines?.[i];
    if (!checkEntity(raw, i, line, problems, lines ? '' : `entities[${i}].`)) ok = false;
    const id = (raw as { id?: unknown } | null)?.id;
    if (typeof id === 'string') {
      const first = seen.get(id);
      if (first !== undefined) {
        const firstAt = lines ? `line ${lines[first]}` : `entity ${first}`;
        const p: ImportProblem = {
          entityIndex: i,
          field: lines ? 'id' : `entities[${i}].id`,
          message: `${describeEntity(raw, i, line)}, id: duplicate id "${id}" (first used by ${firstAt})`,
        };
        if (line !== undefined) p.line = line;
        problems.add(p);
        ok = false;
      } else seen.set(id, i);
    }
  }
  return ok;
}

// ---- public API -----------------------------------------------------------------------------------

/** Parses and validates a pack in the JSON form. */
export function parsePackJson(textIn: string): ParseResult {
  const problems = new Problems();
  let raw: unknown;
  try {
    raw = JSON.parse(stripBom(textIn));
  } catch (err) {
    return { ok: false, errors: [jsonErrorProblem(err, stripBom(textIn))] };
  }
  let ok = checkHeader(raw, problems);
  const ents = (raw as { entities?: unknown } | null)?.entities;
  if (typeof raw === 'object' && raw !== null && !Array.isArray(raw)) {
    if (!Array.isArray(ents)) {
      problems.add({ field: 'entities', message: ents === undefined ? 'entities: missing; expected an array of entities' : 'entities: must be an array' });
      ok = false;
    } else if (ents.length > LIMITS.entities) {
      problems.add({ field: 'entities', message: `entities: too many entities (${ents.length}, max ${LIMITS.entities})` });
      ok = false;
    } else if (!checkEntities(ents, undefined, problems)) ok = false;
  }
  if (!ok) return { ok: false, errors: problems.result() };
  return { ok: true, pack: raw as PackFile };
}

/**
 * Parses and validates a pack in the JSON Lines form: line 1 is the header
 * `{"format":"context-overlays-pack","formatVersion":1,"pack":{…}}`, every following non-empty line one entity.
 */
export function parsePackJsonl(textIn: string): ParseResult {
  const problems = new Problems();
  const lines = stripBom(textIn).split('\n');
  let headerLine = -1;
  for (let i = 0; i < lines.length; i++) {
    if (lines[i]!.trim() !== '') {
      headerLine = i;
      break;
    }
  }
  if (headerLine < 0) return { ok: false, errors: [{ line: 1, field: '', message: 'line 1: the file is empty; expected a header line' }] };
  let header: unknown;
  try {
    header = JSON.parse(lines[headerLine]!);
  } catch (err) {
    return { ok: false, errors: [jsonErrorProblem(err, lines[headerLine]!, headerLine + 1)] };
  }
  let ok = checkHeader(header, problems, headerLine + 1);
  const entities: unknown[] = [];
  const lineNos: number[] = [];
  for (let i = headerLine + 1; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.trim() === '') continue;
    try {
      entities.push(JSON.parse(l));
      lineNos.push(i + 1);
    } catch (err) {
      ok = false;
      const p = jsonErrorProblem(err, l, i + 1);
      p.message = `line ${i + 1}: ${p.message}`;
      p.entityIndex = entities.length;
      entities.push(BAD_LINE);
      lineNos.push(i + 1);
      problems.add(p);
      if (problems.full) {
        problems.truncated = true;
        return { ok: false, errors: problems.result() };
      }
    }
  }
  if (entities.length > LIMITS.entities) {
    problems.add({ field: 'entities', message: `too many entities (${entities.length}, max ${LIMITS.entities})` });
    ok = false;
  } else if (!checkEntities(entities, lineNos, problems)) ok = false;
  if (!ok) return { ok: false, errors: problems.result() };
  const h = header as { format: 'context-overlays-pack'; formatVersion: 1; pack: PackMeta };
  return { ok: true, pack: { format: h.format, formatVersion: h.formatVersion, pack: h.pack, entities: entities as PackEntity[] } };
}

/** Validates one entity on its own (custom entities typed in by the reader). */
export function validateEntity(raw: unknown): EntityResult {
  const problems = new Problems();
  if (!checkEntity(raw, undefined, undefined, problems)) return { ok: false, errors: problems.result() };
  return { ok: true, entity: raw as PackEntity };
}

/** Marks a JSONL line that was not valid JSON (already reported). */
const BAD_LINE = Symbol('bad line');

function stripBom(s: string): string {
  return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
}
