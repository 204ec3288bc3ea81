// The content script's time slicing waits while the tab is hidden (no CPU spent on a page nobody is
// looking at) and resumes when the reader comes back. Headless Chromium always reports tabs as
// visible, so this is checked here with a stand-in document.
import { describe, expect, it } from 'vitest';
import { nextSlice } from '../../../src/content/scheduler';

function fakeDoc(initial: DocumentVisibilityState) {
  const listeners = new Set<() => void>();
  return {
    visibilityState: initial,
    addEventListener: (_: string, fn: () => void) => listeners.add(fn),
    removeEventListener: (_: string, fn: () => void) => listeners.delete(fn),
    show() {
      this.visibilityState = 'visible';
      for (const fn of [...listeners]) fn();
    },
    listeners,
  };
}

describe('nextSlice', () => {
  it('yields and continues at once on a visible page', async () => {
    const doc = fakeDoc('visible');
    await nextSlice(new AbortController().signal, doc as unknown as Document);
    expect(doc.listeners.size).toBe(0);
  });

  it('waits while the tab is hidden and resumes when it becomes visible', async () => {
    const doc = fakeDoc('hidden');
    let resumed = false;
    const p = nextSlice(new AbortController().signal, doc as unknown as Document).then(() => (resumed = true));
    await new Promise((r) => setTimeout(r, 30));
    expect(resumed).toBe(false);
    doc.show();
    await p;
    expect(resumed).toBe(true);
    expect(doc.listeners.size).toBe(0); // no listener left behind
  });

  it('stops waiting when the work is aborted (highlighting turned off)', async () => {
    const doc = fakeDoc('hidden');
    const ctrl = new AbortController();
    const p = nextSlice(ctrl.signal, doc as unknown as Document);
    await new Promise((r) => setTimeout(r, 10));
    ctrl.abort();
    await expect(p).resolves.toBeUndefined();
  });
});
