// The reader journey both browsers must pass, written once: open the seed article, see its entities
// highlighted (and nothing in form fields touched), hover NORTHCOM for a sourced popover, close it with
// Esc, switch the site off and on again.
import { expect } from 'vitest';
import type { Driver, PopoverSnapshot } from './harness/driver';

export const ARTIFACTS = 'test/artifacts';

/** Names from the seed article a reader must see highlighted (one text per entity is enough). */
export const SEED_HIGHLIGHTS = [
  'NORTHCOM',
  'Northern Command',
  'Special Operations Command North',
  'Joint Special Operations Command',
  'Marco Rubio', // split across <b>Marco</b> Rubio in the fixture
  'Gregory M. Guillot',
  'Guillot', // later mention, linked by coreference
  'Colby Jenkins',
  'Ken Klippenstein',
  'CIA',
  'FBI',
  'Department of Defense',
  'State Department',
  'Cartel de Sinaloa',
  'Cartel de Jalisco Nueva Generacion',
  'Jalisco New Generation',
  'Trump',
  'Mexico',
  'The Gateway Pundit',
];

// Page-side helpers are passed as source text: they run in the page's world, where neither the
// test's closures nor the content script's variables exist.
const PAGE_HELPERS = String.raw`
  window.__co = {
    ranges() {
      const out = [];
      const h = globalThis.CSS && CSS.highlights && CSS.highlights.get('context-overlays');
      if (h) for (const r of h) out.push(r);
      const seen = new Set();
      for (const el of document.querySelectorAll('context-overlays-mark')) {
        if (seen.has(el.dataset.mark)) continue;
        seen.add(el.dataset.mark);
        const all = document.querySelectorAll('context-overlays-mark[data-mark="' + el.dataset.mark + '"]');
        const r = document.createRange();
        r.setStartBefore(all[0]);
        r.setEndAfter(all[all.length - 1]);
        out.push(r);
      }
      return out;
    },
    texts() { return this.ranges().map((r) => r.toString()); },
    insideSkipped() {
      return this.ranges().filter((r) => {
        const n = r.commonAncestorContainer;
        const el = n.nodeType === 1 ? n : n.parentElement;
        return el && el.closest('input, textarea, [contenteditable="true"], pre, code, svg, [aria-hidden="true"], script, style');
      }).length;
    },
    // A point on the first painted name (containing \`text\` if given) that a reader can point at:
    // scrolled into view, and not hidden or covered (visibility: hidden menus, overlays).
    pointOnHighlight(text) {
      for (const r of this.ranges()) {
        if (text && !r.toString().includes(text)) continue;
        const start = r.startContainer.nodeType === 1 ? r.startContainer : r.startContainer.parentElement;
        start.scrollIntoView({ block: 'center' });
        const b = r.getClientRects()[0];
        if (!b || b.width === 0 || b.y < 0 || b.y > innerHeight) continue;
        const x = b.x + Math.min(b.width / 2, 10);
        const y = b.y + b.height / 2;
        const el = document.elementFromPoint(x, y);
        if (el && el !== document.documentElement && el !== document.body && (el.contains(r.startContainer) || r.intersectsNode(el))) return { x, y };
      }
      return null;
    },
    rectOf(text, nth) {
      const root = document.querySelector('article') || document.body;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      let k = 0;
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        let i = n.data.indexOf(text);
        while (i >= 0) {
          if (k++ === (nth || 0)) {
            const r = document.createRange();
            r.setStart(n, i);
            r.setEnd(n, i + text.length);
            r.startContainer.parentElement.scrollIntoView({ block: 'center' });
            const b = r.getClientRects()[0];
            return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
          }
          i = n.data.indexOf(text, i + 1);
        }
      }
      return null;
    },
  };
`;

export async function installPageHelpers(d: Driver): Promise<void> {
  await d.evaluate(new Function(PAGE_HELPERS) as () => void);
}

export async function pageState(d: Driver): Promise<string | null> {
  return d.evaluate(() => document.documentElement.getAttribute('data-context-overlays-state'));
}

export async function waitFor<T>(what: string, fn: () => Promise<T>, timeoutMs = 15_000): Promise<NonNullable<T>> {
  const end = Date.now() + timeoutMs;
  let last: T | undefined;
  while (Date.now() < end) {
    last = await fn();
    if (last) return last as NonNullable<T>;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what} (last: ${JSON.stringify(last)})`);
}

export async function waitReady(d: Driver): Promise<number> {
  const state = await waitFor('highlights to be ready', async () => {
    const s = await pageState(d);
    return s?.startsWith('ready:') ? s : null;
  });
  return Number(state.slice('ready:'.length));
}

export async function highlightTexts(d: Driver): Promise<string[]> {
  await installPageHelpers(d);
  return d.evaluate(() => (window as unknown as { __co: { texts(): string[] } }).__co.texts());
}

export async function openArticle(d: Driver, url: string): Promise<{ ready: number; ms: number }> {
  const t0 = Date.now();
  await d.goto(url);
  const ready = await waitReady(d);
  return { ready, ms: Date.now() - t0 };
}

export async function expectSeedEntitiesHighlighted(d: Driver): Promise<string[]> {
  const texts = await highlightTexts(d);
  for (const name of SEED_HIGHLIGHTS) expect(texts, `"${name}" should be highlighted`).toContain(name);
  return texts;
}

export async function expectFormFieldsUntouched(d: Driver): Promise<void> {
  const fields = await d.evaluate(() => ({
    input: (document.getElementById('search-input') as HTMLInputElement).value,
    textarea: (document.getElementById('comment-box') as HTMLTextAreaElement).value,
    editable: document.getElementById('editable')!.innerHTML,
    code: document.querySelector('pre code')!.innerHTML,
    marksInForms: document.querySelectorAll('form context-overlays-mark, .comments context-overlays-mark, pre context-overlays-mark').length,
  }));
  expect(fields.input).toBe('NORTHCOM Sinaloa Cartel');
  expect(fields.textarea).toBe('I doubt the CIA will confirm anything about NORTHCOM.');
  expect(fields.editable).toBe('Draft: ask the FBI and the Pentagon for comment.');
  expect(fields.code).toBe('const agency = "CIA"; // NORTHCOM in code must stay untouched');
  expect(fields.marksInForms).toBe(0);
  const skipped = await d.evaluate(() => (window as unknown as { __co: { insideSkipped(): number } }).__co.insideSkipped());
  expect(skipped, 'no highlight inside inputs, textareas, contenteditable, code, SVG or aria-hidden text').toBe(0);
}

/** Moves the pointer onto a point from somewhere else, as a hand would (and as hover intent expects).
 *  The start stays inside the viewport: WebDriver BiDi refuses moves outside it. */
async function approach(d: Driver, pt: { x: number; y: number }): Promise<void> {
  await d.mouseMove(Math.max(1, pt.x - 30), Math.max(1, pt.y - 200));
  await d.mouseMove(pt.x, pt.y);
}

export async function hoverText(d: Driver, text: string, nth = 0): Promise<void> {
  await installPageHelpers(d);
  const pt = await d.evaluate(
    ([t, n]) => (window as unknown as { __co: { rectOf(t: string, n: number): { x: number; y: number } | null } }).__co.rectOf(t, n),
    [text, nth] as [string, number],
  );
  if (!pt) throw new Error(`"${text}" not found on the page`);
  await approach(d, pt);
}

/** Hovers a painted name (containing `text` if given) the way a reader would, or fails if none can be pointed at. */
export async function hoverHighlight(d: Driver, text?: string): Promise<void> {
  await installPageHelpers(d);
  const pt = await d.evaluate(
    (t) => (window as unknown as { __co: { pointOnHighlight(t?: string): { x: number; y: number } | null } }).__co.pointOnHighlight(t),
    text,
  );
  if (!pt) throw new Error(`no visible highlight${text ? ` of "${text}"` : ''} to point at`);
  await approach(d, pt);
}

export async function waitPopover(d: Driver, has?: string): Promise<PopoverSnapshot> {
  return waitFor(`popover${has ? ` with "${has}"` : ''}`, async () => {
    const p = await d.popover();
    return p && (!has || p.text.includes(has)) ? p : null;
  }, 5_000);
}

export async function expectSourcedPopover(p: PopoverSnapshot, name: string): Promise<void> {
  expect(p.role).toBe('dialog');
  expect(p.text).toContain(name);
  expect(p.links.length, 'the popover links its sources').toBeGreaterThan(0);
  for (const l of p.links) {
    expect(l.href).toMatch(/^https:\/\//);
    expect(l.target).toBe('_blank');
    expect(l.rel ?? '').toContain('noopener');
  }
}

export async function expectEscCloses(d: Driver): Promise<void> {
  await d.press('Escape');
  await waitFor('popover to close', async () => (await d.popover()) === null, 3_000);
}

export async function expectSiteSwitchRemovesAndRestores(d: Driver, before: number): Promise<void> {
  await d.setSiteEnabled(false);
  await waitFor('highlights to be removed', async () => (await pageState(d)) === 'off');
  expect(await highlightTexts(d)).toEqual([]);
  await d.setSiteEnabled(true);
  const after = await waitReady(d);
  expect(after).toBe(before);
  expect((await highlightTexts(d)).length).toBeGreaterThanOrEqual(SEED_HIGHLIGHTS.length);
}
