// The context-menu lookup and the keyboard command. Both only forward to the tab's content script,
// which already has the page's matches and the popover.
import browser from '../shared/browser';
import { sendToTab } from '../shared/messaging';

const LOOKUP_MENU_ID = 'context-overlays-lookup';

export function registerMenus(): void {
  browser.runtime.onInstalled.addListener(() => {
    // Menus persist across service-worker restarts; create them once per install/update.
    void browser.contextMenus.removeAll().then(() =>
      browser.contextMenus.create({
        id: LOOKUP_MENU_ID,
        // %s is replaced by the selection by the browser itself.
        title: browser.i18n.getMessage('menuLookup') || 'Look up “%s”',
        contexts: ['selection'],
      }),
    );
  });

  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId !== LOOKUP_MENU_ID || tab?.id === undefined || !info.selectionText) return;
    void sendToTab(tab.id, 'lookupText', { text: info.selectionText.slice(0, 500) }).catch(() => {
      // The page has no content script (e.g. a browser page): nothing to show it in.
    });
  });

  browser.commands.onCommand.addListener(async (command) => {
    if (command !== 'toggle-highlighting') return;
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id !== undefined) await sendToTab(tab.id, 'toggleTab', {}).catch(() => undefined);
  });
}
