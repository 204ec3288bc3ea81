// Typed senders for the message protocol in ./messages.ts.
import browser from './browser';
import {
  envelope,
  type BackgroundMessageType,
  type BackgroundResponses,
  type ContentMessageType,
  type ContentResponses,
  type Reply,
  type RequestOf,
  type ToBackground,
  type ToContent,
} from './messages';

// Chrome stops an idle MV3 service worker after ~30 s. A message sent while it is being torn down
// fails with "Could not establish connection. Receiving end does not exist." (or, in Firefox, when the
// background page reloads, "Conduits … disconnected"); the next message starts it again, so one retry
// after a short pause is enough.
const RESTARTING = /Receiving end does not exist|Could not establish connection|disconnected|message port closed|Extension context invalidated/i;

export async function sendToBackground<K extends BackgroundMessageType>(
  type: K,
  payload: RequestOf<ToBackground, K>,
  { retries = 1 }: { retries?: number } = {},
): Promise<BackgroundResponses[K]> {
  for (let attempt = 0; ; attempt++) {
    try {
      const reply = (await browser.runtime.sendMessage(envelope(type, payload))) as Reply<BackgroundResponses[K]> | undefined;
      if (!reply) throw new Error('Could not establish connection: no reply');
      if (!reply.ok) throw new BackgroundError(reply.error);
      return reply.data;
    } catch (err) {
      if (err instanceof BackgroundError || attempt >= retries || !RESTARTING.test(String((err as Error)?.message ?? err))) throw err;
      await new Promise((r) => setTimeout(r, 150));
    }
  }
}

export class BackgroundError extends Error {
  override name = 'BackgroundError';
}

export async function sendToTab<K extends ContentMessageType>(
  tabId: number,
  type: K,
  payload: RequestOf<ToContent, K>,
): Promise<ContentResponses[K]> {
  const reply = (await browser.tabs.sendMessage(tabId, envelope(type, payload), { frameId: 0 })) as Reply<ContentResponses[K]> | undefined;
  if (!reply) throw new Error('no reply from the page');
  if (!reply.ok) throw new Error(reply.error);
  return reply.data;
}
