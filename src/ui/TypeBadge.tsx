import type { EntityType } from '../core/types';
import { TypeIcon } from '../content/popover/icons';
import { TYPE_LABEL } from '../content/popover/Popover';
import { t } from '../shared/i18n';

export { TYPE_LABEL };

export function typeLabel(type: EntityType): string {
  return t(TYPE_LABEL[type] ?? 'typeOther');
}

export function TypeBadge({ type }: { type: EntityType }) {
  return (
    <span class={`type type-${type}`}>
      <TypeIcon type={type} />
      {typeLabel(type)}
    </span>
  );
}
