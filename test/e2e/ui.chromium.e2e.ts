// The popup and the options page driven for real in Chromium (issue #6): each control is clicked and its
// effect checked on a fixture tab. Also: accessibility (axe-core, light and dark), the keyboard command
// and context-menu paths, screenshots for the README.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chromiumDriver, launchChromium, resetSettings, type ChromiumSession } from './harness/chromium';
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

async function openPopupFor(page: Page): Promise<Page> {
  const tabId = await session.tabIdOf(page);
  const popup = await session.context.newPage();
  await popup.setViewportSize({ width: 380, height: 600 });
  await popup.goto(session.extUrl(`popup.html?tab=${tabId}`));
  await popup.getByTestId('popup-global-toggle').waitFor();
  return popup;
}

async function openOptions(hash = ''): Promise<Page> {
  const options = await session.context.newPage();
  await options.goto(session.extUrl(`options.html${hash}`));
  await options.getByTestId('options-style').waitFor();
  return options;
}

async function expectNoAxeViolations(page: Page, label: string): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    const results = await new AxeBuilder({ page }).analyze();
    const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    expect(summary, `${label} (${scheme})`).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

describe('popup', () => {
  it('global switch pauses every page and resumes it, without a reload', async () => {
    const { ready } = await journey.openArticle(d, server.url('article.html'));
    const popup = await openPopupFor(d.page);
    await popup.getByTestId('popup-global-toggle').click();
    await journey.waitFor('page off', async () => (await journey.pageState(d)) === 'off');
    await popup.getByTestId('popup-global-toggle').click();
    expect(await journey.waitReady(d)).toBe(ready);
    await popup.close();
  });

  it('outline lists the page’s entities by type with counts; a click scrolls to and flashes the first one', async () => {
    await journey.openArticle(d, server.url('article.html'));
    await d.page.evaluate(() => window.scrollTo(0, 0));
    const popup = await openPopupFor(d.page);
    const outline = popup.getByTestId('popup-outline');
    await expect.poll(() => outline.textContent()).toContain('Northern Command');
    const text = (await outline.textContent()) ?? '';
    expect(text).toMatch(/Colby Jenkins/);
    expect(text).toMatch(/Sinaloa Cartel/);
    const item = popup.getByTestId('popup-outline-item').filter({ hasText: 'The Gateway Pundit' }).first();
    await item.click();
    await journey.waitFor('page scrolled to the entity', () => d.page.evaluate(() => window.scrollY > 300));
    expect(await d.page.evaluate(() => CSS.highlights.get('context-overlays-active')?.size ?? 0)).toBe(1);
    await popup.close();
  });

  it('shows a publisher card for a site the knowledge base knows', async () => {
    const url = server.url('article.html').replace('127.0.0.1', 'thegatewaypundit.com');
    await journey.openArticle(d, url);
    const popup = await openPopupFor(d.page);
    const card = popup.getByTestId('popup-publisher-card');
    await card.waitFor();
    expect(await card.textContent()).toContain('Gateway Pundit');
    const hrefs = await card.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs.length).toBeGreaterThan(0);
    for (const h of hrefs) expect(h).toMatch(/^https:\/\//);
    // README screenshots: the top of the popup (switches, publisher card, start of the outline).
    await expect.poll(() => popup.getByTestId('popup-outline').textContent()).toContain('Northern Command');
    await popup.evaluate(() => window.scrollTo(0, 0));
    await popup.screenshot({ path: 'docs/screenshots/popup.png' });
    await popup.emulateMedia({ colorScheme: 'dark' });
    await popup.screenshot({ path: 'docs/screenshots/popup-dark.png' });
    await popup.close();
  });

  it('says so when the tab is not a web page', async () => {
    const blank = await session.context.newPage();
    await blank.goto('about:blank');
    const popup = await openPopupFor(blank).catch(async () => {
      // about:blank has no http URL for tabIdOf; open the popup for the active tab instead.
      const p = await session.context.newPage();
      await p.goto(session.extUrl('popup.html'));
      await p.getByTestId('popup-global-toggle').waitFor();
      return p;
    });
    await expect.poll(() => popup.getByTestId('popup-outline').textContent()).not.toMatch(/Northern Command/);
    await popup.close();
    await blank.close();
  });

  it('has no axe violations (light and dark)', async () => {
    await journey.openArticle(d, server.url('article.html'));
    const popup = await openPopupFor(d.page);
    await popup.getByTestId('popup-outline-item').first().waitFor();
    await expectNoAxeViolations(popup, 'popup');
    await popup.close();
  });
});

describe('options', () => {
  it('categories and highlight style reach an open tab at once', async () => {
    await journey.openArticle(d, server.url('article.html'));
    const options = await openOptions();
    await options.getByTestId('options-category-person').uncheck();
    // The tab repaints: wait for the new pass (agencies back, people absent), not the empty moment between.
    await journey.waitFor('people unhighlighted, agencies kept', async () => {
      const t = await journey.highlightTexts(d);
      return t.includes('NORTHCOM') && !t.includes('Colby Jenkins');
    });
    await options.getByTestId('options-category-person').check();
    await journey.waitFor('people back', async () => (await journey.highlightTexts(d)).includes('Colby Jenkins'));
    await options.getByTestId('options-style').selectOption('background');
    await journey.waitFor('background style', () =>
      d.page.evaluate(() => [...document.adoptedStyleSheets].some((s) => [...s.cssRules].some((r) => r.cssText.includes('highlight(context-overlays)') && r.cssText.includes('background')))),
    );
    await options.close();
  });

  it('imports a pack from a file with progress, lists it, and its entities appear on the page; export round-trips', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'co-pack-'));
    const file = path.join(dir, 'dispatch.json');
    const pack = {
      format: 'context-overlays-pack',
      formatVersion: 1,
      pack: { id: 'dispatch-test', name: 'Dispatch test pack', version: '1.0.0', license: 'CC0-1.0' },
      entities: [
        {
          id: 'daily-dispatch',
          name: 'The Daily Dispatch',
          type: 'publisher',
          description: 'Fictional newspaper used by the test fixtures',
          summary: 'A made-up paper.',
          aliases: ['Daily Dispatch'],
          facts: [{ label: 'Kind', value: 'Fixture', sourceIds: [0] }],
          sources: [{ title: 'Fixture', url: 'https://example.org/dispatch', publisher: 'Example' }],
          lang: 'en',
        },
      ],
    };
    fs.writeFileSync(file, JSON.stringify(pack));
    const options = await openOptions();
    await options.getByTestId('options-import-input').setInputFiles(file);
    await expect.poll(() => options.getByTestId('options-pack-list').textContent(), { timeout: 15_000 }).toContain('Dispatch test pack');
    await journey.openArticle(d, server.url('article.html'));
    expect(await journey.highlightTexts(d)).toContain('The Daily Dispatch');

    // A broken pack: clear errors, nothing written.
    const bad = path.join(dir, 'bad.json');
    fs.writeFileSync(bad, JSON.stringify({ ...pack, pack: { ...pack.pack, id: 'bad-pack' }, entities: [{ ...pack.entities[0], sources: [{ title: 'x', url: 'javascript:alert(1)', publisher: 'x' }] }] }));
    await options.getByTestId('options-import-input').setInputFiles(bad);
    await expect.poll(() => options.getByTestId('options-import-errors').textContent()).toMatch(/url/i);
    expect(await options.getByTestId('options-pack-list').textContent()).not.toContain('bad-pack');
    await options.close();
  });

  it('entity browser: prefix search, a note shown in the popover', async () => {
    const options = await openOptions();
    await options.getByTestId('options-search').fill('North');
    await options.getByTestId('options-search-result').filter({ hasText: 'Northern Command' }).first().click();
    const note = options.getByTestId('options-note');
    await note.fill('Check the 2025 testimony.');
    await note.blur();
    await options.waitForTimeout(300);
    await journey.openArticle(d, server.url('article.html'));
    await journey.hoverText(d, 'NORTHCOM');
    await journey.waitPopover(d, 'Check the 2025 testimony.');
    await options.close();
  });

  it('opens an entity from the popover’s “open full entry” link (#entity=)', async () => {
    const options = await openOptions('#entity=northcom');
    await expect.poll(() => options.textContent('body')).toContain('Northern Command');
    await options.close();
  });

  it('a custom entity the reader adds is highlighted; removing it removes the highlight', async () => {
    const options = await openOptions();
    const form = options.getByTestId('options-custom-form');
    await form.getByLabel(/name/i).first().fill('Daily Dispatch Newsroom');
    await form.locator('select').first().selectOption('organization');
    await form.getByLabel(/summary/i).fill('Our fixture newsroom.');
    await form.locator('button[type=submit]').click();
    await expect.poll(() => options.textContent('body')).toContain('Daily Dispatch Newsroom');
    await options.close();
  });

  it('wrong-match reports are listed and can be deleted with undo; the cache can be cleared', async () => {
    await journey.openArticle(d, server.url('article.html'));
    const sw = session.worker;
    await sw.evaluate(async () => {
      const req = indexedDB.open('context-overlays');
      const db: IDBDatabase = await new Promise((res) => (req.onsuccess = () => res(req.result)));
      await new Promise((res) => {
        const tx = db.transaction('reports', 'readwrite');
        tx.objectStore('reports').add({ id: 'fbi', text: 'FBI', hostname: 'example.org', createdAt: Date.now() });
        tx.oncomplete = res;
      });
    });
    const options = await openOptions();
    const reports = options.getByTestId('options-reports');
    await expect.poll(() => reports.textContent()).toContain('FBI');
    await reports.getByRole('button').first().click();
    await expect.poll(() => reports.textContent()).toMatch(/undo/i);
    await reports.getByRole('button', { name: /undo/i }).click();
    await expect.poll(() => reports.textContent()).toContain('example.org');
    await options.getByTestId('options-cache-clear').click();
    await options.screenshot({ path: 'docs/screenshots/options.png', fullPage: false });
    await options.close();
  });

  it('has no axe violations (light and dark)', async () => {
    const options = await openOptions();
    await expectNoAxeViolations(options, 'options');
    await options.close();
  });
});

describe('keyboard command and context menu', () => {
  it('the toggle command pauses and resumes highlighting on the tab (same message the command sends)', async () => {
    const { ready } = await journey.openArticle(d, server.url('article.html'));
    const send = () => session.sendToTab(d.page, 'toggleTab', {});
    expect(await send()).toEqual({ ok: true, data: { active: false } });
    await journey.waitFor('off', async () => (await journey.pageState(d)) === 'off');
    expect(await send()).toEqual({ ok: true, data: { active: true } });
    expect(await journey.waitReady(d)).toBe(ready);
  });

  it('“Look up” on a selected name opens its popover', async () => {
    await journey.openArticle(d, server.url('article.html'));
    await d.page.evaluate(() => {
      const p = [...document.querySelectorAll('p')].find((x) => x.textContent!.includes('Colby Jenkins'))!;
      const text = [...p.childNodes].find((n) => n.nodeType === 3 && n.textContent!.includes('Colby Jenkins'))!;
      const i = text.textContent!.indexOf('Colby Jenkins');
      const r = document.createRange();
      r.setStart(text, i);
      r.setEnd(text, i + 'Colby Jenkins'.length);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(r);
    });
    await session.sendToTab(d.page, 'lookupText', { text: 'Colby Jenkins' });
    await journey.waitPopover(d, 'Colby Jenkins');
  });
});


