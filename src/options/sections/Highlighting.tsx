import { CATEGORIES, type Settings } from '../../shared/settings';
import { t } from '../../shared/i18n';
import { Switch } from '../../ui/Switch';
import { TypeIcon } from '../../content/popover/icons';
import { typeLabel } from '../../ui/TypeBadge';
import { Section } from './Section';
import type { SettingsProps } from './types';

export function HighlightingSection({ settings: s, update }: SettingsProps) {
  const set = <K extends keyof Settings>(key: K, value: Settings[K]) => void update((cur) => ({ ...cur, [key]: value }));
  return (
    <Section id="highlighting" title={t('optHighlighting')}>
      {!s ? (
        <p class="muted">{t('commonLoading')}</p>
      ) : (
        <>
          <fieldset>
            <legend>{t('optCategories')}</legend>
            <div class="category-grid">
              {CATEGORIES.map((c) => (
                <label class="check" key={c}>
                  <input
                    type="checkbox"
                    checked={s.categories[c]}
                    data-testid={`options-category-${c}`}
                    onChange={(e) => {
                      const on = (e.currentTarget as HTMLInputElement).checked;
                      void update((cur) => ({ ...cur, categories: { ...cur.categories, [c]: on } }));
                    }}
                  />
                  <TypeIcon type={c} />
                  {typeLabel(c)}
                </label>
              ))}
            </div>
          </fieldset>
          <div class="field">
            <label for="opt-style">{t('optStyle')}</label>
            <select
              id="opt-style"
              data-testid="options-style"
              value={s.highlightStyle}
              onChange={(e) => set('highlightStyle', (e.currentTarget as HTMLSelectElement).value as Settings['highlightStyle'])}
            >
              <option value="underline">{t('optStyleUnderline')}</option>
              <option value="background">{t('optStyleBackground')}</option>
              <option value="none">{t('optStyleNone')}</option>
            </select>
          </div>
          <div class="field">
            <label for="opt-delay">{t('optHoverDelay')}</label>
            <div class="range-row">
              <input
                id="opt-delay"
                type="range"
                min={0}
                max={2000}
                step={50}
                value={s.hoverDelayMs}
                data-testid="options-hover-delay"
                aria-valuetext={t('optHoverDelayValue', String(s.hoverDelayMs))}
                onChange={(e) => set('hoverDelayMs', Number((e.currentTarget as HTMLInputElement).value))}
              />
              <output for="opt-delay">{t('optHoverDelayValue', String(s.hoverDelayMs))}</output>
            </div>
          </div>
          <div class="field">
            <label for="opt-modifier">{t('optModifier')}</label>
            <select
              id="opt-modifier"
              value={s.modifierKey}
              onChange={(e) => set('modifierKey', (e.currentTarget as HTMLSelectElement).value as Settings['modifierKey'])}
            >
              <option value="none">{t('optModifierNone')}</option>
              <option value="alt">{t('optModifierAlt')}</option>
            </select>
          </div>
          <Switch label={t('optFirstOnly')} checked={s.firstOccurrenceOnly} testId="options-first-only" onChange={(v) => set('firstOccurrenceOnly', v)} />
          <Switch label={t('optKeyboardMode')} checked={s.keyboardMode} testId="options-keyboard-mode" onChange={(v) => set('keyboardMode', v)} />
          <Switch label={t('optDetectUnknown')} checked={s.detectUnknown} onChange={(v) => set('detectUnknown', v)} />
          <Switch label={t('optShowDebug')} checked={s.showDebug} onChange={(v) => set('showDebug', v)} />
        </>
      )}
    </Section>
  );
}
