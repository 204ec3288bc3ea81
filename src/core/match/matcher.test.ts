import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ENTITIES } from './fixtures.test-helpers';
import { buildMatcher, Matcher, type ScanOptions, type TextMatch } from './index';

const m = buildMatcher(ENTITIES);

function scan(text: string | string[], opts?: ScanOptions): TextMatch[] {
  return m.scan(Array.isArray(text) ? text : [text], opts);
}
function ids(text: string | string[], opts?: ScanOptions): (string | null)[] {
  return scan(text, opts).map((x) => x.entityId);
}
function texts(text: string | string[], opts?: ScanOptions): string[] {
  return scan(text, opts).map((x) => x.text);
}
function find(text: string | string[], entityId: string, opts?: ScanOptions): TextMatch | undefined {
  return scan(text, opts).find((x) => x.entityId === entityId);
}

describe('API', () => {
  it('counts entities and aliases', () => {
    expect(m.entityCount).toBe(ENTITIES.length);
    expect(m.aliasCount).toBeGreaterThan(ENTITIES.length);
  });
  it('returns offsets into the original block and the exact text', () => {
    const blocks = ['Nothing here.', 'The CIA said so.'];
    const r = m.scan(blocks);
    expect(r).toEqual([{ block: 1, start: 4, end: 7, entityId: 'cia', kind: 'alias', reason: expect.any(String), text: 'CIA' }]);
  });
  it('ignores empty blocks', () => {
    expect(m.scan([], {})).toEqual([]);
    expect(m.scan(['', 'CIA'])).toHaveLength(1);
  });
  it('exposes surnames for coreference', () => {
    expect(m.surnamesFor('gregory-guillot')).toEqual(['Guillot']);
    expect(m.surnamesFor('jose-garcia')).toEqual(['Garcia']);
    expect(m.surnamesFor('unknown')).toEqual([]);
  });
});

describe('normalisation and folding', () => {
  it('folds diacritics: "Nueva Generacion" matches "Nueva Generación" and vice versa', () => {
    expect(find('the group Cartel de Jalisco Nueva Generacion was listed', 'jalisco-new-generation-cartel')?.text).toBe(
      'Cartel de Jalisco Nueva Generacion',
    );
    expect(find('la organización Nueva Generacion', 'nueva-generacion')?.text).toBe('Nueva Generacion');
    expect(find('He visited México City', 'mexico')?.text).toBe('México');
    expect(find('He visited Mexico City', 'mexico')?.text).toBe('Mexico');
  });
  it('accepts NFD text (combining marks) and keeps the mark in the match', () => {
    const text = 'A report on Nueva Generacio\u0301n today';
    const r = find(text, 'nueva-generacion')!;
    expect(r.text).toBe('Nueva Generacio\u0301n');
    expect(text.slice(r.start, r.end)).toBe(r.text);
  });
  it('NFKC: fullwidth letters match acronyms', () => {
    expect(find('ＣＩＡ officials', 'cia')?.text).toBe('ＣＩＡ');
  });
  it('soft hyphens, nbsp, multiple spaces, line breaks and hyphens inside names', () => {
    expect(find('Gen. Gregory Guil\u00ADlot said', 'gregory-guillot')?.text).toBe('Gregory Guil\u00ADlot');
    expect(find('the Northern\u00A0Command base', 'northcom')?.text).toBe('Northern\u00A0Command');
    expect(find('the Northern   Command base', 'northcom')?.text).toBe('Northern   Command');
    expect(find('the Northern\nCommand base', 'northcom')?.text).toBe('Northern\nCommand');
    expect(find('the Northern-Command base', 'northcom')?.text).toBe('Northern-Command');
    expect(find('Jalisco New-Generation fighters', 'jalisco-new-generation-cartel')?.text).toBe('Jalisco New-Generation');
  });
  it('word boundaries in any script (Unicode letters, not \\w)', () => {
    expect(find('В Москве и Москва', 'moskva')?.text).toBe('Москва');
    expect(ids('Москвариум')).toEqual([]);
    expect(ids('CIA1 XCIA ÉCIA CIAX CIAé')).toEqual([]);
    expect(ids('two CIAs')).toEqual(['cia']); // plural of an acronym
    expect(find('«CIA»', 'cia')?.text).toBe('CIA');
  });
  it('emoji and surrogate pairs do not shift offsets', () => {
    const text = '😀😀 The CIA 🇺🇸 and Mexico';
    const r = scan(text);
    expect(r.map((x) => x.text)).toEqual(['CIA', 'Mexico']);
    for (const x of r) expect(text.slice(x.start, x.end)).toBe(x.text);
  });
});

describe('longest match and possessives', () => {
  it('longest match wins', () => {
    expect(texts('NORTHCOM’s Special Operations Command North is preparing')).toEqual(['NORTHCOM', 'Special Operations Command North']);
    expect(find('NORTHCOM’s Special Operations Command North', 'socnorth')?.text).toBe('Special Operations Command North');
    expect(ids('the Special Operations community')).toEqual(['special-operations']);
    expect(ids('Cartel de Jalisco Nueva Generacion')).toEqual(['jalisco-new-generation-cartel']);
    expect(ids('Joint Special Operations Command')).toEqual(['jsoc']);
    expect(ids('the state of Jalisco')).toEqual(['jalisco']);
  });
  it('possessives: the match covers the name only (straight and curly apostrophe)', () => {
    expect(find('NORTHCOM’s headquarters', 'northcom')?.text).toBe('NORTHCOM');
    expect(find("NORTHCOM's headquarters", 'northcom')?.text).toBe('NORTHCOM');
    expect(find('President Trump’s focus', 'donald-trump')?.text).toBe('Trump');
    expect(find('Secretary of State Marco Rubio’s view', 'marco-rubio')?.text).toBe('Marco Rubio');
  });
  it('simple plurals for non-person names', () => {
    expect(find('two Pentagons', 'dod')?.text).toBe('Pentagons');
    expect(ids('Guillots')).toEqual([]);
  });
  it('trailing period of an abbreviation alias is included when present', () => {
    expect(find('U.S. forces', 'united-states')?.text).toBe('U.S.');
    expect(find('U.S.-Mexico relations', 'united-states')?.text).toBe('U.S.');
  });
});

describe('case policy', () => {
  it('acronyms and short aliases are case-exact', () => {
    expect(ids('The CIA has expanded')).toEqual(['cia']);
    expect(ids('the cia has expanded')).toEqual([]);
    expect(ids('the Cia has expanded')).toEqual([]);
    expect(ids('the Fbi and fbi')).toEqual([]);
  });
  it('other aliases need name capitalisation; ALL-CAPS headlines are fine', () => {
    expect(ids('involve Northern Command preparing')).toEqual(['northcom']);
    expect(ids('involve northern command preparing')).toEqual([]);
    expect(ids('involve Northern command preparing')).toEqual([]);
    expect(ids('NORTHERN COMMAND PREPARES STRIKES')).toEqual(['northcom']);
    expect(ids('cartel de sinaloa')).toEqual([]);
    expect(ids('Cartel De Sinaloa')).toEqual(['sinaloa-cartel']);
  });
  it('lower-case particles inside names stay as written', () => {
    expect(find('fighters of al-Qaeda said', 'al-qaeda')?.text).toBe('al-Qaeda');
    expect(find('fighters of Al-Qaeda said', 'al-qaeda')?.text).toBe('Al-Qaeda');
    expect(ids('fighters of al-qaeda said')).toEqual([]);
  });
});

describe('stop-list words', () => {
  it('"Will" is never matched as a bare word, even sentence-initially', () => {
    expect(ids('Will the cartels respond? Nobody will say.')).toEqual([]);
    expect(ids('He said Will would come.')).toEqual([]);
    expect(ids('Actor Will Smith arrived.')).toEqual(['will-smith']);
  });
  it('"Apple pie" vs "Apple CEO Tim Cook"', () => {
    expect(ids('Apple pie is a dessert.')).toEqual([]);
    const r = scan('Apple CEO Tim Cook said on Monday.');
    expect(r.map((x) => x.entityId)).toEqual(['apple-inc', 'tim-cook']);
    expect(r[0]!.reason).toContain("nearby 'CEO'");
    expect(r[0]!.reason).toContain('common word');
  });
  it('a full name containing a stop word is not affected', () => {
    expect(ids('Apple Inc. reported')).toEqual(['apple-inc']);
  });
});

describe('coreference', () => {
  it('bare surname after the full name (across blocks), also possessive', () => {
    const blocks = [
      'NORTHCOM Commander Gen. Gregory M. Guillot highlighted in February 2025 congressional testimony.',
      'He noted increased intelligence. Guillot also stressed closer operational compatibility.',
      'Guillot’s testimony was long.',
    ];
    const r = m.scan(blocks).filter((x) => x.entityId === 'gregory-guillot');
    expect(r.map((x) => [x.block, x.text, x.kind])).toEqual([
      [0, 'Gregory M. Guillot', 'alias'],
      [1, 'Guillot', 'coref'],
      [2, 'Guillot', 'coref'],
    ]);
    expect(r[0]!.reason).toContain('middle initial');
    expect(r[0]!.reason).toContain("title 'Gen.'");
    expect(r[1]!.reason).toContain('named earlier');
  });
  it('middle initial between first and last name', () => {
    expect(find('Gregory M. Guillot', 'gregory-guillot')?.text).toBe('Gregory M. Guillot');
    expect(find('Gregory M Guillot', 'gregory-guillot')?.text).toBe('Gregory M Guillot');
    expect(find('Donald J. Trump', 'donald-trump')?.text).toBe('Donald J. Trump');
  });
  it('surname before any full name does not link, unless seen or titled', () => {
    expect(ids('Rubio said nothing.')).toEqual([]);
    expect(ids('Rubio said nothing.', { seenEntityIds: ['marco-rubio'] })).toEqual(['marco-rubio']);
    const r = scan('Rubio’s view', { seenEntityIds: ['marco-rubio'] });
    expect(r[0]).toMatchObject({ text: 'Rubio', kind: 'coref' });
    expect(r[0]!.reason).toContain('seen earlier on page');
  });
  it('title + bare surname of a known person: "Gen. Guillot"', () => {
    const r = find('In April 2025 testimony, Gen. Guillot acknowledged', 'gregory-guillot')!;
    expect(r).toMatchObject({ text: 'Guillot', kind: 'coref' });
    expect(r.reason).toContain("title 'Gen.'");
    expect(ids('General Guillot said')).toEqual(['gregory-guillot']);
    expect(ids('Mr. Guillot said')).toEqual([]);
  });
  it('title before a full name is reported in the reason', () => {
    const r = find('This aligns with Secretary of State Marco Rubio’s view.', 'marco-rubio')!;
    expect(r.text).toBe('Marco Rubio');
    expect(r.reason).toContain("title 'Secretary of State'");
    expect(find('President Trump’s focus', 'donald-trump')!.reason).toContain("title 'President'");
  });
  it('lower-case surnames and suffixes', () => {
    expect(ids('Marco Rubio spoke. The rubio plant.')).toEqual(['marco-rubio']);
    expect(scan('José García Jr. spoke. Later García said').map((x) => [x.text, x.kind])).toEqual([
      ['José García Jr.', 'alias'],
      ['García', 'coref'],
    ]);
  });
  it('a longer alias beats a surname ("Trump Tower")', () => {
    expect(ids('Donald Trump spoke at Trump Tower.')).toEqual(['donald-trump', 'trump-tower']);
  });
});

describe('disambiguation', () => {
  it('"the Sinaloa and Jalisco New Generation cartels" → cartel', () => {
    const r = find(
      'Military sources indicate the focus is on transnational criminal organizations, particularly the Sinaloa and Jalisco New Generation cartels.',
      'sinaloa-cartel',
    )!;
    expect(r.text).toBe('Sinaloa');
    expect(r.reason).toContain("nearby 'cartels' (+2)");
    expect(r.reason).toContain('page mentions jalisco-new-generation-cartel (+1)');
    expect(r.reason).toContain('runner-up sinaloa-state');
  });
  it('Sinaloa in a state context → state', () => {
    expect(ids('The governor of Sinaloa visited Culiacan.')).toEqual(['sinaloa-state']);
  });
  it('no evidence: ambiguous alias is left unmatched', () => {
    expect(ids('They went to Sinaloa.')).toEqual([]);
    expect(ids('They went to Georgia.')).toEqual([]);
  });
  it('"Jordan" in a Middle-East vs basketball context', () => {
    expect(ids('Jordan shares a long border with Syria; King Abdullah spoke in Amman.')).toEqual(['jordan']);
    const r = scan('Jordan scored 40 points for the Chicago Bulls in the NBA finals.');
    expect(r.map((x) => x.entityId)).toEqual(['michael-jordan']);
    expect(r[0]!.reason).toContain("nearby 'Bulls'");
    expect(ids('Jordan said hello.')).toEqual([]);
  });
  it('Georgia: country vs U.S. state', () => {
    expect(ids('Georgia and Russia fought over the Caucasus; Tbilisi protested.')).toEqual(['georgia-country']);
    expect(ids('Georgia governor Kemp spoke in Atlanta.')).toEqual(['georgia-state']);
  });
  it('context anywhere in the scan counts (across blocks)', () => {
    const r = m.scan(['The governor spoke on Tuesday.', 'Crowds in Culiacan.', 'Later, in Sinaloa, it rained.']);
    expect(r.map((x) => x.entityId)).toEqual(['sinaloa-state']);
    expect(r[0]!.reason).toContain("page has 'governor' (+1)");
  });
  it('page language is part of the score', () => {
    const ents = [
      { id: 'a', name: 'Lima', type: 'place' as const, aliases: [], lang: 'es', context: ['peru'] },
      { id: 'b', name: 'Lima', type: 'place' as const, aliases: [], lang: 'en', context: ['ohio'] },
    ];
    const mm = buildMatcher(ents);
    expect(mm.scan(['Lima, near Peru and Ohio.']).map((x) => x.entityId)).toEqual([]);
    const r = mm.scan(['Lima, near Peru and Ohio.'], { pageLang: 'es-PE' });
    expect(r.map((x) => x.entityId)).toEqual(['a']);
    expect(r[0]!.reason).toContain('page language es');
  });
  it('disabled entities are never reported and do not compete', () => {
    expect(ids('The CIA and FBI', { disabledEntityIds: ['cia'] })).toEqual(['fbi']);
    expect(ids('They went to Sinaloa.', { disabledEntityIds: ['sinaloa-cartel'] })).toEqual(['sinaloa-state']);
  });
});

describe('unknown names', () => {
  it('is off by default', () => {
    expect(scan('according to journalist Ken Klippenstein’s reporting').filter((x) => x.kind === 'unknown')).toEqual([]);
  });
  it('finds capitalised multi-word names that are not KB matches', () => {
    const r = scan('according to investigative journalist Ken Klippenstein’s reporting on the CIA.', { detectUnknown: true });
    expect(r.map((x) => [x.text, x.kind, x.entityId])).toEqual([
      ['Ken Klippenstein', 'unknown', null],
      ['CIA', 'alias', 'cia'],
    ]);
  });
  it('particles, common words and sentence starts', () => {
    const u = (t: string) => scan(t, { detectUnknown: true }).filter((x) => x.kind === 'unknown').map((x) => x.text);
    expect(u('a speech by Bashar al-Assad in Damascus')).toEqual(['Bashar al-Assad']);
    expect(u('a visit by Ursula von der Leyen today')).toEqual(['Ursula von der Leyen']);
    expect(u('The meeting was on Monday. Then Gregory Guillot spoke.')).toEqual([]);
    expect(u('On Monday January talks resumed.')).toEqual([]);
    expect(u('The Trump administration said.')).toEqual([]);
    expect(u('Officials in Foo Bar Baz Qux Quux said')).toEqual([]);
  });
});

describe('serialization', () => {
  it('serialize → deserialize gives identical scan results', () => {
    const data = m.serialize();
    expect(data).toBeInstanceOf(Uint8Array);
    const m2 = Matcher.deserialize(data);
    expect(m2.entityCount).toBe(m.entityCount);
    expect(m2.aliasCount).toBe(m.aliasCount);
    const article = readFileSync('/work/shared/fixtures/seed-article.txt', 'utf8').split('\n');
    const opts = { detectUnknown: true, seenEntityIds: ['marco-rubio'], pageLang: 'en' };
    expect(m2.scan(article, opts)).toEqual(m.scan(article, opts));
    // an unaligned copy (as IndexedDB may return) also works
    const padded = new Uint8Array(data.length + 1);
    padded.set(data, 1);
    expect(Matcher.deserialize(padded.subarray(1)).scan(article)).toEqual(m.scan(article));
  });
  it('accepts base64 strings and rejects garbage', () => {
    const data = m.serialize();
    let bin = '';
    for (const b of data) bin += String.fromCharCode(b);
    expect(Matcher.deserialize(btoa(bin)).scan(['The CIA'])).toHaveLength(1);
    expect(() => Matcher.deserialize(new Uint8Array([1, 2, 3]))).toThrow();
    expect(() => Matcher.deserialize(data.subarray(0, 100))).toThrow();
  });
});

describe('seed article', () => {
  it('finds the expected entities', () => {
    const blocks = readFileSync('/work/shared/fixtures/seed-article.txt', 'utf8').split('\n');
    const r = m.scan(blocks);
    const found = new Set(r.map((x) => `${x.entityId}:${x.text}`));
    for (const k of [
      'northcom:NORTHCOM',
      'northcom:Northern Command',
      'socnorth:Special Operations Command North',
      'jsoc:Joint Special Operations Command',
      'sinaloa-cartel:Sinaloa',
      'sinaloa-cartel:Cartel de Sinaloa',
      'jalisco-new-generation-cartel:Cartel de Jalisco Nueva Generacion',
      'jalisco-new-generation-cartel:Jalisco New Generation',
      'marco-rubio:Marco Rubio',
      'gregory-guillot:Gregory M. Guillot',
      'gregory-guillot:Guillot',
      'donald-trump:Trump',
      'cia:CIA',
      'fbi:FBI',
      'dod:Department of Defense',
      'state-department:State Department',
      'united-states:U.S.',
      'united-states:United States',
    ])
      expect(found, k).toContain(k);
    expect(r.filter((x) => x.entityId === 'special-operations')).toEqual([]);
    expect(r.filter((x) => x.entityId === 'jalisco')).toEqual([]);
    for (const x of r) expect(blocks[x.block]!.slice(x.start, x.end)).toBe(x.text);
  });
});
