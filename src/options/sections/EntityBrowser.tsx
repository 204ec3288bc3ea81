// Prefix search over the knowledge base; the selected entry shows its details, the reader's note and
// the mute switch. `#entity=<id>` in the URL (the popover's "Open full entry") opens one directly.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { EntityView } from '../../shared/messages';
import { sendToBackground } from '../../shared/messaging';
import { t } from '../../shared/i18n';
import { EntityDetails } from '../../ui/EntityDetails';
import { Switch } from '../../ui/Switch';
import { TypeBadge } from '../../ui/TypeBadge';
import { errorText } from '../../ui/page';
import { Section } from './Section';
import type { DataProps } from './types';

export function entityIdFromHash(hash: string): string | null {
  const m = /^#entity=(.+)$/.exec(hash);
  if (!m) return null;
  try {
    return decodeURIComponent(m[1]!);
  } catch {
    return null;
  }
}

export function EntityBrowserSection({ dataVersion, onChanged }: DataProps) {
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<EntityView[] | null>(null);
  const [selected, setSelected] = useState<EntityView | null>(null);
  const [missing, setMissing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const detailRef = useRef<HTMLDivElement>(null);

  // Search as the reader types, a little after the last key.
  useEffect(() => {
    const prefix = query.trim();
    if (!prefix) return setResults(null);
    const timer = setTimeout(() => {
      sendToBackground('searchEntities', { prefix, limit: 50 }).then(
        (r) => setResults(r.entities),
        (e) => setError(errorText(e)),
      );
    }, 150);
    return () => clearTimeout(timer);
  }, [query, dataVersion]);

  const open = async (id: string, focus: boolean) => {
    try {
      const r = await sendToBackground('getEntities', { ids: [id] });
      const entity = r.entities[0] ?? null;
      setSelected(entity);
      setMissing(!entity);
      if (focus) {
        document.getElementById('browser')?.scrollIntoView();
        requestAnimationFrame(() => detailRef.current?.focus());
      }
    } catch (e) {
      setError(errorText(e));
    }
  };

  useEffect(() => {
    const fromHash = () => {
      const id = entityIdFromHash(location.hash);
      if (id) void open(id, true);
    };
    fromHash();
    addEventListener('hashchange', fromHash);
    return () => removeEventListener('hashchange', fromHash);
  }, []);

  // Keep the open entry current when data changes elsewhere (muted from the list below, for example).
  useEffect(() => {
    if (selected && dataVersion > 0) void open(selected.id, false);
  }, [dataVersion]);

  return (
    <Section id="browser" title={t('optBrowser')}>
      <div class="field">
        <label for="entity-search">{t('optSearch')}</label>
        <input
          id="entity-search"
          type="search"
          autoComplete="off"
          spellcheck={false}
          value={query}
          data-testid="options-search"
          aria-describedby="entity-search-hint"
          aria-controls="entity-results"
          onInput={(e) => setQuery((e.currentTarget as HTMLInputElement).value)}
        />
        <span class="hint" id="entity-search-hint">
          {t('optSearchHint')}
        </span>
      </div>
      {error && (
        <p class="error" role="alert">
          {t('commonError', error)}
        </p>
      )}
      <div class="browser">
        <div class="results" id="entity-results">
          <p class="visually-hidden" role="status">
            {results ? t('optSearchResults', String(results.length)) : ''}
          </p>
          {results && results.length === 0 && <p class="muted">{t('optSearchNone', query.trim())}</p>}
          {results && results.length > 0 && (
            <ul class="result-list" aria-label={t('optSearchResultsLabel')}>
              {results.map((e) => (
                <li key={e.id}>
                  <button
                    type="button"
                    class="result"
                    data-testid="options-search-result"
                    data-entity-id={e.id}
                    aria-pressed={selected?.id === e.id}
                    onClick={() => {
                      history.replaceState(null, '', `#entity=${encodeURIComponent(e.id)}`);
                      void open(e.id, false).then(() => detailRef.current?.focus());
                    }}
                  >
                    <span class="result-name">{e.name}</span>
                    <span class="muted result-desc">{e.description}</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
        <div class="detail" ref={detailRef} tabIndex={-1} aria-live="polite">
          {missing && <p class="muted">{t('optEntityNotFound')}</p>}
          {selected && <EntityEntry key={selected.id} entity={selected} onChanged={onChanged} />}
        </div>
      </div>
    </Section>
  );
}

function EntityEntry({ entity: e, onChanged }: { entity: EntityView; onChanged(): void }) {
  const [note, setNote] = useState(e.note ?? '');
  const [saved, setSaved] = useState(false);
  const [muted, setMuted] = useState(e.muted);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setMuted(e.muted), [e.muted]);

  const saveNote = async () => {
    try {
      await sendToBackground('setNote', { id: e.id, text: note });
      setSaved(true);
    } catch (err) {
      setError(errorText(err));
    }
  };

  return (
    <article class="card entry" data-entity-id={e.id}>
      <TypeBadge type={e.type} />
      <h3 class="entry-name">{e.name}</h3>
      {e.description && <p class="muted">{e.description}</p>}
      {e.aliases.length > 0 && (
        <p class="aliases">
          <span class="muted">{t('optAliases')}: </span>
          {e.aliases.join(', ')}
        </p>
      )}
      <EntityDetails entity={e} level={4} maxFacts={50} />
      <div class="field note-field">
        <label for={`note-${e.id}`}>{t('optNote')}</label>
        <textarea
          id={`note-${e.id}`}
          data-testid="options-note"
          value={note}
          maxLength={10_000}
          onInput={(ev) => {
            setNote((ev.currentTarget as HTMLTextAreaElement).value);
            setSaved(false);
          }}
          onBlur={() => {
            if (note !== (e.note ?? '') && !saved) void saveNote();
          }}
        />
        <div class="actions">
          <button type="button" data-testid="options-note-save" onClick={() => void saveNote()}>
            {t('optNoteSave')}
          </button>
          <span role="status" class="status">
            {saved ? t('commonSaved') : ''}
          </span>
        </div>
      </div>
      <Switch
        label={t('optMuted')}
        checked={muted}
        testId="options-entity-muted"
        onChange={(on) => {
          setMuted(on);
          sendToBackground('setMuted', { id: e.id, muted: on }).then(onChanged, (err) => setError(errorText(err)));
        }}
      />
      {error && (
        <p class="error" role="alert">
          {t('commonError', error)}
        </p>
      )}
    </article>
  );
}
