// How a reader opens and closes popovers: hover with intent, touch, keyboard, and an optional
// modifier key. WCAG 1.4.13: the card is hoverable (moving onto it keeps it open), dismissible (Esc,
// without moving the pointer) and persistent (stays until the pointer leaves both mark and card).
import type { PageSession } from './session';
import type { PopoverController } from './popover/controller';
import type { Mark } from './paint/types';
import { WRAPPER_TAG } from './paint/wrapper-painter';

const HIDE_GRACE_MS = 300;

export function initInteractions(session: PageSession, popover: PopoverController, signal: AbortSignal): void {
  const doc = session.doc;
  const on = <K extends keyof DocumentEventMap>(type: K, fn: (e: DocumentEventMap[K]) => void, capture = false) =>
    doc.addEventListener(type, fn as EventListener, { signal, passive: type !== 'keydown', capture });

  let candidate: Mark | null = null;
  let showTimer: ReturnType<typeof setTimeout> | undefined;
  let hideTimer: ReturnType<typeof setTimeout> | undefined;
  let framePending = false;
  let last: PointerEvent | null = null;
  let altHeld = false;

  const clearTimers = () => {
    clearTimeout(showTimer);
    clearTimeout(hideTimer);
  };
  signal.addEventListener('abort', () => {
    clearTimers();
    popover.destroy();
  });

  const open = (mark: Mark, viaKeyboard = false) => {
    clearTimers();
    session.painter.setActive(mark);
    void popover.open(
      { mark, text: mark.text, entityId: mark.kind === 'unknown' ? null : mark.entityId, reason: mark.reason },
      { viaKeyboard },
    );
  };

  const modifierOk = (e: { altKey: boolean }) => session.settings.modifierKey !== 'alt' || e.altKey || altHeld;

  const onPointer = (e: PointerEvent) => {
    if (e.pointerType === 'touch') return; // taps are handled on pointerup
    if (popover.contains(e.target)) {
      // On the card itself: keep it open.
      clearTimeout(hideTimer);
      return;
    }
    const mark = session.painter.markAt(e.clientX, e.clientY);
    if (mark && mark === popover.currentMark) {
      clearTimeout(hideTimer);
      return;
    }
    if (mark !== candidate) {
      candidate = mark;
      clearTimeout(showTimer);
      if (mark && modifierOk(e)) {
        showTimer = setTimeout(() => {
          if (candidate === mark) open(mark);
        }, session.settings.hoverDelayMs);
      }
    }
    if (popover.isOpen && !mark) {
      clearTimeout(hideTimer);
      hideTimer = setTimeout(() => popover.close(), HIDE_GRACE_MS);
    }
  };

  on('pointermove', (e) => {
    last = e;
    if (framePending) return;
    framePending = true;
    // Hit-testing once per frame is enough and keeps pointermove handlers cheap on busy pages.
    requestAnimationFrame(() => {
      framePending = false;
      if (last && !signal.aborted) onPointer(last);
    });
  });

  on('pointerup', (e) => {
    if (e.pointerType !== 'touch') return;
    const mark = session.painter.markAt(e.clientX, e.clientY);
    if (mark) open(mark);
    else if (popover.isOpen && !popover.contains(e.target)) popover.close();
  });

  on('pointerdown', (e) => {
    if (e.pointerType !== 'touch' && popover.isOpen && !popover.contains(e.target) && !session.painter.markAt(e.clientX, e.clientY)) {
      popover.close();
    }
  });

  on('keydown', (e) => {
    if (e.key === 'Alt') {
      altHeld = true;
      if (session.settings.modifierKey === 'alt' && candidate && !popover.isOpen) open(candidate);
      return;
    }
    if (e.key === 'Escape' && popover.isOpen) {
      popover.close({ returnFocus: true });
      return;
    }
    const target = e.target as Element | null;
    if ((e.key === 'Enter' || e.key === ' ') && target?.localName === WRAPPER_TAG) {
      const mark = markForWrapper(session, target);
      if (mark) {
        // Space would scroll the page and Enter would follow an enclosing link: the reader asked for the card.
        e.preventDefault();
        open(mark, true);
      }
    }
  });
  on('keyup', (e) => {
    if (e.key === 'Alt') altHeld = false;
  });

  // Keyboard focus on a highlight (keyboard mode) shows its card without taking focus away.
  on('focusin', (e) => {
    const target = e.target as Element | null;
    if (target?.localName === WRAPPER_TAG) {
      if (popover.returningFocus) return;
      const mark = markForWrapper(session, target);
      if (mark && mark !== popover.currentMark) open(mark);
    } else if (popover.isOpen && !popover.contains(e.target)) {
      popover.close();
    }
  });
}

function markForWrapper(session: PageSession, el: Element): Mark | null {
  const id = Number((el as HTMLElement).dataset.mark);
  return session.marks.find((m) => m.id === id) ?? null;
}
