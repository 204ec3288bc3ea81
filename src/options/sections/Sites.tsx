import { useState } from 'preact/hooks';
import { normaliseHost, withSiteRule } from '../../shared/settings';
import { t } from '../../shared/i18n';
import { Switch } from '../../ui/Switch';
import { Section } from './Section';
import type { SettingsProps } from './types';

type Rule = 'allow' | 'deny';

/** Accepts "www.Example.com", "https://example.com/path" or "example.com"; null when it is not a host name. */
export function parseHostInput(raw: string): string | null {
  let text = raw.trim();
  if (!text) return null;
  try {
    if (/^[a-z]+:\/\//i.test(text)) text = new URL(text).hostname;
  } catch {
    return null;
  }
  const host = normaliseHost(text.replace(/\/.*$/, ''));
  return /^[a-z0-9-]+(\.[a-z0-9-]+)*$/.test(host) && host.length <= 253 ? host : null;
}

export function SitesSection({ settings: s, update }: SettingsProps) {
  const [host, setHost] = useState('');
  const [rule, setRule] = useState<Rule>('deny');
  const [invalid, setInvalid] = useState(false);
  const sites = s ? Object.entries(s.sites).sort(([a], [b]) => a.localeCompare(b)) : [];

  const add = (e: Event) => {
    e.preventDefault();
    const h = parseHostInput(host);
    if (!h) return setInvalid(true);
    setInvalid(false);
    setHost('');
    void update((cur) => withSiteRule(cur, h, rule));
  };

  return (
    <Section id="sites" title={t('optSites')}>
      {s && (
        <Switch
          label={t('optOnlyAllowed')}
          hint={t('optOnlyAllowedHint')}
          checked={s.onlyAllowedSites}
          testId="options-only-allowed"
          onChange={(v) => void update((cur) => ({ ...cur, onlyAllowedSites: v }))}
        />
      )}
      <div data-testid="options-site-list">
        {sites.length === 0 ? (
          <p class="muted">{t('optSiteListEmpty')}</p>
        ) : (
          <table class="table">
            <thead>
              <tr>
                <th scope="col">{t('optSiteHost')}</th>
                <th scope="col">{t('optSiteRule')}</th>
                <th scope="col">
                  <span class="visually-hidden">{t('optSiteActions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {sites.map(([h, r]) => (
                <tr key={h} data-host={h} data-testid="options-site-row">
                  <td>{h}</td>
                  <td>
                    <select
                      aria-label={t('optSiteRuleFor', h)}
                      value={r}
                      onChange={(e) => {
                        const next = (e.currentTarget as HTMLSelectElement).value as Rule;
                        void update((cur) => withSiteRule(cur, h, next));
                      }}
                    >
                      <option value="allow">{t('optSiteAllow')}</option>
                      <option value="deny">{t('optSiteDeny')}</option>
                    </select>
                  </td>
                  <td>
                    <button type="button" class="danger" aria-label={t('optSiteRemove', h)} onClick={() => void update((cur) => withSiteRule(cur, h, null))}>
                      {t('commonRemove')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
      <form class="inline-form" onSubmit={add}>
        <div class="field">
          <label for="site-host">{t('optSiteAddHost')}</label>
          <input
            id="site-host"
            data-testid="options-site-host"
            type="text"
            inputMode="url"
            autoComplete="off"
            spellcheck={false}
            value={host}
            aria-invalid={invalid}
            aria-describedby={invalid ? 'site-host-error' : undefined}
            onInput={(e) => setHost((e.currentTarget as HTMLInputElement).value)}
          />
        </div>
        <div class="field">
          <label for="site-rule">{t('optSiteAddRule')}</label>
          <select id="site-rule" data-testid="options-site-rule" value={rule} onChange={(e) => setRule((e.currentTarget as HTMLSelectElement).value as Rule)}>
            <option value="allow">{t('optSiteAllow')}</option>
            <option value="deny">{t('optSiteDeny')}</option>
          </select>
        </div>
        <button type="submit" data-testid="options-site-add" disabled={!s}>
          {t('commonAdd')}
        </button>
      </form>
      {invalid && (
        <p class="error" id="site-host-error" role="alert">
          {t('optSiteInvalid')}
        </p>
      )}
    </Section>
  );
}
