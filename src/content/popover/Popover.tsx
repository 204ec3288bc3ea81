// The entity card. Everything from the knowledge base is rendered as text (Preact escapes it), and a
// source becomes a link only when its URL is http(s).
import { useEffect, useRef } from 'preact/hooks';
import type { EntityView } from '../../shared/messages';
import type { EntityType } from '../../core/types';
import { formatDate, t, type MessageKey } from '../../shared/i18n';
import { TypeIcon } from './icons';
import { FactList, SourceList } from '../../ui/EntityParts';

export interface PopoverProps {
  state:
    | { status: 'loading'; text: string }
    | { status: 'ready'; entity: EntityView; reason?: string }
    | { status: 'unknown'; text: string; reason?: string }
    | { status: 'missing'; text: string };
  showDebug: boolean;
  /** Set after an action so the reader sees it was done. */
  notice?: string;
  onClose(): void;
  onMute(entity: EntityView): void;
  onWrongMatch(entity: EntityView): void;
  onOpenEntry(entity: EntityView): void;
  /** Move focus into the card when it was opened from the keyboard. */
  autoFocus: boolean;
  /** Other entities with the looked-up name (context-menu lookups only). */
  alternatives?: EntityView[];
  onPickAlternative?(id: string): void;
}

export const TYPE_LABEL: Record<EntityType, MessageKey> = {
  person: 'typePerson',
  organization: 'typeOrganization',
  agency: 'typeAgency',
  place: 'typePlace',
  group: 'typeGroup',
  law: 'typeLaw',
  substance: 'typeSubstance',
  publisher: 'typePublisher',
  other: 'typeOther',
};

export function Popover(props: PopoverProps) {
  const { state } = props;
  const closeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (props.autoFocus) closeRef.current?.focus();
  }, [props.autoFocus, state.status]);

  const title = state.status === 'ready' ? state.entity.name : state.text;
  return (
    <div class="card" role="dialog" aria-modal="false" aria-label={t('popoverLabel', title)}>
      <button ref={closeRef} class="close" type="button" aria-label={t('popoverClose')} title={t('popoverClose')} onClick={props.onClose}>
        ×
      </button>
      {state.status === 'loading' && <p class="muted">{t('popoverLoading')}</p>}
      {state.status === 'missing' && <p class="muted">{t('popoverNotFound', state.text)}</p>}
      {state.status === 'unknown' && (
        <>
          <header>
            <span class="type type-other">
              <TypeIcon type="other" />
              {t('popoverUnknown')}
            </span>
            <h2 class="name">{state.text}</h2>
          </header>
          <p class="summary">{t('popoverUnknownHint')}</p>
        </>
      )}
      {state.status === 'ready' && <EntityBody {...props} entity={state.entity} reason={state.reason} />}
    </div>
  );
}

function EntityBody(props: PopoverProps & { entity: EntityView; reason?: string }) {
  const { entity: e } = props;
  return (
    <>
      <header>
        <span class={`type type-${e.type}`}>
          <TypeIcon type={e.type} />
          {t(TYPE_LABEL[e.type])}
        </span>
        <h2 class="name">{e.name}</h2>
        {e.description && <p class="description">{e.description}</p>}
      </header>
      {e.summary && <p class="summary">{e.summary}</p>}
      {e.note && (
        <section class="note">
          <h3>{t('popoverYourNote')}</h3>
          <p>{e.note}</p>
        </section>
      )}
      {e.facts.length > 0 && (
        <section>
          <h3>{t('popoverKeyFacts')}</h3>
          <FactList entity={e} max={5} />
        </section>
      )}
      {e.sources.length > 0 && (
        <section>
          <h3>{t('popoverSources')}</h3>
          <SourceList sources={e.sources} metaClass="source-meta" />
        </section>
      )}
      <p class="provenance">
        {e.asOf && <span>{t('popoverAsOf', formatDate(e.asOf))}</span>}
        <span>{t('popoverFromPack', e.packName)}</span>
      </p>
      {props.alternatives && props.alternatives.length > 0 && (
        <section class="alternatives">
          <h3>{t('popoverAlsoNamed')}</h3>
          <ul>
            {props.alternatives.map((c) => (
              <li key={c.id}>
                <button type="button" class="link" data-action="alternative" data-entity-id={c.id} onClick={() => props.onPickAlternative?.(c.id)}>
                  {c.name}
                </button>{' '}
                <span class="source-meta">{c.description ?? t(TYPE_LABEL[c.type])}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {props.showDebug && props.reason && <p class="debug">{t('popoverWhyMatched', props.reason)}</p>}
      {props.notice && (
        <p class="notice" role="status">
          {props.notice}
        </p>
      )}
      {/* The actions stay after a notice: a reader who reported a wrong match may still want to mute it. */}
      <div class="actions">
        <button type="button" data-action="mute" onClick={() => props.onMute(e)}>
          {t('popoverMute')}
        </button>
        <button type="button" data-action="wrong-match" onClick={() => props.onWrongMatch(e)}>
          {t('popoverWrongMatch')}
        </button>
        <button type="button" data-action="open-entry" onClick={() => props.onOpenEntry(e)}>
          {t('popoverOpenEntry')}
        </button>
      </div>
    </>
  );
}
