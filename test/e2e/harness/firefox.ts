// Debian's Firefox ESR with the built extension installed as a temporary add-on, driven by
// puppeteer-core over WebDriver BiDi (../shared/e2e-recipe.md). playwright-core cannot drive a stock
// Firefox, so this is the one place that differs from chromium.ts.
import fs from 'node:fs';
import path from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { snapshotFromTree, type Driver, type PopoverSnapshot, type TreeNode } from './driver';
import { hoverHighlight, waitFor } from '../journey';

export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

export interface FirefoxSession {
  browser: Browser;
  addonId: string;
  close(): Promise<void>;
}

export async function launchFirefox(): Promise<FirefoxSession> {
  const ext = path.resolve('dist/firefox');
  if (!fs.existsSync(path.join(ext, 'manifest.json'))) throw new Error('dist/firefox is missing: run `npm run build` first');
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    defaultViewport: { width: 1280, height: 900 },
    extraPrefsFirefox: {
      // Links from the popover open new tabs; keep them in this window.
      'browser.link.open_newwindow': 3,
    },
  });
  const addonId = await browser.installExtension(ext);
  return { browser, addonId, close: () => browser.close() };
}

// ---- raw WebDriver BiDi, for what puppeteer does not expose ------------------------------------

interface BidiNode {
  type: string;
  sharedId?: string;
  value?: {
    nodeType: number;
    localName?: string;
    nodeValue?: string;
    attributes?: Record<string, string>;
    children?: BidiNode[];
    shadowRoot?: BidiNode | null;
  };
}

type BidiSend = (method: string, params: object) => Promise<{ result: unknown }>;

function bidi(browser: Browser): BidiSend {
  // `connection` is the BiDi connection of puppeteer's BidiBrowser (public getter, untyped).
  const conn = (browser as unknown as { connection: { send: BidiSend } }).connection;
  return (method, params) => conn.send(method, params);
}

function contextId(page: Page): string {
  return (page.mainFrame() as unknown as { _id: string })._id;
}

/** Serialises the popover host including its CLOSED shadow root (BiDi includeShadowTree: "all"). */
async function popoverNode(browser: Browser, page: Page): Promise<BidiNode | null> {
  const res = (await bidi(browser)('script.evaluate', {
    expression: 'document.querySelector("context-overlays-popover")',
    target: { context: contextId(page) },
    awaitPromise: false,
    serializationOptions: { maxDomDepth: 40, includeShadowTree: 'all' },
  })) as { result: { type: string; result: BidiNode } };
  const node = res.result.result;
  return node.type === 'node' ? node : null;
}

function bidiToTree(n: BidiNode): TreeNode {
  const v = n.value!;
  const kids = [...(v.shadowRoot ? [v.shadowRoot] : []), ...(v.children ?? [])];
  return {
    name: v.nodeType === 3 ? '#text' : (v.localName ?? '#fragment'),
    attrs: v.attributes ?? {},
    value: v.nodeType === 3 ? v.nodeValue : undefined,
    children: kids.map(bidiToTree),
  };
}

function findBidi(n: BidiNode, pred: (n: BidiNode) => boolean): BidiNode | undefined {
  if (pred(n)) return n;
  const v = n.value;
  for (const c of [...(v?.shadowRoot ? [v.shadowRoot] : []), ...(v?.children ?? [])]) {
    const hit = findBidi(c, pred);
    if (hit) return hit;
  }
  return undefined;
}

/** Clicks an element inside the popover's closed root, as a mouse would (BiDi input actions). */
export async function clickInPopover(session: FirefoxSession, page: Page, pred: (attrs: Record<string, string>, text: string) => boolean): Promise<void> {
  const host = await popoverNode(session.browser, page);
  if (!host) throw new Error('no popover open');
  const target = findBidi(host, (n) => n.value?.nodeType === 1 && pred(n.value.attributes ?? {}, textOfBidi(n)));
  if (!target?.sharedId) throw new Error('element not found in popover');
  // The card scrolls inside itself (max-height), and BiDi pointer actions do not scroll an element
  // into view: do what the reader does and scroll the card to the button first.
  await bidi(session.browser)('script.callFunction', {
    functionDeclaration: '(el) => el.scrollIntoView({ block: "nearest" })',
    arguments: [{ sharedId: target.sharedId }],
    target: { context: contextId(page) },
    awaitPromise: false,
  });
  await bidi(session.browser)('input.performActions', {
    context: contextId(page),
    actions: [
      {
        type: 'pointer',
        id: 'co-mouse',
        parameters: { pointerType: 'mouse' },
        actions: [
          { type: 'pointerMove', x: 0, y: 0, origin: { type: 'element', element: { sharedId: target.sharedId } } },
          { type: 'pointerDown', button: 0 },
          { type: 'pointerUp', button: 0 },
        ],
      },
    ],
  });
}

function textOfBidi(n: BidiNode): string {
  const v = n.value;
  if (!v) return '';
  if (v.nodeType === 3) return v.nodeValue ?? '';
  return [...(v.shadowRoot ? [v.shadowRoot] : []), ...(v.children ?? [])].map(textOfBidi).join('');
}

export async function firefoxDriver(session: FirefoxSession): Promise<Driver & { page: Page }> {
  const page = await session.browser.newPage();
  let optionsPage: Page | undefined;
  const driver: Driver & { page: Page } = {
    name: 'firefox',
    page,
    async goto(url) {
      await page.goto(url);
    },
    evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
    mouseMove: (x, y) => page.mouse.move(x, y),
    press: (key) => page.keyboard.press(key as never),
    async popover(): Promise<PopoverSnapshot | null> {
      const host = await popoverNode(session.browser, page);
      const shadow = host?.value?.shadowRoot;
      return shadow ? snapshotFromTree(bidiToTree(shadow)) : null;
    },
    async setSiteEnabled(enabled) {
      // Firefox refuses BiDi navigation to moz-extension:// pages (see the recipe), so the toolbar popup
      // cannot be opened here. The reader's other route is used instead: the popover's "Open full
      // entry" opens the options page (the extension opens it itself, so the test may drive it), and the
      // site list there sets the rule for this site. The popup's own switch is covered in Chromium.
      // With the site switched off there is no highlight left to open a popover on, so the options
      // tab stays open between calls, as a reader would keep it.
      const host = new URL(page.url()).hostname;
      optionsPage ??= await openOptionsFromPopover(session, page, driver);
      await optionsPage.bringToFront();
      await optionsPage.waitForSelector('[data-testid="options-site-list"]');
      await setSiteRuleInOptions(optionsPage, host, enabled);
      await page.bringToFront();
    },
    async screenshot(file) {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      await page.screenshot({ path: file as `${string}.png` });
    },
    async close() {
      await optionsPage?.close().catch(() => undefined);
      await page.close();
    },
  };
  return driver;
}

async function openOptionsFromPopover(session: FirefoxSession, page: Page, driver: Driver): Promise<Page> {
  if (!(await driver.popover())) {
    // Open a popover on a highlight with a hover, as the reader does (BiDi refuses pointer moves
    // outside the viewport; the helper scrolls the name into view).
    await hoverHighlight(driver);
    await page.waitForSelector('context-overlays-popover');
  }
  await clickInPopover(session, page, (a) => a['data-action'] === 'open-entry');
  // The tab the extension opens shows up in browser.pages() (see ../shared/e2e-recipe.md), though
  // puppeteer (24.43, Firefox ESR 153, 2026-11) never updates its url() from about:blank: poll.
  return waitFor(
    'the options page the popover opened',
    async () => {
      for (const p of await session.browser.pages()) {
        // puppeteer keeps reporting about:blank for a tab an extension opened; the page itself knows.
        const href = await p.evaluate(() => location.href).catch(() => '');
        if (href.includes('options.html')) return p;
      }
      return null;
    },
    10_000,
  );
}

async function setSiteRuleInOptions(options: Page, host: string, enabled: boolean): Promise<void> {
  const input = await options.waitForSelector('[data-testid="options-site-host"]');
  await input!.click({ clickCount: 3 });
  await input!.type(host);
  await options.select('[data-testid="options-site-rule"]', enabled ? 'allow' : 'deny');
  await options.click('[data-testid="options-site-add"]');
  // waitForFunction compiles its predicate with Function(), which the extension page's CSP blocks:
  // poll with plain evaluate calls instead.
  const rule = enabled ? 'allow' : 'deny';
  await waitFor(
    `site rule ${host} → ${rule} shown in options`,
    () =>
      options.evaluate(
        (h, r) => [...document.querySelectorAll('[data-testid="options-site-row"]')].some((row) => row.textContent?.includes(h) && (row.querySelector('select') as HTMLSelectElement | null)?.value === r),
        host,
        rule,
      ),
    10_000,
  );
}
