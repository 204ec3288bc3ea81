// Paints marks with the CSS Custom Highlight API: the page's DOM is not touched at all (no wrappers,
// no layout shift, links and handlers unaffected), and turning it off is deleting one registry entry.
// The cost: highlights are not elements, so hover is found by hit-testing the pointer position.
import type { HighlightStyle, Mark, Painter } from './types';
import { StyleSheetHandle } from './stylesheet';

const NAME = 'context-overlays';
const ACTIVE = 'context-overlays-active';

export function highlightApiAvailable(doc: Document): boolean {
  const win = doc.defaultView as (Window & typeof globalThis) | null;
  return !!win && typeof win.Highlight === 'function' && !!win.CSS && 'highlights' in win.CSS;
}

function css(style: HighlightStyle): string {
  const base =
    style === 'underline'
      ? 'text-decoration: underline 2px dotted #2563eb; text-decoration-skip-ink: none;'
      : style === 'background'
        ? 'background-color: rgba(250, 204, 21, 0.35);'
        : '';
  return `::highlight(${NAME}) { ${base} }
::highlight(${ACTIVE}) { background-color: rgba(37, 99, 235, 0.18); text-decoration: underline 2px solid #2563eb; }
@media (prefers-color-scheme: dark) {
  ::highlight(${NAME}) { ${base.replace('#2563eb', '#93c5fd').replace('rgba(250, 204, 21, 0.35)', 'rgba(250, 204, 21, 0.28)')} }
  ::highlight(${ACTIVE}) { background-color: rgba(147, 197, 253, 0.25); text-decoration: underline 2px solid #93c5fd; }
}`;
}

export class HighlightPainter implements Painter {
  readonly kind = 'highlight-api' as const;
  private readonly highlight: Highlight;
  private readonly active: Highlight;
  private readonly byNode = new Map<Node, Mark[]>();
  private readonly sheet: StyleSheetHandle;

  constructor(private readonly doc: Document, style: HighlightStyle) {
    const win = doc.defaultView as Window & typeof globalThis;
    this.highlight = new win.Highlight();
    this.active = new win.Highlight();
    this.active.priority = 1;
    win.CSS.highlights.set(NAME, this.highlight);
    win.CSS.highlights.set(ACTIVE, this.active);
    this.sheet = new StyleSheetHandle(doc, css(style));
  }

  add(marks: Mark[]): void {
    for (const m of marks) {
      this.highlight.add(m.range);
      for (const node of textNodesOf(m.range)) {
        let list = this.byNode.get(node);
        if (!list) this.byNode.set(node, (list = []));
        list.push(m);
      }
    }
  }

  clear(): void {
    const win = this.doc.defaultView as Window & typeof globalThis;
    this.highlight.clear();
    this.active.clear();
    win.CSS.highlights.delete(NAME);
    win.CSS.highlights.delete(ACTIVE);
    this.byNode.clear();
    this.sheet.remove();
  }

  markAt(x: number, y: number): Mark | null {
    const hit = caretAt(this.doc, x, y);
    if (!hit) return null;
    const candidates = this.byNode.get(hit.node);
    if (!candidates) return null;
    for (const m of candidates) {
      // The caret API answers with the nearest character even when the pointer is past the end of a
      // line, so also require the pointer to be inside one of the mark's boxes.
      if (!m.range.isPointInRange(hit.node, hit.offset) && !(m.range.endContainer === hit.node && m.range.endOffset === hit.offset)) continue;
      for (const r of m.range.getClientRects()) {
        if (x >= r.left - 1 && x <= r.right + 1 && y >= r.top - 1 && y <= r.bottom + 1) return m;
      }
    }
    return null;
  }

  setActive(mark: Mark | null): void {
    this.active.clear();
    if (mark) this.active.add(mark.range);
  }

  setStyle(style: HighlightStyle): void {
    this.sheet.setText(css(style));
  }
}

function textNodesOf(range: Range): Node[] {
  if (range.startContainer === range.endContainer) return [range.startContainer];
  const nodes: Node[] = [];
  const walker = range.startContainer.ownerDocument!.createTreeWalker(range.commonAncestorContainer, NodeFilter.SHOW_TEXT);
  walker.currentNode = range.startContainer;
  for (let n: Node | null = range.startContainer; n; n = walker.nextNode()) {
    nodes.push(n);
    if (n === range.endContainer) break;
  }
  return nodes;
}

function caretAt(doc: Document, x: number, y: number): { node: Node; offset: number } | null {
  // caretPositionFromPoint is the standard (Firefox, Chrome ≥ 128); caretRangeFromPoint the WebKit one.
  const d = doc as Document & {
    caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
    caretRangeFromPoint?: (x: number, y: number) => Range | null;
  };
  if (d.caretPositionFromPoint) {
    const p = d.caretPositionFromPoint(x, y);
    return p ? { node: p.offsetNode, offset: p.offset } : null;
  }
  const r = d.caretRangeFromPoint?.(x, y);
  return r ? { node: r.startContainer, offset: r.startOffset } : null;
}
