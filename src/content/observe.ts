// Picks up content added after the first scan (SPA navigation, infinite scroll, live blogs).
// Mutations are collected and handled in one batch per idle moment, nodes we created ourselves are
// ignored (so painting never triggers a rescan), and text already scanned is skipped by the session.
import { OWN_NODE_ATTR } from './extract';
import type { PageSession } from './session';
import { HOST_TAG } from './popover/controller';

const BATCH_DELAY_MS = 250;

export function initObserver(session: PageSession, signal: AbortSignal): void {
  const pending = new Set<Node>();
  let timer: ReturnType<typeof setTimeout> | undefined;

  const flush = () => {
    timer = undefined;
    // Keep only the outermost added nodes: scanning a parent covers its children.
    const roots = [...pending].filter((n) => n.isConnected && ![...pending].some((p) => p !== n && p.contains(n)));
    pending.clear();
    if (roots.length) void session.scanAdded(roots);
  };

  const observer = new MutationObserver((records) => {
    for (const r of records) {
      if (isOurs(r.target)) continue;
      if (r.type === 'characterData') {
        // Edited text: page scripts rewriting a node we already scanned (live scores, tickers) are left
        // alone; new text nodes arrive as childList additions.
        continue;
      }
      for (const n of r.addedNodes) {
        if (isOurs(n)) continue;
        if (n.nodeType === Node.ELEMENT_NODE || n.nodeType === Node.TEXT_NODE) pending.add(n);
      }
    }
    if (pending.size && timer === undefined) timer = setTimeout(flush, BATCH_DELAY_MS);
  });
  observer.observe(session.doc.body, { childList: true, subtree: true });
  signal.addEventListener('abort', () => {
    observer.disconnect();
    clearTimeout(timer);
    pending.clear();
  });
}

function isOurs(n: Node): boolean {
  const el = n.nodeType === Node.ELEMENT_NODE ? (n as Element) : n.parentElement;
  return !!el && (el.localName === HOST_TAG || !!el.closest(`[${OWN_NODE_ATTR}]`));
}
