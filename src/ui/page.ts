// Start-up shared by the popup and the options page: language and title from the UI locale.
import { t, uiLanguage, type MessageKey } from '../shared/i18n';

export function preparePage(titleKey: MessageKey): void {
  const lang = uiLanguage() || 'en';
  document.documentElement.lang = lang;
  document.documentElement.dir = /^(ar|fa|he|ur)\b/i.test(lang) ? 'rtl' : 'ltr';
  document.title = t(titleKey);
}

export function errorText(e: unknown): string {
  return String((e as Error)?.message ?? e);
}
