import type { EntityType } from '../../core/types';

/** One highlighted occurrence on the page. */
export interface Mark {
  id: number;
  entityId: string;
  type: EntityType;
  kind: 'alias' | 'coref' | 'unknown';
  reason: string;
  text: string;
  range: Range;
  /** The element a popover is anchored to and focus returns to (wrapper painter only). */
  element?: HTMLElement;
}

export type HighlightStyle = 'underline' | 'background' | 'none';

/**
 * Paints marks on the page and finds the mark under the pointer. Two implementations: the CSS Custom
 * Highlight API (no change to the page's DOM at all) and wrapper elements (focusable, for keyboard mode
 * and for browsers without the API). See docs/architecture.md, "Painting".
 */
export interface Painter {
  readonly kind: 'highlight-api' | 'wrappers';
  add(marks: Mark[]): void;
  /** Removes every trace of painting; the DOM is exactly as before. */
  clear(): void;
  markAt(x: number, y: number): Mark | null;
  setActive(mark: Mark | null): void;
  setStyle(style: HighlightStyle): void;
}
