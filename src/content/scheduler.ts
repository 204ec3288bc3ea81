// Yielding between slices of work keeps every task on the page's main thread short (the e2e test
// checks for long tasks > 50 ms), and waiting while the tab is hidden spends no CPU on a page nobody
// is looking at.

type SchedulerWithYield = { yield?: () => Promise<void> };

export async function nextSlice(signal: AbortSignal, doc: Document = document): Promise<void> {
  const scheduler = (globalThis as { scheduler?: SchedulerWithYield }).scheduler;
  if (scheduler?.yield) await scheduler.yield();
  else await new Promise<void>((resolve) => setTimeout(resolve, 0));
  if (doc.visibilityState === 'hidden' && !signal.aborted) await whenVisible(doc, signal);
}

export function whenVisible(doc: Document, signal: AbortSignal): Promise<void> {
  return new Promise<void>((resolve) => {
    const done = () => {
      doc.removeEventListener('visibilitychange', check);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const check = () => {
      if (doc.visibilityState !== 'hidden') done();
    };
    doc.addEventListener('visibilitychange', check);
    signal.addEventListener('abort', done, { once: true });
  });
}
