// Settings live in browser.storage.sync (they follow the reader across devices) under one key, and
// every reader of them goes through parseSettings so a value written by an older version still works.
import browser from './browser';
import { parseSettings, type Settings } from './settings';

const KEY = 'settings';

export async function loadSettings(): Promise<Settings> {
  const stored = await browser.storage.sync.get(KEY);
  return parseSettings(stored[KEY]);
}

export async function saveSettings(settings: Settings): Promise<void> {
  await browser.storage.sync.set({ [KEY]: parseSettings(settings) });
}

export async function updateSettings(change: (s: Settings) => Settings): Promise<Settings> {
  const next = parseSettings(change(await loadSettings()));
  await browser.storage.sync.set({ [KEY]: next });
  return next;
}

/** Calls `listener` with the new settings whenever any context changes them; stops when `signal` aborts. */
export function onSettingsChanged(listener: (s: Settings) => void, signal: AbortSignal): void {
  const handler = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'sync' && KEY in changes) listener(parseSettings(changes[KEY]!.newValue));
  };
  browser.storage.onChanged.addListener(handler);
  signal.addEventListener('abort', () => browser.storage.onChanged.removeListener(handler), { once: true });
}
