// The options page: one stacked page of sections with a table of contents on the left.
import { useCallback, useState } from 'preact/hooks';
import { t, type MessageKey } from '../shared/i18n';
import { useSettings } from '../ui/useSettings';
import { HighlightingSection } from './sections/Highlighting';
import { SitesSection } from './sections/Sites';
import { PacksSection } from './sections/Packs';
import { EntityBrowserSection } from './sections/EntityBrowser';
import { CustomEntitiesSection } from './sections/CustomEntities';
import { UserDataSection } from './sections/UserData';
import { CacheSection } from './sections/Cache';

const NAV: [string, MessageKey][] = [
  ['highlighting', 'optHighlighting'],
  ['sites', 'optSites'],
  ['packs', 'optPacks'],
  ['browser', 'optBrowser'],
  ['custom', 'optCustom'],
  ['userdata', 'optUserData'],
  ['cache', 'optCache'],
];

export function Options() {
  const [settings, update, error] = useSettings();
  // Bumped whenever the knowledge base or user data changes, so every section that shows it reloads.
  const [dataVersion, setDataVersion] = useState(0);
  const bump = useCallback(() => setDataVersion((n) => n + 1), []);

  return (
    <>
      <a class="skip-link" href="#main">
        {t('optionsSkipToContent')}
      </a>
      <header class="page-header">
        <img src="icons/icon-48.png" alt="" width="32" height="32" />
        <h1>{t('optionsTitle')}</h1>
      </header>
      <div class="layout">
        <nav class="toc" aria-label={t('optionsNavLabel')}>
          <ul>
            {NAV.map(([id, key]) => (
              <li key={id}>
                <a href={`#${id}`}>{t(key)}</a>
              </li>
            ))}
          </ul>
        </nav>
        <main id="main" tabIndex={-1}>
          {error && (
            <p class="error" role="alert">
              {t('commonError', error)}
            </p>
          )}
          <HighlightingSection settings={settings} update={update} />
          <SitesSection settings={settings} update={update} />
          <PacksSection dataVersion={dataVersion} onChanged={bump} />
          <EntityBrowserSection dataVersion={dataVersion} onChanged={bump} />
          <CustomEntitiesSection dataVersion={dataVersion} onChanged={bump} />
          <UserDataSection dataVersion={dataVersion} onChanged={bump} />
          <CacheSection />
        </main>
      </div>
    </>
  );
}
