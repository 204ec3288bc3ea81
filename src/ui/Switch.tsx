// A labelled on/off switch: a real checkbox with role="switch", so screen readers say "on"/"off"
// and the whole label is the click target.
import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';

export interface SwitchProps {
  label: ComponentChildren;
  checked: boolean;
  onChange(checked: boolean): void;
  hint?: ComponentChildren;
  disabled?: boolean;
  testId?: string;
}

export function Switch({ label, checked, onChange, hint, disabled, testId }: SwitchProps) {
  const id = useId();
  return (
    <div class={`switch-row${disabled ? ' is-disabled' : ''}`}>
      <input
        id={id}
        class="switch"
        type="checkbox"
        role="switch"
        checked={checked}
        disabled={disabled}
        aria-describedby={hint ? `${id}-hint` : undefined}
        data-testid={testId}
        onChange={(e) => onChange((e.currentTarget as HTMLInputElement).checked)}
      />
      <label for={id}>
        <span class="switch-label">{label}</span>
        {hint && (
          <span class="hint" id={`${id}-hint`}>
            {hint}
          </span>
        )}
      </label>
    </div>
  );
}
