// Background entry: the same bundle runs as Chrome's MV3 service worker and as Firefox's MV3
// background script (build.mjs only changes the manifest). Listeners are registered synchronously at
// top level so a restarted service worker receives the event that woke it.
import browser, { type Runtime } from '../shared/browser';
import { handlers } from './handlers';
import { db } from './kb-service';
import { registerMenus } from './menus';
import { createRouter, type HandlerMap } from './router';

const route = createRouter(handlers as unknown as HandlerMap, () => ({
  extensionId: browser.runtime.id,
  extensionOrigin: browser.runtime.getURL(''),
}));

browser.runtime.onMessage.addListener((raw: unknown, sender: Runtime.MessageSender) => route(raw, sender));

browser.runtime.onInstalled.addListener(() => {
  // Fill the database now rather than on the first page the reader opens.
  void db();
});

registerMenus();
