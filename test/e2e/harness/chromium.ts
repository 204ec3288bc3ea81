// Debian's Chromium with the built extension, driven by playwright-core (../shared/e2e-recipe.md).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { snapshotFromTree, type Driver, type PopoverSnapshot, type TreeNode } from './driver';
import { envelope, type ContentMessageType } from '../../../src/shared/messages';

export const CHROME_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';

export interface ChromiumSession {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  extUrl(page: string): string;
  /** The tab id the extension sees for a page (to open popup.html?tab=N like the toolbar does). */
  tabIdOf(page: Page): Promise<number>;
  /** Sends the page's content script a message from the background, as the context menu and the keyboard
   *  command do; resolves to the reply envelope. */
  sendToTab(page: Page, type: ContentMessageType, payload: unknown): Promise<unknown>;
  close(): Promise<void>;
}

export async function launchChromium(opts: { colorScheme?: 'light' | 'dark'; locale?: string } = {}): Promise<ChromiumSession> {
  const ext = path.resolve('dist/chrome');
  if (!fs.existsSync(path.join(ext, 'manifest.json'))) throw new Error('dist/chrome is missing: run `npm run build` first');
  const userDir = fs.mkdtempSync(path.join(os.tmpdir(), 'co-e2e-'));
  const context = await chromium.launchPersistentContext(userDir, {
    executablePath: CHROME_PATH,
    headless: true,
    colorScheme: opts.colorScheme ?? 'light',
    locale: opts.locale ?? 'en-US',
    viewport: { width: 1280, height: 900 },
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [
      `--disable-extensions-except=${ext}`,
      `--load-extension=${ext}`,
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      // Lets a fixture be served as a known publisher's site (popup publisher card) without a network.
      '--host-resolver-rules=MAP thegatewaypundit.com 127.0.0.1, MAP www.thegatewaypundit.com 127.0.0.1',
      `--lang=${opts.locale ?? 'en-US'}`,
    ],
  });
  let [worker] = context.serviceWorkers();
  worker ??= await context.waitForEvent('serviceworker');
  const extensionId = new URL(worker.url()).host;
  // Chrome may stop the worker (the restart test does it on purpose); the next message starts a new
  // one, and the harness must talk to that one.
  let latest = worker;
  context.on('serviceworker', (w) => {
    if (w.url().startsWith(`chrome-extension://${extensionId}/`)) latest = w;
  });
  async function tabIdOf(page: Page): Promise<number> {
    // Without the "tabs" permission (deliberately not requested: it warns "read your browsing
    // history") tabs.query returns no URLs, so identify the tab by making it the active one.
    await page.bringToFront();
    const url = page.url();
    const sw = latest;
    const id = await sw.evaluate(async () => {
      const tabs: { id?: number }[] = await (globalThis as any).chrome.tabs.query({ active: true, lastFocusedWindow: true });
      return tabs.length === 1 ? (tabs[0]?.id ?? -1) : -1;
    });
    if (id < 0) throw new Error(`no active tab for ${url}`);
    return id;
  }

  return {
    context,
    get worker() {
      return latest;
    },
    extensionId,
    extUrl: (p) => `chrome-extension://${extensionId}/${p}`,
    tabIdOf,
    async sendToTab(page, type, payload) {
      const tab = await tabIdOf(page);
      return latest.evaluate(
        ([id, message]) => (globalThis as any).chrome.tabs.sendMessage(id, message, { frameId: 0 }),
        [tab, envelope(type, payload)] as const,
      );
    },
    async close() {
      await context.close();
      fs.rmSync(userDir, { recursive: true, force: true });
    },
  };
}

/** Reads the popover's closed shadow root with CDP (DOM.getDocument pierces closed roots). */
export async function readPopover(session: ChromiumSession, page: Page): Promise<PopoverSnapshot | null> {
  const cdp = await session.context.newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
    const host = findCdp(root, (n) => n.localName === 'context-overlays-popover');
    const shadow = host?.shadowRoots?.[0];
    if (!shadow) return null;
    return snapshotFromTree(cdpToTree(shadow));
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

interface CdpNode {
  nodeType: number;
  nodeName: string;
  localName: string;
  nodeValue: string;
  attributes?: string[];
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
}

function findCdp(n: CdpNode, pred: (n: CdpNode) => boolean): CdpNode | undefined {
  if (pred(n)) return n;
  for (const c of [...(n.children ?? []), ...(n.shadowRoots ?? [])]) {
    const hit = findCdp(c, pred);
    if (hit) return hit;
  }
  return undefined;
}

function cdpToTree(n: CdpNode): TreeNode {
  const attrs: Record<string, string> = {};
  for (let i = 0; i + 1 < (n.attributes?.length ?? 0); i += 2) attrs[n.attributes![i]!] = n.attributes![i + 1]!;
  return {
    name: n.nodeType === 3 ? '#text' : n.localName || n.nodeName.toLowerCase(),
    attrs,
    value: n.nodeType === 3 ? n.nodeValue : undefined,
    children: [...(n.shadowRoots ?? []), ...(n.children ?? [])].map(cdpToTree),
  };
}

export async function chromiumDriver(session: ChromiumSession): Promise<Driver & { page: Page }> {
  const page = await session.context.newPage();
  return {
    name: 'chromium',
    page,
    async goto(url) {
      await page.goto(url);
    },
    evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
    mouseMove: (x, y) => page.mouse.move(x, y),
    press: (key) => page.keyboard.press(key),
    popover: () => readPopover(session, page),
    async setSiteEnabled(enabled) {
      // The toolbar popup, opened as a tab for the page under test (a test cannot click the toolbar).
      const tabId = await session.tabIdOf(page);
      const popup = await session.context.newPage();
      await popup.goto(session.extUrl(`popup.html?tab=${tabId}`));
      const toggle = popup.getByTestId('popup-site-toggle');
      await toggle.waitFor();
      if ((await toggle.isChecked()) !== enabled) await toggle.click();
      await popup.waitForFunction((want) => (document.querySelector('[data-testid="popup-site-toggle"]') as HTMLInputElement)?.checked === want, enabled);
      await popup.close();
      await page.bringToFront();
    },
    async screenshot(file) {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      await page.screenshot({ path: file });
    },
    close: () => page.close(),
  };
}

/**
 * Changes settings the way the options page does (one write to storage.sync under "settings"), for
 * tests about the page rather than about the options UI (which has its own tests).
 */
export async function patchSettings(session: ChromiumSession, patch: Record<string, unknown>): Promise<void> {
  const sw = session.worker;
  await sw.evaluate(async (p) => {
    const storage = (globalThis as any).chrome.storage.sync;
    const { settings } = await storage.get('settings');
    await storage.set({ settings: { ...(settings ?? { version: 2 }), ...p } });
  }, patch);
}

/** Resets the settings to the first-run defaults. */
export async function resetSettings(session: ChromiumSession): Promise<void> {
  const sw = session.worker;
  await sw.evaluate(async () => {
    await (globalThis as any).chrome.storage.sync.remove('settings');
  });
}
