import { useEffect, useState } from 'preact/hooks';
import { sendToBackground } from '../../shared/messaging';
import { t, uiLanguage } from '../../shared/i18n';
import { errorText } from '../../ui/page';
import { Section } from './Section';

export function formatBytes(n: number, lang = uiLanguage()): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
  let i = 0;
  let v = n;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  try {
    return new Intl.NumberFormat(lang, { style: 'unit', unit: units[i], unitDisplay: 'short', maximumFractionDigits: i ? 1 : 0 }).format(v);
  } catch {
    return `${Math.round(v)} ${['B', 'KB', 'MB', 'GB'][i]}`;
  }
}

export function CacheSection() {
  const [info, setInfo] = useState<{ entries: number; bytes: number } | null>(null);
  const [cleared, setCleared] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const load = () => sendToBackground('cacheInfo', {}).then(setInfo, (e) => setError(errorText(e)));
  useEffect(() => void load(), []);

  return (
    <Section id="cache" title={t('optCache')}>
      <p class="muted">{t('optCacheHint')}</p>
      <p data-testid="options-cache-info">{info ? t('optCacheInfo', [info.entries.toLocaleString(), formatBytes(info.bytes)]) : t('commonLoading')}</p>
      <div class="actions">
        <button
          type="button"
          data-testid="options-cache-clear"
          disabled={!info}
          onClick={() =>
            void sendToBackground('clearCache', {}).then(
              () => {
                setCleared(true);
                void load();
              },
              (e) => setError(errorText(e)),
            )
          }
        >
          {t('optCacheClear')}
        </button>
        <span role="status" class="status">
          {cleared ? t('optCacheCleared') : ''}
        </span>
      </div>
      {error && (
        <p class="error" role="alert">
          {t('commonError', error)}
        </p>
      )}
    </Section>
  );
}
