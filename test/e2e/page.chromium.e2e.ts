// On-page behaviour in Chromium (issue #5): painting, reversibility, layout, handlers, dynamic pages,
// frames, long tasks, the popover's details and actions, keyboard, modifier key, hostile CSS.
import fs from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chromiumDriver, launchChromium, patchSettings, resetSettings, type ChromiumSession } from './harness/chromium';
import { serveFixtures, type FixtureServer } from './harness/server';
import type { Driver } from './harness/driver';
import * as journey from './journey';

let server: FixtureServer;
let session: ChromiumSession;
let d: Driver & { page: Page };

beforeAll(async () => {
  server = await serveFixtures();
  session = await launchChromium();
  d = await chromiumDriver(session);
});
afterAll(async () => {
  await session?.close();
  await server?.close();
});
beforeEach(async () => {
  await resetSettings(session);
});

const boxesScript = () =>
  [...document.querySelectorAll('h1, p, li, aside, footer, figure, textarea, input, pre, nav, header')].map((el) => {
    const r = el.getBoundingClientRect();
    return [Math.round(r.x * 10), Math.round(r.y * 10), Math.round(r.width * 10), Math.round(r.height * 10)].join(',');
  });

async function loadWithSettings(file: string, patch: Record<string, unknown>): Promise<number> {
  await patchSettings(session, patch);
  return (await journey.openArticle(d, server.url(file))).ready;
}

describe('painting', () => {
  it('paints with the CSS Custom Highlight API by default: no element is added to the page', async () => {
    await d.goto(server.url('article.html'));
    const clean = await d.page.evaluate(() => document.body.innerHTML);
    await journey.waitReady(d);
    const after = await d.page.evaluate(() => ({ html: document.body.innerHTML, ranges: CSS.highlights.get('context-overlays')?.size ?? 0 }));
    expect(after.ranges).toBeGreaterThan(20);
    expect(after.html).toBe(clean);
  });

  it('keyboard mode wraps names in focusable marks, and turning off restores the exact original DOM', async () => {
    await patchSettings(session, { enabled: false });
    await d.goto(server.url('article.html'));
    await journey.waitFor('state off', async () => (await journey.pageState(d)) === 'off');
    const original = await d.page.evaluate(() => document.body.innerHTML);
    await patchSettings(session, { enabled: true, keyboardMode: true });
    await journey.waitReady(d);
    const marked = await d.page.evaluate(() => ({ html: document.body.innerHTML, marks: document.querySelectorAll('context-overlays-mark[tabindex="0"]').length }));
    expect(marked.marks).toBeGreaterThan(20);
    expect(marked.html).not.toBe(original);
    await patchSettings(session, { enabled: false });
    await journey.waitFor('state off', async () => (await journey.pageState(d)) === 'off');
    expect(await d.page.evaluate(() => document.body.innerHTML)).toBe(original);
  });

  for (const keyboardMode of [false, true]) {
    it(`moves no element box (${keyboardMode ? 'wrapper' : 'highlight'} painter, underline and background)`, async () => {
      await patchSettings(session, { enabled: false });
      await d.goto(server.url('article.html'));
      await journey.waitFor('state off', async () => (await journey.pageState(d)) === 'off');
      const before = await d.page.evaluate(boxesScript);
      for (const highlightStyle of ['underline', 'background']) {
        await patchSettings(session, { enabled: true, keyboardMode, highlightStyle });
        await journey.waitReady(d);
        expect(await d.page.evaluate(boxesScript)).toEqual(before);
      }
    });
  }

  it('keeps the page’s event handlers and links working', async () => {
    await loadWithSettings('article.html', { keyboardMode: true });
    // The paragraph with "State Department" has a click handler; clicking the highlighted name reaches it.
    await journey.hoverText(d, 'State Department');
    await d.page.mouse.down();
    await d.page.mouse.up();
    expect(await d.page.evaluate(() => (window as unknown as { __paraClicks: number }).__paraClicks)).toBe(1);
    // An entity inside a link is marked, and a click still follows the link.
    const link = await d.page.evaluate(() => {
      const a = document.getElementById('jsoc-link') as HTMLAnchorElement;
      return { marked: !!a.querySelector('context-overlays-mark'), href: a.getAttribute('href') };
    });
    expect(link).toEqual({ marked: true, href: '#jsoc-note' });
    await d.page.click('#jsoc-link');
    expect(await d.page.evaluate(() => location.hash)).toBe('#jsoc-note');
  });

  it('first occurrence only paints each entity once; style "none" paints nothing visible', async () => {
    const all = await loadWithSettings('article.html', {});
    const first = await loadWithSettings('article.html', { firstOccurrenceOnly: true });
    expect(first).toBeLessThan(all);
    const texts = await journey.highlightTexts(d);
    // The article first names the command "Northern Command (NORTHCOM)": only that first mention is painted.
    expect(texts.filter((t) => t === 'NORTHCOM' || t === 'Northern Command')).toEqual(['Northern Command']);
  });

  it('categories: turning people off removes people only', async () => {
    await loadWithSettings('article.html', { categories: { person: false, organization: true, agency: true, place: true, group: true, publisher: true, other: true } });
    const texts = await journey.highlightTexts(d);
    expect(texts).not.toContain('Colby Jenkins');
    expect(texts).toContain('NORTHCOM');
  });
});

describe('dynamic pages', () => {
  it('an SPA that swaps the article gets the new story highlighted', async () => {
    await journey.openArticle(d, server.url('spa.html'));
    await journey.waitFor('first story', async () => (await journey.highlightTexts(d)).includes('Sinaloa Cartel'));
    await d.page.click('#story-2');
    await journey.waitFor('second story highlighted', async () => {
      const t = await journey.highlightTexts(d);
      return t.includes('Marco Rubio') && t.includes('NATO') && t.includes('Rubio') && !t.includes('Sinaloa Cartel');
    });
  });

  it('infinite scroll: new cards are highlighted, earlier ones are not rescanned', async () => {
    await journey.openArticle(d, server.url('infinite.html'));
    await d.page.evaluate(() => (window as unknown as { __loadMore(): number }).__loadMore());
    await d.page.evaluate(() => (window as unknown as { __loadMore(): number }).__loadMore());
    const texts = await journey.waitFor('new cards highlighted', async () => {
      const t = await journey.highlightTexts(d);
      return t.includes('Special Operations Command North') && t.includes('Gregory M. Guillot') && t.includes('Guillot') ? t : null;
    });
    expect(texts.filter((t) => t === 'FBI')).toHaveLength(1); // the first card was not painted twice
    // Our own painting must not feed the observer: once idle, the state stays put. (Idle first: on a
    // loaded CI machine the second card's batch can still be in flight when the names show up.)
    let s1 = await journey.pageState(d);
    await journey.waitFor('the page to be idle', async () => {
      await new Promise((r) => setTimeout(r, 300));
      const now = await journey.pageState(d);
      const idle = now === s1;
      s1 = now;
      return idle || null;
    });
    await new Promise((r) => setTimeout(r, 800));
    expect(await journey.pageState(d)).toBe(s1);
  });

  it('highlights inside same-origin iframes', async () => {
    await journey.openArticle(d, server.url('with-iframe.html'));
    const frame = d.page.frame({ url: /frame-story\.html/ })!;
    await frame.waitForFunction(() => document.documentElement.getAttribute('data-context-overlays-state')?.startsWith('ready:'));
    const texts = await frame.evaluate(() => [...(CSS.highlights.get('context-overlays') ?? [])].map((r) => (r as Range).toString()));
    expect(texts).toEqual(expect.arrayContaining(['CIA', 'Sinaloa Cartel']));
  });
});

describe('service worker restarts', () => {
  it('a page keeps working after Chrome kills the service worker (state rebuilt from IndexedDB)', async () => {
    await journey.openArticle(d, server.url('spa.html'));
    await journey.waitFor('first story', async () => (await journey.highlightTexts(d)).includes('Sinaloa Cartel'));
    const cdp = await session.context.newCDPSession(d.page);
    const swTargets = async () => {
      const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: { targetId: string; type: string; url: string }[] };
      return targetInfos.filter((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${session.extensionId}/`));
    };
    const [sw] = await swTargets();
    expect(sw, 'the extension service worker is running').toBeTruthy();
    await cdp.send('Target.closeTarget', { targetId: sw!.targetId });
    // Proof it was stopped, not just idle: its target disappears.
    await journey.waitFor('service worker stopped', async () => (await swTargets()).length === 0, 10_000);
    await cdp.detach();
    await d.page.click('#story-2');
    await journey.waitFor('story highlighted by a restarted worker', async () => (await journey.highlightTexts(d)).includes('Marco Rubio'), 20_000);
    await journey.hoverText(d, 'Marco Rubio');
    await journey.waitPopover(d, 'Rubio');
  });
});

describe('never blocks the page', () => {
  it('a 20,000-word page is highlighted with no long task (> 50 ms) from the extension', async () => {
    await d.page.addInitScript(() => {
      const w = window as unknown as { __longTasks: { start: number; duration: number }[] };
      w.__longTasks = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.__longTasks.push({ start: e.startTime, duration: e.duration });
      }).observe({ type: 'longtask', buffered: true });
    });
    const opened = await journey.openArticle(d, server.url('long.html'));
    const timing = await d.page.evaluate(() => {
      const start = performance.getEntriesByName('context-overlays:start')[0]!.startTime;
      const ready = performance.getEntriesByName('context-overlays:ready')[0]!.startTime;
      const w = window as unknown as { __longTasks: { start: number; duration: number }[] };
      return { start, ready, tasks: w.__longTasks.filter((t) => t.start >= start) };
    });
    console.log(`long.html: ${opened.ready} highlights, script start → ready ${Math.round(timing.ready - timing.start)} ms, long tasks after start: ${JSON.stringify(timing.tasks)}`);
    expect(opened.ready).toBeGreaterThan(1000);
    expect(timing.tasks).toEqual([]);
  });

  it('the content script bundle stays small and carries no Dexie', () => {
    const js = fs.readFileSync('dist/chrome/content.js', 'utf8');
    expect(js).not.toMatch(/Dexie/);
    expect(js.length).toBeLessThan(120_000);
  });
});

describe('popover', () => {
  it('shows type, description, facts, dated linked sources, as-of and pack; opens in under a frame after the delay', async () => {
    await journey.openArticle(d, server.url('article.html'));
    await d.page.evaluate(() => {
      const w = window as unknown as { __shownAt?: number; __movedAt?: number };
      document.addEventListener('pointermove', () => (w.__movedAt = performance.now()), { capture: true });
      new MutationObserver(() => {
        if (document.querySelector('context-overlays-popover') && w.__shownAt === undefined) w.__shownAt = performance.now();
      }).observe(document.documentElement, { childList: true });
    });
    await journey.hoverText(d, 'Colby Jenkins');
    const p = await journey.waitPopover(d, 'Colby Jenkins');
    const t = await d.page.evaluate(() => {
      const w = window as unknown as { __shownAt: number; __movedAt: number };
      return w.__shownAt - w.__movedAt;
    });
    console.log(`popover shown ${t.toFixed(1)} ms after the last pointer move (hover delay 300 ms)`);
    expect(t).toBeGreaterThanOrEqual(250);
    expect(t).toBeLessThan(300 + 50);
    expect(p.label ?? '').not.toBe('');
    expect(p.text).toMatch(/person/i);
    expect(p.links.length).toBeGreaterThan(0);
    expect(p.text).toMatch(/As of|as of/);
    expect(p.text).toMatch(/Starter/i);
  });

  it('stays open while the pointer moves into it, closes after leaving both', async () => {
    await journey.openArticle(d, server.url('article.html'));
    await journey.hoverText(d, 'NORTHCOM');
    await journey.waitPopover(d, 'Northern Command');
    const box = await d.page.evaluate(() => document.querySelector('context-overlays-popover')!.getBoundingClientRect().toJSON());
    await d.page.mouse.move(box.x + 20, box.y + 20, { steps: 4 });
    await new Promise((r) => setTimeout(r, 700));
    expect(await d.popover()).not.toBeNull();
    await d.page.mouse.move(5, 5);
    await journey.waitFor('popover closes after the grace period', async () => (await d.popover()) === null, 3_000);
  });

  it('keyboard mode: Tab reaches highlights, Enter opens, Esc closes and returns focus', async () => {
    await loadWithSettings('article.html', { keyboardMode: true });
    await d.page.focus('#search-input');
    await d.page.keyboard.press('Shift+Tab'); // back out of the form, then forward into the article
    let reached = false;
    for (let i = 0; i < 30 && !reached; i++) {
      await d.page.keyboard.press('Tab');
      reached = await d.page.evaluate(() => document.activeElement?.tagName === 'CONTEXT-OVERLAYS-MARK');
    }
    expect(reached).toBe(true);
    const focused = await d.page.evaluate(() => document.activeElement!.textContent);
    await d.page.keyboard.press('Enter');
    const p = await journey.waitPopover(d);
    expect(p.role).toBe('dialog');
    await d.page.keyboard.press('Escape');
    await journey.waitFor('closed', async () => (await d.popover()) === null, 3_000);
    expect(await d.page.evaluate(() => document.activeElement!.textContent)).toBe(focused);
  });

  it('modifier mode: no popover on plain hover, one while Alt is held', async () => {
    await loadWithSettings('article.html', { modifierKey: 'alt' });
    await journey.hoverText(d, 'NORTHCOM');
    await new Promise((r) => setTimeout(r, 700));
    expect(await d.popover()).toBeNull();
    await d.page.keyboard.down('Alt');
    await journey.hoverText(d, 'NORTHCOM', 1);
    await journey.waitPopover(d, 'Northern Command');
    await d.page.keyboard.up('Alt');
  });

  it('mute hides the entity on the page; wrong match is stored for the options page', async () => {
    await journey.openArticle(d, server.url('article.html'));
    await journey.hoverText(d, 'Ken Klippenstein');
    await journey.waitPopover(d, 'Klippenstein');
    await clickPopoverAction('wrong-match');
    await journey.waitPopover(d, 'Thanks');
    await clickPopoverAction('mute');
    await journey.waitFor('muted entity unhighlighted', async () => !(await journey.highlightTexts(d)).includes('Ken Klippenstein'));
    const sw = session.worker;
    const reports = await sw.evaluate(async () => {
      const req = indexedDB.open('context-overlays');
      const db: IDBDatabase = await new Promise((res, rej) => { req.onsuccess = () => res(req.result); req.onerror = () => rej(req.error); });
      const read = (name: string) => new Promise<unknown[]>((res) => { const r = db.transaction(name).objectStore(name).getAll(); r.onsuccess = () => res(r.result); });
      return { reports: await read('reports'), muted: await read('muted') };
    });
    expect(JSON.stringify(reports.reports)).toContain('ken-klippenstein');
    expect(JSON.stringify(reports.muted)).toContain('ken-klippenstein');
  });

  it('“Look up” on a name the matcher leaves alone (two KB entities are called Georgia) shows one and offers the other', async () => {
    await journey.openArticle(d, server.url('article.html'));
    const reply = await session.sendToTab(d.page, 'lookupText', { text: 'Georgia' });
    expect(reply).toEqual({ ok: true, data: { found: true } });
    const first = await journey.waitPopover(d, 'Also named like this');
    const country = 'Country in the South Caucasus';
    const state = 'U.S. state in the Southeast';
    // One card, for one of them, with the other one click away.
    const showsCountry = first.text.indexOf(country) < first.text.indexOf('Also named like this');
    expect(first.text).toContain(showsCountry ? state : country);
    await clickPopoverAction('alternative');
    const shown = (p: { text: string }) => (p.text.indexOf(country) < p.text.indexOf('Also named like this') ? 'country' : 'state');
    const second = await journey.waitFor('the other Georgia’s card', async () => {
      const p = await d.popover();
      return p && p.text.includes('Also named like this') && shown(p) !== (showsCountry ? 'country' : 'state') ? p : null;
    });
    expect(second.links.length, 'the other entity’s card links its sources').toBeGreaterThan(0);
  });

  it('is unaffected by hostile page CSS (all: unset, 60px fonts, display:none on dialogs)', async () => {
    await journey.openArticle(d, server.url('hostile.html'));
    await journey.hoverText(d, 'NORTHCOM');
    const p = await journey.waitPopover(d, 'Northern Command');
    expect(p.links.length).toBeGreaterThan(0);
    const box = await d.page.evaluate(() => document.querySelector('context-overlays-popover')!.getBoundingClientRect().toJSON());
    expect(box.width).toBeGreaterThan(240);
    expect(box.width).toBeLessThan(480);
    expect(box.height).toBeLessThan(700);
    await d.screenshot('test/artifacts/chromium-hostile-popover.png');
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`renders in ${scheme} mode (screenshot in docs/)`, async () => {
      await d.page.emulateMedia({ colorScheme: scheme });
      await journey.openArticle(d, server.url('article.html'));
      await journey.hoverText(d, 'Cartel de Jalisco Nueva Generacion');
      await journey.waitPopover(d, 'Jalisco');
      await new Promise((r) => setTimeout(r, 200));
      fs.mkdirSync('docs/screenshots', { recursive: true });
      await d.page.screenshot({ path: `docs/screenshots/popover-${scheme}.png` });
      await d.page.emulateMedia({ colorScheme: 'light' });
    });
  }
});

async function clickPopoverAction(action: string): Promise<void> {
  // Closed shadow root: find the button's box with CDP, then click it like a mouse.
  const cdp = await session.context.newCDPSession(d.page);
  try {
    // The card may still be loading (it shows only the name then): wait for the button to exist.
    const nodeId = await journey.waitFor(
      `a "${action}" button in the popover`,
      async () => {
        const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: { nodeId: number } };
        const { nodeIds } = await cdp.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector: 'context-overlays-popover' });
        if (!nodeIds.length) return 0;
        const host = (await cdp.send('DOM.describeNode', { nodeId: nodeIds[0]!, depth: 1, pierce: true })) as { node: { shadowRoots?: { backendNodeId: number }[] } };
        const shadowBackend = host.node.shadowRoots![0]!.backendNodeId;
        const pushed = await cdp.send('DOM.pushNodesByBackendIdsToFrontend', { backendNodeIds: [shadowBackend] });
        return (await cdp.send('DOM.querySelector', { nodeId: pushed.nodeIds[0]!, selector: `[data-action="${action}"]` })).nodeId;
      },
      5_000,
    );
    // The card scrolls inside itself; bring the button into view as the reader would.
    const { node } = await cdp.send('DOM.describeNode', { nodeId });
    await cdp.send('DOM.scrollIntoViewIfNeeded', { backendNodeId: node.backendNodeId });
    const { model } = await cdp.send('DOM.getBoxModel', { nodeId });
    const [x1, y1, , , x3, y3] = model.content;
    await d.page.mouse.click((x1! + x3!) / 2, (y1! + y3!) / 2);
  } finally {
    await cdp.detach();
  }
}

