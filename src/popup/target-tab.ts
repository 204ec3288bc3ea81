// Which tab the popup is about: `?tab=<id>` when given (tests open popup.html in a normal tab), else
// the active tab of the current window.
import browser from '../shared/browser';

export interface TargetTab {
  id: number | null;
  /** From tab.url when the browser tells us (activeTab); the content script's answer wins. */
  hostname: string | null;
}

export async function findTargetTab(search = location.search): Promise<TargetTab> {
  const param = new URLSearchParams(search).get('tab');
  if (param && /^\d+$/.test(param)) {
    const id = Number(param);
    const tab = await browser.tabs.get(id).catch(() => null);
    return { id, hostname: hostOf(tab?.url) };
  }
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return { id: tab?.id ?? null, hostname: hostOf(tab?.url) };
}

function hostOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.hostname : null;
  } catch {
    return null;
  }
}
