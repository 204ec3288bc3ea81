// The reader's settings: one schema with defaults and migrations. Pure, so it is unit-tested in Node;
// settings-store.ts keeps it in browser.storage.sync.
import * as v from 'valibot';

export const SETTINGS_VERSION = 2;

export const CATEGORIES = ['person', 'organization', 'agency', 'place', 'group', 'publisher', 'other'] as const;
export type Category = (typeof CATEGORIES)[number];

const hostPattern = v.pipe(v.string(), v.maxLength(253), v.regex(/^[a-z0-9.-]+$/));

export const SettingsSchema = v.object({
  version: v.literal(SETTINGS_VERSION),
  /** Global switch: off pauses the extension everywhere, whatever the site rules say. */
  enabled: v.boolean(),
  /** Off: runs on every site but those denied. On: runs only on sites marked "allow". */
  onlyAllowedSites: v.boolean(),
  /** Per-site rules; a site not listed follows `enabled`. Keys are hostnames without "www.". */
  sites: v.record(hostPattern, v.picklist(['allow', 'deny'])),
  categories: v.object(Object.fromEntries(CATEGORIES.map((c) => [c, v.boolean()])) as Record<Category, v.BooleanSchema<undefined>>),
  highlightStyle: v.picklist(['underline', 'background', 'none']),
  firstOccurrenceOnly: v.boolean(),
  hoverDelayMs: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(2000)),
  /** Highlights become focusable elements reachable with Tab. */
  keyboardMode: v.boolean(),
  /** Popovers only while this key is held ("none": on hover). */
  modifierKey: v.picklist(['none', 'alt']),
  /** Offer capitalised names not in the knowledge base as "unknown — look up". */
  detectUnknown: v.boolean(),
  /** Show why a match was made (alias, coreference, disambiguation) in the popover. */
  showDebug: v.boolean(),
});

export type Settings = v.InferOutput<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  version: SETTINGS_VERSION,
  enabled: true,
  onlyAllowedSites: false,
  sites: {},
  categories: { person: true, organization: true, agency: true, place: true, group: true, publisher: true, other: true },
  highlightStyle: 'underline',
  firstOccurrenceOnly: false,
  hoverDelayMs: 300,
  keyboardMode: false,
  modifierKey: 'none',
  detectUnknown: false,
  showDebug: false,
};

type Migration = (old: Record<string, unknown>) => Record<string, unknown>;

/** MIGRATIONS[n] turns a version-n object into version n+1. */
const MIGRATIONS: Record<number, Migration> = {
  // v1 (0.0.x builds) had `disabledSites: string[]` and `style: 'underline' | 'fill'`.
  1: (old) => {
    const { disabledSites, style, ...rest } = old as { disabledSites?: unknown; style?: unknown };
    const sites: Record<string, 'deny'> = {};
    if (Array.isArray(disabledSites)) for (const s of disabledSites) if (typeof s === 'string') sites[normaliseHost(s)] = 'deny';
    return { ...rest, sites, highlightStyle: style === 'fill' ? 'background' : style, version: 2 };
  },
};

/**
 * Reads whatever is stored (nothing, an old version, a partly broken object) and returns valid settings:
 * old versions are migrated, unknown keys dropped, and each invalid field falls back to its default
 * rather than throwing the reader's other choices away.
 */
export function parseSettings(stored: unknown): Settings {
  if (typeof stored !== 'object' || stored === null) return structuredClone(DEFAULT_SETTINGS);
  let obj = { ...(stored as Record<string, unknown>) };
  let version = typeof obj.version === 'number' ? obj.version : 1;
  while (version < SETTINGS_VERSION) {
    const step = MIGRATIONS[version];
    if (!step) break;
    obj = step(obj);
    version++;
  }
  const out: Record<string, unknown> = structuredClone(DEFAULT_SETTINGS);
  const entries = SettingsSchema.entries as Record<string, v.GenericSchema>;
  for (const key of Object.keys(entries)) {
    if (key === 'version' || !(key in obj)) continue;
    if (key === 'categories' || key === 'sites') {
      // Field by field, so one bad category does not reset the others.
      const base = out[key] as Record<string, unknown>;
      const given = obj[key];
      if (typeof given !== 'object' || given === null) continue;
      for (const [k, val] of Object.entries(given)) {
        const candidate = { ...base, [k]: val };
        if (v.safeParse(entries[key]!, candidate).success) base[k] = val;
      }
      continue;
    }
    if (v.safeParse(entries[key]!, obj[key]).success) out[key] = obj[key];
  }
  return v.parse(SettingsSchema, out);
}

export function normaliseHost(host: string): string {
  return host.trim().toLowerCase().replace(/^www\./, '').replace(/\.$/, '');
}

/** The rule that applies to a host: the most specific wins (news.example.com beats example.com). */
export function siteRuleFor(settings: Settings, host: string): 'allow' | 'deny' | undefined {
  const h = normaliseHost(host);
  if (/^[\d.]+$/.test(h) || h.includes(':')) return settings.sites[h]; // IP addresses have no parent domains
  const parts = h.split('.');
  for (let i = 0; i < Math.max(1, parts.length - 1); i++) {
    const rule = settings.sites[parts.slice(i).join('.')];
    if (rule) return rule;
  }
  return undefined;
}

/** Whether highlighting runs on this host, given the global switch and the per-site rules. */
export function isActiveOn(settings: Settings, host: string): boolean {
  if (!settings.enabled) return false;
  const rule = siteRuleFor(settings, host);
  return settings.onlyAllowedSites ? rule === 'allow' : rule !== 'deny';
}

export function withSiteRule(settings: Settings, host: string, rule: 'allow' | 'deny' | null): Settings {
  const sites = { ...settings.sites };
  const h = normaliseHost(host);
  if (rule === null) delete sites[h];
  else sites[h] = rule;
  return { ...settings, sites };
}
