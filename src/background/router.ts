// Validates and routes every message that reaches the background. Pure (the browser's identity is
// passed in), so the sender rules are unit-tested in Node.
import { CONTENT_ALLOWED, parseEnvelope, toBackground, type BackgroundMessageType, type Reply } from '../shared/messages';

export interface SenderInfo {
  id?: string;
  url?: string;
  tab?: unknown;
}

export interface Identity {
  extensionId: string;
  /** `browser.runtime.getURL('')`: chrome-extension://<id>/ or moz-extension://<uuid>/ */
  extensionOrigin: string;
}

/** Why a sender may not ask for `type`; undefined when it may. */
export function rejectSender(sender: SenderInfo, type: BackgroundMessageType, me: Identity): string | undefined {
  // Other extensions have another id; web pages cannot reach runtime.onMessage at all without
  // externally_connectable (not declared), but a compromised page's content-script world is still a
  // web page, so content scripts only get the page-view messages.
  if (sender.id !== me.extensionId) return 'message from another extension';
  const url = sender.url ?? '';
  if (url.startsWith(me.extensionOrigin)) return undefined; // popup, options
  if (sender.tab && /^https?:/.test(url)) {
    return CONTENT_ALLOWED.has(type) ? undefined : `${type} is not available to content scripts`;
  }
  return 'unknown sender';
}

export type HandlerMap = Record<BackgroundMessageType, (payload: never) => Promise<unknown>>;

export function createRouter(handlers: HandlerMap, me: () => Identity) {
  return async (raw: unknown, sender: SenderInfo): Promise<Reply<unknown>> => {
    const parsed = parseEnvelope(toBackground, raw);
    if ('error' in parsed) return { ok: false, error: parsed.error };
    const refused = rejectSender(sender, parsed.type, me());
    if (refused) return { ok: false, error: refused };
    try {
      const handler = handlers[parsed.type] as (p: unknown) => Promise<unknown>;
      return { ok: true, data: await handler(parsed.payload) };
    } catch (err) {
      return { ok: false, error: err instanceof Error ? err.message : String(err) };
    }
  };
}
