// Data shapes shared by the knowledge base, the matcher and the UI.
// Pure types: no DOM, no browser APIs, so vitest covers everything that uses them in Node.

export const ENTITY_TYPES = [
  'person',
  'organization', // companies, parties, NGOs, international bodies
  'agency', // government agencies, ministries, armed forces, military commands
  'place', // countries, states, cities, regions
  'group', // armed groups, cartels, militant and terrorist organisations, movements
  'law', // laws, treaties, court cases, programmes
  'substance', // drugs, chemicals
  'publisher', // news outlets, keyed by their web domains
  'other',
] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

export interface Source {
  title: string;
  url: string; // http(s) only; validated on import
  publisher: string;
  date?: string; // ISO 8601: YYYY, YYYY-MM or YYYY-MM-DD (publication date, or when checked)
}

export interface Fact {
  label: string;
  value: string;
  /** Indexes into the entity's `sources` array. */
  sourceIds: number[];
}

/** One entity as it appears in a knowledge pack (docs/pack-format.md). */
export interface PackEntity {
  id: string; // [a-z0-9][a-z0-9-]* , unique within the pack
  name: string;
  type: EntityType;
  /** One line, shown under the name: "U.S. military command for North America". */
  description: string;
  /** A few sentences in our own words. Plain text, never HTML. */
  summary: string;
  /** Other names: acronyms, short forms, other-language names. Not the `name` itself. */
  aliases: string[];
  facts: Fact[];
  sources: Source[];
  wikidataId?: string; // "Q…"
  lang: string; // BCP 47 of the summary, "en"
  /** ISO date the changeable facts (offices, leaders) were last checked. */
  asOf?: string;
  /** Publishers: the web domains they publish on ("nytimes.com"). */
  domains?: string[];
  /** People: titles written before the name in news ("President", "Gen.", "Secretary of State"). */
  titles?: string[];
  /** Words that, near an ambiguous alias, point to this entity ("cartel", "drug" for Sinaloa Cartel). */
  context?: string[];
  /**
   * The id of the country entity this one belongs to ("united-states" for the U.S. Senate or a U.S.
   * senator; a country's own id for the country). Lets the matcher tell a KB institution from another
   * country's body of the same name ("Senate" in a story about Poland).
   */
  country?: string;
}

export interface PackMeta {
  id: string;
  name: string;
  version: string;
  license: string;
  description?: string;
  homepage?: string;
}

export interface PackFile {
  format: 'context-overlays-pack';
  formatVersion: 1;
  pack: PackMeta;
  entities: PackEntity[];
}
