// The reader's own entities: a small form that builds a pack entity, and the list of those added.
import { useEffect, useState } from 'preact/hooks';
import { ENTITY_TYPES, type EntityType, type PackEntity } from '../../core/types';
import type { EntityView, ImportProblem } from '../../shared/messages';
import { sendToBackground } from '../../shared/messaging';
import { safeHttpUrl, t, uiLanguage } from '../../shared/i18n';
import { TypeBadge, typeLabel } from '../../ui/TypeBadge';
import { describeProblem } from '../../ui/problems';
import { errorText } from '../../ui/page';
import { Section } from './Section';
import type { DataProps } from './types';

interface Draft {
  name: string;
  type: EntityType;
  aliases: string;
  description: string;
  summary: string;
  sourceTitle: string;
  sourceUrl: string;
}
const EMPTY: Draft = { name: '', type: 'person', aliases: '', description: '', summary: '', sourceTitle: '', sourceUrl: '' };

export function slug(name: string): string {
  return (
    name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'entity'
  );
}

/** The draft as a pack entity (docs/pack-format.md); the background validates it again. */
export function draftToEntity(d: Draft, now = Date.now()): PackEntity {
  const url = d.sourceUrl.trim();
  let publisher = '';
  try {
    publisher = url ? new URL(url).hostname.replace(/^www\./, '') : '';
  } catch {
    // invalid URLs are caught by the form check before this
  }
  const name = d.name.trim();
  return {
    id: `custom-${slug(name)}-${now.toString(36)}`,
    name,
    type: d.type,
    description: d.description.trim(),
    summary: d.summary.trim(),
    aliases: [...new Set(d.aliases.split(',').map((a) => a.trim()).filter((a) => a && a !== name))],
    facts: [],
    sources: url ? [{ title: d.sourceTitle.trim() || publisher || url, url, publisher }] : [],
    lang: (uiLanguage() || 'en').split('-')[0]!.toLowerCase(),
  };
}

export function CustomEntitiesSection({ dataVersion, onChanged }: DataProps) {
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [problems, setProblems] = useState<string[]>([]);
  const [added, setAdded] = useState<string | null>(null);
  const [custom, setCustom] = useState<EntityView[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    sendToBackground('listUserData', {}).then((r) => setCustom(r.custom), (e) => setError(errorText(e)));
  }, [dataVersion]);

  const field = (key: keyof Draft) => ({
    value: draft[key],
    onInput: (e: Event) => {
      const value = (e.currentTarget as HTMLInputElement).value;
      setDraft((d) => ({ ...d, [key]: value }));
    },
  });

  const submit = async (e: Event) => {
    e.preventDefault();
    setAdded(null);
    const local: string[] = [];
    if (!draft.name.trim()) local.push(t('optCustomNameRequired'));
    if (draft.sourceUrl.trim() && !safeHttpUrl(draft.sourceUrl.trim())) local.push(t('optCustomUrlInvalid'));
    if (local.length) return setProblems(local);
    try {
      const entity = draftToEntity(draft);
      const r = await sendToBackground('addCustomEntity', { entity });
      if (!r.ok) return setProblems(r.errors.map((p: ImportProblem) => describeProblem(p)));
      setProblems([]);
      setAdded(entity.name);
      setDraft(EMPTY);
      onChanged();
    } catch (err) {
      setProblems([errorText(err)]);
    }
  };

  return (
    <Section id="custom" title={t('optCustom')}>
      <h3 class="section-sub">{t('optCustomAdd')}</h3>
      <form class="custom-form" data-testid="options-custom-form" onSubmit={(e) => void submit(e)} noValidate>
        <div class="field">
          <label for="custom-name">{t('optCustomName')}</label>
          <input id="custom-name" name="name" type="text" required aria-required="true" {...field('name')} />
        </div>
        <div class="field">
          <label for="custom-type">{t('optCustomType')}</label>
          <select id="custom-type" name="type" value={draft.type}
            onChange={(e) => {
              const type = (e.currentTarget as HTMLSelectElement).value as EntityType;
              setDraft((d) => ({ ...d, type }));
            }}>
            {ENTITY_TYPES.map((ty) => (
              <option key={ty} value={ty}>
                {typeLabel(ty)}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="custom-aliases">{t('optCustomAliases')}</label>
          <input id="custom-aliases" name="aliases" type="text" {...field('aliases')} />
        </div>
        <div class="field">
          <label for="custom-description">{t('optCustomDescription')}</label>
          <input id="custom-description" name="description" type="text" maxLength={300} {...field('description')} />
        </div>
        <div class="field wide">
          <label for="custom-summary">{t('optCustomSummary')}</label>
          <textarea id="custom-summary" name="summary" maxLength={5000} {...field('summary')} />
        </div>
        <div class="field">
          <label for="custom-source-title">{t('optCustomSourceTitle')}</label>
          <input id="custom-source-title" name="sourceTitle" type="text" {...field('sourceTitle')} />
        </div>
        <div class="field">
          <label for="custom-source-url">{t('optCustomSourceUrl')}</label>
          <input id="custom-source-url" name="sourceUrl" type="url" inputMode="url" {...field('sourceUrl')} />
        </div>
        <div class="wide actions">
          <button type="submit" class="primary">
            {t('optCustomSubmit')}
          </button>
          <span role="status" class="status">
            {added ? t('optCustomAdded', added) : ''}
          </span>
        </div>
      </form>
      {problems.length > 0 && (
        <div class="error-box" role="alert" data-testid="options-custom-errors">
          <p>{t('optCustomInvalid')}</p>
          <ul>
            {problems.map((p, i) => (
              <li key={i}>{p}</li>
            ))}
          </ul>
        </div>
      )}
      <h3 class="section-sub">{t('optCustomList')}</h3>
      {error && (
        <p class="error" role="alert">
          {t('commonError', error)}
        </p>
      )}
      {custom === null ? (
        <p class="muted">{t('commonLoading')}</p>
      ) : custom.length === 0 ? (
        <p class="muted">{t('optCustomEmpty')}</p>
      ) : (
        <ul class="rows" data-testid="options-custom-list">
          {custom.map((e) => (
            <li key={e.id} class="row" data-entity-id={e.id}>
              <span class="row-main">
                <TypeBadge type={e.type} /> <a href={`#entity=${encodeURIComponent(e.id)}`}>{e.name}</a>
                {e.description && <span class="muted"> — {e.description}</span>}
              </span>
              <button
                type="button"
                class="danger"
                aria-label={t('optCustomRemove', e.name)}
                onClick={() => void sendToBackground('removeCustomEntity', { id: e.id }).then(onChanged, (err) => setError(errorText(err)))}
              >
                {t('commonRemove')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
