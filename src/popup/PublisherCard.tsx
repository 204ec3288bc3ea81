// "About this publisher": the pack's entry for the site's news outlet, when there is one.
import type { EntityView } from '../shared/messages';
import { t } from '../shared/i18n';
import { EntityDetails } from '../ui/EntityDetails';

export function PublisherCard({ entity }: { entity: EntityView }) {
  return (
    <section class="publisher" aria-labelledby="publisher-heading" data-testid="popup-publisher-card">
      <h2 id="publisher-heading">{t('popupPublisher')}</h2>
      <div class="card">
        <h3 class="publisher-name">{entity.name}</h3>
        {entity.description && <p class="muted">{entity.description}</p>}
        <EntityDetails entity={entity} level={4} maxFacts={5} />
      </div>
    </section>
  );
}
