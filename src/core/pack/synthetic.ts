// A deterministic synthetic knowledge pack for tests and benchmarks (100k entities and more).
// Names are built from syllables that do not form English words (and are checked against a list of
// common words), so a synthetic pack never turns ordinary prose into matches. Shapes follow real packs:
// people "Firstname M. Lastname", organisations "X Y Institute", "Ministry of Z", places, acronyms,
// some names with diacritics; ~2.5 aliases per entity, 2 facts, 1 https source.
import type { EntityType, PackEntity, PackFile } from '../types';

/** mulberry32: small, fast, good enough for test data. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = [
  'ka', 'lo', 'mer', 'tav', 'vi', 'dra', 'sen', 'bor', 'qui', 'zu', 'rio', 'tel', 'gar', 'nes', 'ber', 'chi', 'vel', 'dor',
  'pa', 'ri', 'sto', 'yen', 'mak', 'ul', 'fe', 'gon', 'zar', 'tho', 'lix', 'vru', 'sha', 'kel', 'mi', 'nor', 'ra', 'tu',
  'ek', 'os', 'ind', 'jar', 'bel', 'dus', 'ha', 'kov', 'lem', 'nai', 'pri', 'sol', 'ves', 'wen', 'xa', 'yor', 'zem', 'ob',
];

/** Common English words that generated names must never equal (lower case). */
const COMMON_WORDS = new Set(
  `a an the and or but if of to in on at by for from with as is are was were be been being it its he she we they you i me
  him her them his our their my your who what when where why how here there then than so not no yes all any some each
  every both one two three first last new old more most less very also just only even still again ever never now today
  said says say will may can shall might must would could should this that these those do does did done have has had
  man men woman women child time year day way thing world life hand part place case week company system program question
  work government number night point home water room mother area money story fact month lot right study book eye job word
  business issue side kind head house service friend father power hour game line end member law car city community name
  president team minute idea kid body information back parent face others level office door health person art war history
  party result change morning reason research girl guy moment air teacher force education police army navy state union
  nation court market bank street river lake road hill field stone gold silver black white green brown red blue young
  king queen prince price rice wood page knight wolf fox bird cash love sweet sharp strong long short little small large
  rich poor wise noble sun star post times globe herald tribune mirror nation spring summer autumn winter march april june
  august monday sunday friday north south east west central china india japan chile peru cuba malta panama jordan georgia
  sole solo polo vino vita kara kilo lima sera sofa tuna mika rika pari dora gala gara nora mira vera tara lara sara vela
  dove done gone bone tone lone zone tell sell well bell yell dell kelp help held melt belt felt pelt pest rest test best
  zest nest vest west fest lest jest ulm osaka kobe ohio oslo rome riga bern kiev sofia doha dubai baku lagos accra
  karate kimono tundra sherpa veranda pagoda mango tango tempo torso salsa pasta opera sonata camera karma koala panda
  kale lore more sore tore bore core fore gore pore wore yore mere here were vile rile file mile pile tile wile kite rite
  mite site bite cite lite note vote rote tote mote dote kelvin bolero solaris valor velour sultan satan orbit robot
  obra osvel`
    .split(/\s+/)
    .filter(Boolean),
);

const ORG_KINDS = ['Institute', 'Foundation', 'Council', 'Alliance', 'Corporation', 'Holdings', 'Group', 'Bank', 'Union', 'Party', 'Association'];
const AGENCY_SHAPES = ['Ministry of', 'Department of', 'National Agency for', 'Office of'];
const AGENCY_TOPICS = ['Defence', 'Finance', 'Health', 'Justice', 'Energy', 'Transport', 'Labour', 'Fisheries', 'Statistics', 'Water'];
const GROUP_KINDS = ['Cartel', 'Front', 'Brigades', 'Movement', 'Militia'];
const PUBLISHER_KINDS = ['Herald', 'Courier', 'Gazette', 'Chronicle', 'Dispatch', 'Ledger'];
const PERSON_TITLES = ['President', 'Minister', 'Gen.', 'Sen.', 'Dr.', 'Judge', 'Governor', 'Mayor'];
const PERSON_ROLES = ['politician', 'economist', 'military officer', 'judge', 'businessperson', 'diplomat', 'journalist', 'scientist'];
const PLACE_KINDS = ['city', 'province', 'river port', 'island', 'region'];
const DIACRITIC: Record<string, string> = { a: 'á', e: 'é', i: 'í', o: 'ö', u: 'ü', n: 'ñ', c: 'ç', s: 'š', z: 'ž' };
const TYPE_PLAN: [EntityType, number][] = [
  ['person', 0.4],
  ['organization', 0.2],
  ['agency', 0.1],
  ['place', 0.15],
  ['group', 0.07],
  ['publisher', 0.03],
  ['law', 0.03],
  ['substance', 0.02],
];

function capitalise(w: string): string {
  return w.charAt(0).toUpperCase() + w.slice(1);
}

function ascii(s: string): string {
  return s.normalize('NFKD').replace(/\p{M}+/gu, '');
}

function slug(s: string): string {
  return ascii(s)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** A deterministic pack of `count` synthetic entities with ids `…-<n>` (unique). */
export function generateSyntheticPack(count: number, seed = 1): PackFile {
  const r = seededRandom(seed);
  const int = (n: number) => Math.floor(r() * n);
  const pick = <T>(a: readonly T[]): T => a[int(a.length)]!;
  const word = (minSyl: number, maxSyl: number): string => {
    for (;;) {
      const n = minSyl + int(maxSyl - minSyl + 1);
      let w = '';
      for (let i = 0; i < n; i++) w += pick(SYLLABLES);
      if (w.length >= 4 && !COMMON_WORDS.has(w)) return capitalise(w);
    }
  };
  const accent = (w: string): string => {
    // Put one diacritic on a letter that has one (deterministically), e.g. "Kalomer" → "Kalömer".
    const idx: number[] = [];
    for (let i = 1; i < w.length; i++) if (DIACRITIC[w[i]!]) idx.push(i);
    if (idx.length === 0) return w;
    const i = idx[int(idx.length)]!;
    return w.slice(0, i) + DIACRITIC[w[i]!]! + w.slice(i + 1);
  };
  const acronym = (words: string[]): string => {
    let a = words.map((w) => ascii(w).charAt(0).toUpperCase()).join('');
    while (a.length < 3) a += ascii(pick(SYLLABLES)).charAt(0).toUpperCase();
    return COMMON_WORDS.has(a.toLowerCase()) ? `${a}X` : a;
  };
  const pickType = (): EntityType => {
    let x = r();
    for (const [t, p] of TYPE_PLAN) {
      if (x < p) return t;
      x -= p;
    }
    return 'other';
  };

  const entities: PackEntity[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const type = pickType();
    let name: string;
    const aliases: string[] = [];
    let description: string;
    let summary: string;
    let facts: [string, string][];
    const extra: Partial<PackEntity> = {};
    const accented = r() < 0.12;
    switch (type) {
      case 'person': {
        let first = word(2, 2);
        let last = word(2, 3);
        if (accented) {
          const plain = `${first} ${last}`;
          first = r() < 0.5 ? accent(first) : first;
          last = accent(last);
          if (`${first} ${last}` !== plain) aliases.push(plain);
        }
        name = `${first} ${last}`;
        const middle = String.fromCharCode(65 + int(26));
        if (r() < 0.6) aliases.push(`${first} ${middle}. ${last}`);
        aliases.push(`${first.charAt(0)}. ${last}`);
        if (r() < 0.45) aliases.push(`${word(2, 2)} ${last}`); // a birth first name / nickname
        if (r() < 0.35) aliases.push(`${first} ${last}-${word(2, 2)}`);
        const role = pick(PERSON_ROLES);
        description = `Synthetic ${role} from ${word(2, 3)}`;
        summary = `${name} is a synthetic ${role} generated for testing. ${first} has held several posts and appears in test news coverage about ${word(2, 2)}.`;
        facts = [
          ['Role', capitalise(role)],
          ['Born', String(1940 + int(60))],
        ];
        extra.titles = [pick(PERSON_TITLES)];
        break;
      }
      case 'organization': {
        const a = word(2, 3);
        const b = word(2, 2);
        const kind = pick(ORG_KINDS);
        name = r() < 0.7 ? `${a} ${b} ${kind}` : `${kind === 'Bank' ? 'Bank' : 'Institute'} of ${a}`;
        const words = name.split(' ').filter((w) => w !== 'of');
        aliases.push(acronym(words));
        aliases.push(`${a} ${kind}`);
        if (r() < 0.5) aliases.push(`${a} ${b}`);
        if (r() < 0.25) aliases.push(`${a}-${b} ${kind}`);
        description = `Synthetic ${kind.toLowerCase()} based in ${word(2, 3)}`;
        summary = `The ${name} is a synthetic organisation generated for testing. It works on ${word(2, 2).toLowerCase()} policy and is often quoted in test articles.`;
        facts = [
          ['Founded', String(1900 + int(120))],
          ['Headquarters', word(2, 3)],
        ];
        break;
      }
      case 'agency': {
        const place = accented ? accent(word(2, 3)) : word(2, 3);
        const shape = pick(AGENCY_SHAPES);
        const topic = pick(AGENCY_TOPICS);
        name = r() < 0.5 ? `${shape} ${topic} of ${place}` : `${place} ${topic} Agency`;
        aliases.push(acronym(name.split(' ').filter((w) => !['of', 'for'].includes(w))));
        aliases.push(`${place} ${topic} Ministry`);
        if (r() < 0.5) aliases.push(`${place}n ${topic} Office`);
        if (place !== ascii(place)) aliases.push(name.replace(place, ascii(place)));
        description = `Synthetic government agency for ${topic.toLowerCase()} in ${place}`;
        summary = `The ${name} is a synthetic government body generated for testing. It oversees ${topic.toLowerCase()} in ${place}.`;
        facts = [
          ['Jurisdiction', place],
          ['Established', String(1920 + int(100))],
        ];
        break;
      }
      case 'place': {
        const base = word(2, 3);
        const shaped = r();
        name = shaped < 0.55 ? base : shaped < 0.7 ? `Port ${base}` : shaped < 0.85 ? `San ${base}` : `${base} City`;
        if (accented) {
          const acc = name.replace(base, accent(base));
          if (acc !== name) aliases.push(acc);
        }
        aliases.push(`${base} Province`);
        if (r() < 0.6) aliases.push(`Republic of ${base}`);
        if (r() < 0.4) aliases.push(`${base}ia`);
        const kind = pick(PLACE_KINDS);
        description = `Synthetic ${kind}`;
        summary = `${name} is a synthetic ${kind} generated for testing, with about ${1 + int(900)} thousand inhabitants.`;
        facts = [
          ['Population', `${1 + int(900)} thousand`],
          ['Capital', word(2, 3)],
        ];
        break;
      }
      case 'group': {
        const a = accented ? accent(word(2, 3)) : word(2, 3);
        const kind = pick(GROUP_KINDS);
        name = `${a} ${kind}`;
        aliases.push(a);
        aliases.push(acronym([a, kind, pick(SYLLABLES)]));
        if (r() < 0.5) aliases.push(`${kind} of ${a}`);
        description = `Synthetic armed group`;
        summary = `The ${name} is a synthetic armed group generated for testing; it is said to operate near ${word(2, 3)}.`;
        facts = [
          ['Active since', String(1970 + int(50))],
          ['Area', word(2, 3)],
        ];
        extra.context = [kind.toLowerCase(), 'armed', 'militants'];
        break;
      }
      case 'publisher': {
        const a = word(2, 3);
        const kind = pick(PUBLISHER_KINDS);
        name = `The ${a} ${kind}`;
        aliases.push(`${a} ${kind}`);
        aliases.push(acronym([a, kind]));
        if (r() < 0.5) aliases.push(`${a}${kind}`);
        const d = `${slug(a)}${kind.toLowerCase()}-${i.toString(36)}.com`;
        extra.domains = [d];
        description = `Synthetic news outlet`;
        summary = `${name} is a synthetic news publisher generated for testing, published at ${d}.`;
        facts = [
          ['Founded', String(1850 + int(170))],
          ['Owner', `${word(2, 2)} ${pick(ORG_KINDS)}`],
        ];
        break;
      }
      case 'law': {
        const a = word(2, 3);
        const year = 1950 + int(75);
        name = `${a} Act of ${year}`;
        aliases.push(`${a} Act`);
        aliases.push(`${a} Law`);
        if (r() < 0.5) aliases.push(`${year} ${a} Act`);
        description = `Synthetic statute`;
        summary = `The ${name} is a synthetic law generated for testing. It regulates ${word(2, 2).toLowerCase()} markets.`;
        facts = [
          ['Enacted', String(year)],
          ['Jurisdiction', word(2, 3)],
        ];
        break;
      }
      default: {
        const a = word(2, 3);
        name = `${a}ine`;
        aliases.push(`${a}ina`);
        aliases.push(acronym([a, 'Ine']));
        if (r() < 0.5) aliases.push(`${a}inol`);
        description = `Synthetic chemical compound`;
        summary = `${name} is a synthetic compound generated for testing.`;
        facts = [
          ['Class', pick(['Opioid', 'Stimulant', 'Solvent', 'Pesticide'])],
          ['Formula', `C${1 + int(30)}H${1 + int(40)}N${1 + int(4)}`],
        ];
        break;
      }
    }
    const uniqueAliases = [...new Set(aliases)].filter((a) => a !== name);
    const id = `${slug(name).slice(0, 80)}-${i.toString(36)}`;
    const e: PackEntity = {
      id,
      name,
      type,
      description,
      summary,
      aliases: uniqueAliases,
      facts: facts.map(([label, value]) => ({ label, value, sourceIds: [0] })),
      sources: [
        {
          title: `${name} (synthetic record)`,
          url: `https://synthetic.example.org/entity/${id}`,
          publisher: 'Synthetic Reference',
          date: '2025-01',
        },
      ],
      wikidataId: `Q${1_000_000 + i}`,
      lang: 'en',
      asOf: '2025-01',
      ...extra,
    };
    entities[i] = e;
  }
  return {
    format: 'context-overlays-pack',
    formatVersion: 1,
    pack: {
      id: `synthetic-${count}`,
      name: `Synthetic pack (${count.toLocaleString('en')} entities, seed ${seed})`,
      version: `1.0.${seed}`,
      license: 'CC0-1.0',
      description: 'Generated test data: not real people, places or organisations.',
    },
    entities,
  };
}
