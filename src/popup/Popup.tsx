// The toolbar popup: switches, the page outline and the publisher card. It must open fast, so
// everything loads in parallel and each part renders as soon as its own answer arrives.
import { useEffect, useState } from 'preact/hooks';
import browser from '../shared/browser';
import type { ContentResponses, EntityView } from '../shared/messages';
import { sendToBackground, sendToTab } from '../shared/messaging';
import { normaliseHost, siteRuleFor, withSiteRule, type Settings } from '../shared/settings';
import { t } from '../shared/i18n';
import { Switch } from '../ui/Switch';
import { useSettings } from '../ui/useSettings';
import { findTargetTab, type TargetTab } from './target-tab';
import { Outline } from './Outline';
import { PublisherCard } from './PublisherCard';

type Summary = ContentResponses['getPageSummary'];
type PageState = { status: 'loading' } | { status: 'ready'; summary: Summary } | { status: 'unavailable' };

/** Whether the site rules let highlighting run on `host` (ignoring the global switch). */
function siteOn(s: Settings, host: string): boolean {
  const rule = siteRuleFor(s, host);
  return s.onlyAllowedSites ? rule === 'allow' : rule !== 'deny';
}

/** The smallest change to the site rules that turns `host` on or off: drop its own rule if that is enough. */
export function setSiteOn(s: Settings, host: string, on: boolean): Settings {
  let next = withSiteRule(s, host, null);
  if (siteOn(next, host) !== on) next = withSiteRule(next, host, on ? 'allow' : 'deny');
  return next;
}

export function Popup() {
  const [settings, update] = useSettings();
  const [tab, setTab] = useState<TargetTab | null>(null);
  const [page, setPage] = useState<PageState>({ status: 'loading' });
  const [publisher, setPublisher] = useState<EntityView | null>(null);

  const refreshSummary = async (target: TargetTab) => {
    if (target.id === null) return setPage({ status: 'unavailable' });
    try {
      const summary = await sendToTab(target.id, 'getPageSummary', {});
      setPage({ status: 'ready', summary });
    } catch {
      setPage({ status: 'unavailable' });
    }
  };

  useEffect(() => {
    findTargetTab()
      .then((target) => {
        setTab(target);
        return refreshSummary(target);
      })
      .catch(() => setPage({ status: 'unavailable' }));
  }, []);

  const host = page.status === 'ready' ? normaliseHost(page.summary.hostname) : tab?.hostname ? normaliseHost(tab.hostname) : null;

  useEffect(() => {
    if (!host || !/^[a-z0-9.-]+$/.test(host)) return;
    let live = true;
    sendToBackground('getPublisher', { hostname: host })
      .then((r) => live && setPublisher(r.entity))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [host]);

  // The content script reacts to settings by itself; ask it again once it has had a moment to repaint.
  useEffect(() => {
    if (!tab || !settings) return;
    const timer = setTimeout(() => void refreshSummary(tab), 400);
    return () => clearTimeout(timer);
  }, [settings?.enabled, host && settings ? siteOn(settings, host) : null]);

  return (
    <div class="popup">
      <header class="popup-header">
        <img src="icons/icon-32.png" alt="" width="20" height="20" />
        <h1>{t('extName')}</h1>
      </header>
      <main>
      <section class="controls" aria-label={t('popupEnabled')}>
        <Switch
          label={t('popupEnabled')}
          hint={t('popupEnabledHint')}
          checked={settings?.enabled ?? false}
          disabled={!settings}
          testId="popup-global-toggle"
          onChange={(on) => void update((s) => ({ ...s, enabled: on }))}
        />
        {host ? (
          <Switch
            label={t('popupSiteToggle', host)}
            hint={t('popupSiteHint')}
            checked={settings ? siteOn(settings, host) : false}
            disabled={!settings || !settings.enabled}
            testId="popup-site-toggle"
            onChange={(on) => void update((s) => setSiteOn(s, host, on))}
          />
        ) : null}
      </section>
      {/* Who published what the reader is reading comes first: it frames everything named on the page. */}
      {publisher && <PublisherCard entity={publisher} />}
      <Outline tabId={tab?.id ?? null} page={page} />
      </main>
      <footer class="popup-footer">
        <button type="button" class="link" onClick={() => void browser.runtime.openOptionsPage()}>
          {t('popupOptions')}
        </button>
      </footer>
    </div>
  );
}
