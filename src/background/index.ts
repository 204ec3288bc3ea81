// Background entry: the same bundle runs as Chrome's MV3 service worker and as Firefox's MV3
// background script (build.mjs only changes the manifest). Listeners are registered synchronously at
// top level so a restarted service worker receives the event that woke it.
import browser, { type Runtime } from '../shared/browser';
import { CONTENT_ALLOWED, parseEnvelope, toBackground, type Reply } from '../shared/messages';
import { handlers } from './handlers';
import { db } from './kb-service';
import { registerMenus } from './menus';

/** Why a sender may not use the background; undefined when it may. */
export function rejectSender(sender: Runtime.MessageSender, type: string): string | undefined {
  // Only this extension's own contexts: other extensions (externally_connectable is not declared, but
  // be explicit) and web pages have a different or no id.
  if (sender.id !== browser.runtime.id) return 'message from another extension';
  const extensionOrigin = browser.runtime.getURL('');
  const url = sender.url ?? '';
  if (url.startsWith(extensionOrigin)) return undefined; // popup, options
  if (sender.tab && /^https?:/.test(url)) {
    return CONTENT_ALLOWED.has(type as never) ? undefined : `${type} is not available to content scripts`;
  }
  return 'unknown sender';
}

browser.runtime.onMessage.addListener((raw: unknown, sender: Runtime.MessageSender) => {
  const parsed = parseEnvelope(toBackground, raw);
  if ('error' in parsed) return Promise.resolve<Reply<never>>({ ok: false, error: parsed.error });
  const refused = rejectSender(sender, parsed.type);
  if (refused) return Promise.resolve<Reply<never>>({ ok: false, error: refused });
  const handler = handlers[parsed.type] as (p: unknown) => Promise<unknown>;
  return handler(parsed.payload).then(
    (data) => ({ ok: true, data }),
    (err: unknown) => ({ ok: false, error: err instanceof Error ? err.message : String(err) }),
  );
});

browser.runtime.onInstalled.addListener(() => {
  // Fill the database now rather than on the first page the reader opens.
  void db();
});

registerMenus();
