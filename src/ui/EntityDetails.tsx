// The body of an entity entry (summary, key facts, sources) for the popup's publisher card and the
// options page's entity browser. Same rules as the popover: text only, links only when http(s).
import type { EntityView } from '../shared/messages';
import { formatDate, t } from '../shared/i18n';
import { FactList, SourceList } from './EntityParts';

/** `level` is the heading level of the "Key facts"/"Sources" subheadings, so the outline stays in order. */
export function EntityDetails({ entity: e, level, maxFacts = 8 }: { entity: EntityView; level: 3 | 4; maxFacts?: number }) {
  const H = level === 3 ? 'h3' : 'h4';
  return (
    <div class="entity-details">
      {e.summary && <p class="summary">{e.summary}</p>}
      {e.facts.length > 0 && (
        <section class="sub">
          <H class="subhead">{t('popoverKeyFacts')}</H>
          <FactList entity={e} max={maxFacts} />
        </section>
      )}
      {e.sources.length > 0 && (
        <section class="sub">
          <H class="subhead">{t('popoverSources')}</H>
          <SourceList sources={e.sources} metaClass="muted" />
        </section>
      )}
      {(e.asOf || e.packName) && (
        <p class="provenance muted">
          {e.asOf && <span>{t('popoverAsOf', formatDate(e.asOf))}</span>}
          {e.packName && <span>{t('popoverFromPack', e.packName)}</span>}
        </p>
      )}
    </div>
  );
}
