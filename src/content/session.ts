// One page's highlighting, from first scan to teardown. Created when highlighting turns on for the
// page and aborted (with everything it did undone) when it turns off.
import type { EntityView, PageEntitySummary } from '../shared/messages';
import type { Settings } from '../shared/settings';
import type { TextMatch } from '../core/match';
import { sendToBackground } from '../shared/messaging';
import { mainContentRoot, rangeFor, walkTextBlocks, type TextBlock } from './extract';
import { HighlightPainter, highlightApiAvailable } from './paint/highlight-painter';
import { WrapperPainter } from './paint/wrapper-painter';
import type { Mark, Painter } from './paint/types';
import { nextSlice } from './scheduler';

export const STATE_ATTR = 'data-context-overlays-state';
const MAX_BLOCKS_PER_SCAN = 400;
const MAX_CHARS_PER_SCAN = 200_000;

export interface SessionEvents {
  /** New marks were painted (the first batch, or new content from the observer). */
  painted(): void;
}

export class PageSession {
  readonly painter: Painter;
  readonly marks: Mark[] = [];
  readonly entities = new Map<string, EntityView>();
  private readonly doneNodes = new WeakSet<Text>();
  private readonly seen = new Set<string>();
  private readonly paintedEntities = new Set<string>();
  private nextMarkId = 1;
  private queue: Promise<void> = Promise.resolve();

  constructor(
    readonly doc: Document,
    public settings: Settings,
    readonly signal: AbortSignal,
  ) {
    this.painter =
      settings.keyboardMode || !highlightApiAvailable(doc)
        ? new WrapperPainter(doc, settings.highlightStyle, settings.keyboardMode)
        : new HighlightPainter(doc, settings.highlightStyle);
    signal.addEventListener('abort', () => this.teardown(), { once: true });
  }

  /** Scans the main content first (what the reader came for), then the rest of the page. */
  start(): Promise<void> {
    this.doc.documentElement.setAttribute(STATE_ATTR, 'scanning');
    const main = mainContentRoot(this.doc);
    const roots = main === this.doc.body ? [main] : [main, this.doc.body];
    return this.enqueue(async () => {
      for (const root of roots) await this.scanRoot(root);
      if (this.signal.aborted) return;
      performance.mark('context-overlays:ready', { detail: { marks: this.marks.length } });
      this.doc.documentElement.setAttribute(STATE_ATTR, `ready:${this.marks.length}`);
    });
  }

  /** Scans nodes added after the first pass (MutationObserver batches). */
  scanAdded(roots: Node[]): Promise<void> {
    return this.enqueue(async () => {
      this.pruneDetached();
      for (const root of roots) if (root.isConnected) await this.scanRoot(root);
      if (!this.signal.aborted) this.doc.documentElement.setAttribute(STATE_ATTR, `ready:${this.marks.length}`);
    });
  }

  /** Whether a node is one this session already scanned or created. */
  isDone(node: Node): boolean {
    return (node.nodeType === Node.TEXT_NODE && this.doneNodes.has(node as Text)) || (this.painter instanceof WrapperPainter && this.painter.owns(node));
  }

  /** Forgets marks whose text left the page (an SPA swapped the article). */
  pruneDetached(): void {
    const live = this.marks.filter((m) => m.range.startContainer.isConnected);
    if (live.length !== this.marks.length) this.marks.splice(0, this.marks.length, ...live);
  }

  summary(): PageEntitySummary[] {
    this.pruneDetached();
    const counts = new Map<string, number>();
    for (const m of this.marks) counts.set(m.entityId, (counts.get(m.entityId) ?? 0) + 1);
    return [...counts]
      .map(([id, count]) => {
        const e = this.entities.get(id);
        return e ? { id, name: e.name, type: e.type, count } : null;
      })
      .filter((x): x is PageEntitySummary => x !== null)
      .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
  }

  private enqueue(work: () => Promise<void>): Promise<void> {
    // Scans run one after another so `seen` (used for coreference) grows in reading order.
    this.queue = this.queue.then(work, work).catch((err) => {
      if (!this.signal.aborted) console.warn('[context-overlays] scan failed:', err);
    });
    return this.queue;
  }

  private async scanRoot(root: Node): Promise<void> {
    const walker = walkTextBlocks(root, (n) => this.isDone(n));
    let pending: TextBlock[] = [];
    let pendingChars = 0;
    for (let step = walker.next(); !step.done; step = walker.next()) {
      if (this.signal.aborted) return;
      for (const b of step.value) {
        for (const s of b.segments) this.doneNodes.add(s.node);
        pending.push(b);
        pendingChars += b.text.length;
        if (pending.length >= MAX_BLOCKS_PER_SCAN || pendingChars >= MAX_CHARS_PER_SCAN) {
          await this.scanBlocks(pending);
          pending = [];
          pendingChars = 0;
        }
      }
      await nextSlice(this.signal);
    }
    if (pending.length) await this.scanBlocks(pending);
  }

  private async scanBlocks(blocks: TextBlock[]): Promise<void> {
    const { matches } = await sendToBackground('scan', {
      blocks: blocks.map((b) => b.text),
      pageLang: this.doc.documentElement.lang || undefined,
      seenEntityIds: [...this.seen],
      detectUnknown: this.settings.detectUnknown,
    });
    if (this.signal.aborted) return;
    const newIds = [...new Set(matches.map((m) => m.entityId).filter((id): id is string => !!id && !this.entities.has(id)))];
    if (newIds.length) {
      const { entities } = await sendToBackground('getEntities', { ids: newIds });
      for (const e of entities) this.entities.set(e.id, e);
    }
    if (this.signal.aborted) return;
    await this.paint(blocks, matches);
  }

  private async paint(blocks: TextBlock[], matches: TextMatch[]): Promise<void> {
    let batch: Mark[] = [];
    let sliceStart = performance.now();
    // Wrappers change the DOM, so the browser restyles what each slice touched in the next frame:
    // cap the marks per slice as well as the time (measured: uncapped, a 20,000-word page had 95 ms
    // rendering tasks). And never split one block across slices: wrapping rewrites the block's text
    // nodes, which would leave the ranges of its later marks pointing at stale offsets.
    const wrappers = this.painter instanceof WrapperPainter;
    const maxMarks = wrappers ? 60 : Infinity;
    for (let i = 0; i < matches.length; i++) {
      const m = matches[i]!;
      const mark = this.toMark(blocks, m);
      if (mark) batch.push(mark);
      const blockEnds = matches[i + 1]?.block !== m.block;
      if (blockEnds && (performance.now() - sliceStart > 8 || batch.length >= maxMarks)) {
        this.commit(batch);
        batch = [];
        await nextSlice(this.signal);
        if (this.signal.aborted) return;
        sliceStart = performance.now();
      }
    }
    this.commit(batch);
  }

  private toMark(blocks: TextBlock[], m: TextMatch): Mark | null {
    const block = blocks[m.block];
    if (!block) return null;
    let type: Mark['type'] = 'other';
    if (m.entityId) {
      const e = this.entities.get(m.entityId);
      if (!e || e.muted) return null;
      this.seen.add(m.entityId);
      type = e.type;
    }
    if (!this.categoryOn(type)) return null;
    if (m.entityId && this.settings.firstOccurrenceOnly) {
      if (this.paintedEntities.has(m.entityId)) return null;
      this.paintedEntities.add(m.entityId);
    }
    const range = rangeFor(block, m.start, m.end);
    if (!range) return null;
    return {
      id: this.nextMarkId++,
      entityId: m.entityId ?? '',
      type,
      kind: m.kind,
      reason: m.reason,
      text: block.text.slice(m.start, m.end),
      range,
    };
  }

  private categoryOn(type: Mark['type']): boolean {
    const c = this.settings.categories;
    switch (type) {
      case 'person':
      case 'organization':
      case 'agency':
      case 'place':
      case 'group':
      case 'publisher':
        return c[type];
      default:
        return c.other;
    }
  }

  private commit(batch: Mark[]): void {
    if (!batch.length) return;
    this.painter.add(batch);
    this.marks.push(...batch);
  }

  private teardown(): void {
    this.painter.clear();
    this.marks.length = 0;
    this.doc.documentElement.setAttribute(STATE_ATTR, 'off');
  }
}
