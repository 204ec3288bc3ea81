// The body of an entity entry (summary, key facts, sources) for the popup's publisher card and the
// options page's entity browser. Same rules as the popover: text only, links only when http(s).
import type { EntityView } from '../shared/messages';
import { formatDate, safeHttpUrl, t } from '../shared/i18n';

/** `level` is the heading level of the "Key facts"/"Sources" subheadings, so the outline stays in order. */
export function EntityDetails({ entity: e, level, maxFacts = 8 }: { entity: EntityView; level: 3 | 4; maxFacts?: number }) {
  const H = level === 3 ? 'h3' : 'h4';
  return (
    <div class="entity-details">
      {e.summary && <p class="summary">{e.summary}</p>}
      {e.facts.length > 0 && (
        <section class="sub">
          <H class="subhead">{t('popoverKeyFacts')}</H>
          <dl class="facts">
            {e.facts.slice(0, maxFacts).map((f, i) => (
              <div class="fact" key={i}>
                <dt>{f.label}</dt>
                <dd>
                  {f.value}
                  {f.sourceIds
                    .filter((s) => e.sources[s])
                    .map((s) => (
                      <sup key={s}>[{s + 1}]</sup>
                    ))}
                </dd>
              </div>
            ))}
          </dl>
        </section>
      )}
      {e.sources.length > 0 && (
        <section class="sub">
          <H class="subhead">{t('popoverSources')}</H>
          <ol class="sources">
            {e.sources.map((s, i) => {
              const href = safeHttpUrl(s.url);
              const meta = [s.publisher, formatDate(s.date)].filter(Boolean).join(' · ');
              return (
                <li key={i}>
                  {href ? (
                    <a href={href} target="_blank" rel="noopener noreferrer" title={`${href} ${t('popoverOpensNewTab')}`}>
                      {s.title || href}
                    </a>
                  ) : (
                    <span>{s.title}</span>
                  )}
                  {meta && <span class="muted"> — {meta}</span>}
                </li>
              );
            })}
          </ol>
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
