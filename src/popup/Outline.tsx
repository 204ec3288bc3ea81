// "On this page": the entities the content script found, grouped by type; each one scrolls the page to it.
import { ENTITY_TYPES } from '../core/types';
import type { ContentResponses, PageEntitySummary } from '../shared/messages';
import { sendToTab } from '../shared/messaging';
import { t } from '../shared/i18n';
import { TypeIcon } from '../content/popover/icons';
import { typeLabel } from '../ui/TypeBadge';

type PageState =
  | { status: 'loading' }
  | { status: 'ready'; summary: ContentResponses['getPageSummary'] }
  | { status: 'unavailable' };

export function Outline({ tabId, page }: { tabId: number | null; page: PageState }) {
  return (
    <section class="outline" aria-labelledby="outline-heading" data-testid="popup-outline" aria-busy={page.status === 'loading'}>
      <h2 id="outline-heading">{t('popupOutline')}</h2>
      <OutlineBody tabId={tabId} page={page} />
    </section>
  );
}

function OutlineBody({ tabId, page }: { tabId: number | null; page: PageState }) {
  if (page.status === 'loading') return <p class="muted">{t('commonLoading')}</p>;
  if (page.status === 'unavailable' || tabId === null) return <p class="muted">{t('popupNotWebPage')}</p>;
  const { summary } = page;
  if (summary.pausedForTab) return <p class="muted">{t('popupPausedTab')}</p>;
  if (!summary.active) return <p class="muted">{t('popupOutlineOff')}</p>;
  if (summary.entities.length === 0) return <p class="muted">{t('popupOutlineEmpty')}</p>;

  const groups = new Map<string, PageEntitySummary[]>();
  for (const e of summary.entities) {
    const list = groups.get(e.type) ?? [];
    list.push(e);
    groups.set(e.type, list);
  }
  const order = [...ENTITY_TYPES].filter((type) => groups.has(type));
  for (const type of groups.keys()) if (!order.includes(type as never)) order.push(type as never);

  return (
    <>
      <p class="muted count">{t('popupOutlineCount', String(summary.entities.length))}</p>
      {order.map((type) => {
        const items = [...groups.get(type)!].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
        const label = typeLabel(type);
        return (
          <div class="group" key={type}>
            <h3 class={`type type-${type}`}>
              <TypeIcon type={type} />
              {t('popupTypeCount', [label, String(items.length)])}
            </h3>
            <ul class="outline-list" aria-label={t('popupEntityList', label)}>
              {items.map((e) => (
                <li key={e.id}>
                  <button
                    type="button"
                    class="outline-item"
                    data-testid="popup-outline-item"
                    data-entity-id={e.id}
                    title={t('popupJumpTo', [e.name, String(e.count)])}
                    aria-label={t('popupJumpTo', [e.name, String(e.count)])}
                    onClick={() => void sendToTab(tabId, 'scrollToEntity', { id: e.id }).catch(() => undefined)}
                  >
                    <span class="name">{e.name}</span>
                    <span class="badge" aria-hidden="true">
                      {e.count}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          </div>
        );
      })}
    </>
  );
}
