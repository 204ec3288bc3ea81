// Actions the popup and the context menu ask of the page: jump to an entity, look up a selection.
import type { PageSession } from './session';
import type { PopoverController } from './popover/controller';
import { sendToBackground } from '../shared/messaging';

const FLASH_MS = 1600;

export function scrollToEntity(session: PageSession, id: string): boolean {
  session.pruneDetached();
  const mark = session.marks.find((m) => m.entityId === id);
  if (!mark) return false;
  const el = mark.range.startContainer.parentElement;
  const reduce = session.doc.defaultView?.matchMedia('(prefers-reduced-motion: reduce)').matches;
  el?.scrollIntoView({ block: 'center', behavior: reduce ? 'auto' : 'smooth' });
  session.painter.setActive(mark);
  setTimeout(() => session.painter.setActive(null), FLASH_MS);
  return true;
}

/** Opens the card for a selected name: an existing highlight if the selection is one, else a fresh lookup. */
export async function lookupText(running: { session: PageSession; popover: PopoverController } | null, text: string): Promise<boolean> {
  if (!running) return false;
  const { session, popover } = running;
  const selection = session.doc.getSelection();
  const selRange = selection && selection.rangeCount ? selection.getRangeAt(0).cloneRange() : null;
  const wanted = text.trim().toLowerCase();
  const existing = session.marks.find(
    (m) => m.text.toLowerCase() === wanted && (!selRange || selRange.intersectsNode(m.range.startContainer)),
  );
  if (existing) {
    await popover.open({ mark: existing, text: existing.text, entityId: existing.entityId, reason: existing.reason });
    return true;
  }
  const onPage = session.summary().map((e) => e.id);
  const { matches } = await sendToBackground('scan', { blocks: [text], seenEntityIds: onPage });
  const hit = matches.find((m) => m.entityId);
  const rect = () => selRange?.getBoundingClientRect() ?? new DOMRect(16, 16, 0, 0);
  if (hit?.entityId) {
    await popover.open({ mark: null, rect, text: text.trim(), entityId: hit.entityId, reason: `lookup: ${hit.reason}` });
    return true;
  }
  // The matcher leaves a name alone when it cannot tell which entity it is ("Jordan" with no context), or
  // when it is a common word. The reader asked explicitly, so show what the knowledge base has under that
  // exact name: the entity already on this page if one is, else the first, with the others one click away.
  const { entities: candidates } = await sendToBackground('lookupName', { text: text.trim() });
  const first = candidates.find((c) => onPage.includes(c.id)) ?? candidates[0];
  await popover.open({
    mark: null,
    rect,
    text: text.trim(),
    entityId: first?.id ?? null,
    reason: first ? `lookup: exact name in the knowledge base, ${candidates.length} ${candidates.length === 1 ? 'entity' : 'entities'}` : undefined,
    alternatives: candidates.length > 1 ? candidates : undefined,
  });
  return !!first;
}
