// Project rules checked on every run (as refined-github's meta tests do), so they hold as the code grows.
import fs from 'node:fs';
import path from 'node:path';
import { buildSync } from 'esbuild';
import { describe, expect, it } from 'vitest';

function files(dir: string, re: RegExp): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => re.test(f))
    .map((f) => path.join(dir, f));
}
const src = files('src', /\.tsx?$/).filter((f) => !/\.test\.tsx?$/.test(f));
const read = (f: string) => fs.readFileSync(f, 'utf8');
const code = (f: string) => read(f).replace(/\/\/.*$/gm, '').replace(/\/\*[\s\S]*?\*\//g, '');

describe('project rules', () => {
  it('the core is pure: no DOM, no browser extension APIs, no Dexie outside core/kb', () => {
    for (const f of src.filter((f) => f.startsWith(path.join('src', 'core')))) {
      const c = code(f);
      expect(c, f).not.toMatch(/\b(document|window|navigator|localStorage)\s*\./);
      expect(c, f).not.toMatch(/webextension-polyfill|\bchrome\.|\bbrowser\./);
      if (!f.includes(path.join('core', 'kb'))) expect(c, f).not.toMatch(/from 'dexie'/);
    }
  });

  it('no chrome.* calls: every extension API goes through webextension-polyfill', () => {
    for (const f of src) expect(code(f), f).not.toMatch(/\bchrome\.[a-z]+\./);
  });

  it('knowledge text is never rendered as HTML', () => {
    for (const f of src) {
      const c = code(f);
      expect(c, f).not.toMatch(/dangerouslySetInnerHTML|\.innerHTML\s*=|insertAdjacentHTML|outerHTML\s*=|document\.write/);
    }
  });

  it('the content script never imports Dexie or the knowledge base', () => {
    for (const f of src.filter((f) => f.startsWith(path.join('src', 'content')))) {
      expect(code(f), f).not.toMatch(/from ['"][./]*(core\/kb|dexie)/);
    }
  });

  it('English and Spanish locales have the same keys, and every t("key") used in src exists', () => {
    const en = JSON.parse(read('_locales/en/messages.json')) as Record<string, { message: string }>;
    const es = JSON.parse(read('_locales/es/messages.json')) as Record<string, { message: string }>;
    expect(Object.keys(es).sort()).toEqual(Object.keys(en).sort());
    const used = new Set<string>();
    for (const f of src) for (const m of read(f).matchAll(/\bt\(\s*['"]([A-Za-z0-9_]+)['"]/g)) used.add(m[1]!);
    for (const key of used) expect(en, `missing en message ${key}`).toHaveProperty(key);
    for (const [key, v] of Object.entries(es)) expect(v.message.trim(), `empty es message ${key}`).not.toBe('');
  });

  it('the manifest source uses localised name and description', () => {
    const m = JSON.parse(read('manifest.json'));
    expect(m.name).toMatch(/^__MSG_/);
    expect(m.description).toMatch(/^__MSG_/);
    expect(m.manifest_version).toBe(3);
  });

  it("the matcher's numeric constants are inlined by the minifier (a variable left in the scan loops costs a fifth of the tokenizer)", () => {
    const c = read('src/core/match/constants.ts');
    // esbuild inlines only constants of a file without imports whose values are literals
    expect(code('src/core/match/constants.ts')).not.toMatch(/^\s*(import|export\s*\{|export\s*\*)/m);
    const names = [...c.matchAll(/^export const ([A-Z0-9_]+) = (-?(?:0x[0-9a-f]+|\d+));/gim)].map((m) => m[1]!);
    expect(names.length).toBe([...c.matchAll(/^export const /gm)].length);
    const out = buildSync({ entryPoints: ['src/core/match/index.ts'], bundle: true, write: false, format: 'esm', minifySyntax: true, logLevel: 'silent' });
    const js = out.outputFiles[0]!.text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
    for (const n of names) expect(js, n).not.toMatch(new RegExp(`\\b${n}\\b`));
  });
});
