// UI strings come from _locales/<lang>/messages.json through browser.i18n, so every surface (popover,
// popup, options) is translated in one place. Dates are formatted with Intl in the browser's UI language.
import browser from './browser';
import en from '../../_locales/en/messages.json';

export type MessageKey = keyof typeof en;

export function t(key: MessageKey, substitutions?: string | string[]): string {
  let text = '';
  try {
    text = browser.i18n.getMessage(key, substitutions);
  } catch {
    // Outside an extension context (unit tests): fall through to the English catalogue.
  }
  if (text) return text;
  let fallback = (en[key] as { message: string }).message;
  const subs = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
  subs.forEach((s, i) => (fallback = fallback.replace(new RegExp(`\\$P${i + 1}\\$`, 'i'), s)));
  return fallback;
}

export function uiLanguage(): string {
  try {
    return browser.i18n.getUILanguage();
  } catch {
    return 'en';
  }
}

/** Formats "2025", "2025-02" or "2025-02-14" at the precision it was given. */
export function formatDate(iso: string | undefined, lang = uiLanguage()): string {
  if (!iso) return '';
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(iso);
  if (!m) return iso;
  const [, y, mo, d] = m;
  const date = new Date(Date.UTC(Number(y), mo ? Number(mo) - 1 : 0, d ? Number(d) : 1));
  const opts: Intl.DateTimeFormatOptions = { year: 'numeric', timeZone: 'UTC' };
  if (mo) opts.month = 'short';
  if (d) opts.day = 'numeric';
  try {
    return new Intl.DateTimeFormat(lang, opts).format(date);
  } catch {
    return iso;
  }
}

/** Only http(s) links are ever rendered as links; anything else from a pack is shown as text. */
export function safeHttpUrl(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : null;
  } catch {
    return null;
  }
}
