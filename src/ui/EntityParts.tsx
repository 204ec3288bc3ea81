// The key facts and linked sources of an entity, as the popover (in the page) and the extension pages
// (publisher card, entity browser) both show them. Knowledge text is rendered as text (Preact escapes
// it); a source becomes a link only when its URL is http(s).
import type { EntityView } from '../shared/messages';
import { formatDate, safeHttpUrl, t } from '../shared/i18n';

/** Facts as a definition list; each value carries the numbers of the sources that back it. */
export function FactList({ entity: e, max }: { entity: EntityView; max: number }) {
  return (
    <dl class="facts">
      {e.facts.slice(0, max).map((f, i) => (
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
  );
}

/** Numbered sources (matching the facts' [n]) with publisher and date; `metaClass` styles that line. */
export function SourceList({ sources, metaClass }: { sources: EntityView['sources']; metaClass: string }) {
  return (
    <ol class="sources">
      {sources.map((s, i) => {
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
            {meta && <span class={metaClass}> — {meta}</span>}
          </li>
        );
      })}
    </ol>
  );
}
