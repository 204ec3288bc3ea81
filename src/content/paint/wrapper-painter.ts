// Paints marks by wrapping their text in focusable elements: needed when the reader turns on keyboard
// mode (a Highlight API range cannot take focus) and in browsers without the Highlight API.
// Reversibility: the page's own text node is never moved. Its data is cut to the text before the first
// mark and new nodes are inserted after it; clear() removes the inserted nodes and puts the original
// string back, so the serialised DOM is exactly what it was.
import { OWN_NODE_ATTR } from '../extract';
import { StyleSheetHandle } from './stylesheet';
import type { HighlightStyle, Mark, Painter } from './types';

export const WRAPPER_TAG = 'context-overlays-mark';

function css(style: HighlightStyle): string {
  const look =
    style === 'underline'
      ? 'text-decoration: underline 2px dotted #2563eb; text-decoration-skip-ink: none; text-underline-offset: 2px;'
      : style === 'background'
        ? 'background-color: rgba(250, 204, 21, 0.35); border-radius: 2px;'
        : '';
  // `all: unset` inherits font and colour and zeroes margins, so the wrapper changes no line box.
  return `${WRAPPER_TAG} { all: unset; display: inline !important; ${look} cursor: help; }
${WRAPPER_TAG}[data-active], ${WRAPPER_TAG}:focus-visible { background-color: rgba(37, 99, 235, 0.18); outline: 2px solid #2563eb; outline-offset: 1px; }
@media (prefers-color-scheme: dark) { ${WRAPPER_TAG} { text-decoration-color: #93c5fd; } }`;
}

interface Touched {
  original: string;
  inserted: Node[];
}

export class WrapperPainter implements Painter {
  readonly kind = 'wrappers' as const;
  private readonly touched = new Map<Text, Touched>();
  private readonly marks = new Map<number, Mark>();
  private readonly created = new WeakSet<Node>();
  private readonly sheet: StyleSheetHandle;
  private activeEl: HTMLElement | null = null;

  constructor(private readonly doc: Document, style: HighlightStyle, private readonly focusable: boolean) {
    this.sheet = new StyleSheetHandle(doc, css(style));
  }

  /** Text nodes this painter created, which extraction must not scan again. */
  owns(node: Node): boolean {
    return this.created.has(node);
  }

  add(marks: Mark[]): void {
    // Group each mark's per-node portions by text node, so each node is split once.
    const portions = new Map<Text, { mark: Mark; start: number; end: number }[]>();
    for (const mark of marks) {
      for (const p of nodePortions(mark.range)) {
        if (this.touched.has(p.node)) continue; // already painted by an earlier batch
        let list = portions.get(p.node);
        if (!list) portions.set(p.node, (list = []));
        list.push({ mark, start: p.start, end: p.end });
      }
    }
    const wrappersOf = new Map<Mark, HTMLElement[]>();
    for (const [node, list] of portions) {
      list.sort((a, b) => a.start - b.start);
      const original = node.data;
      const inserted: Node[] = [];
      let cursor = list[0]!.start;
      node.data = original.slice(0, cursor);
      let after: Node = node;
      const insert = (n: Node) => {
        after.parentNode!.insertBefore(n, after.nextSibling);
        after = n;
        inserted.push(n);
        this.created.add(n);
      };
      for (const { mark, start, end } of list) {
        if (start < cursor) continue; // overlapping portions never come from the matcher; be safe
        if (start > cursor) insert(this.doc.createTextNode(original.slice(cursor, start)));
        const el = this.doc.createElement(WRAPPER_TAG);
        el.setAttribute(OWN_NODE_ATTR, 'mark');
        el.dataset.mark = String(mark.id);
        el.dataset.entity = mark.entityId;
        el.textContent = original.slice(start, end);
        insert(el);
        let els = wrappersOf.get(mark);
        if (!els) wrappersOf.set(mark, (els = []));
        els.push(el);
        cursor = end;
      }
      if (cursor < original.length) insert(this.doc.createTextNode(original.slice(cursor)));
      this.touched.set(node, { original, inserted });
    }
    for (const [mark, els] of wrappersOf) {
      const first = els[0]!;
      const last = els[els.length - 1]!;
      mark.range = this.doc.createRange();
      mark.range.setStartBefore(first);
      mark.range.setEndAfter(last);
      mark.element = first;
      if (this.focusable) {
        // One tab stop per mark, even when a name spans <b>Marco</b> Rubio.
        first.tabIndex = 0;
        first.setAttribute('role', 'button');
        first.setAttribute('aria-haspopup', 'dialog');
        first.setAttribute('aria-label', mark.text);
      }
      this.marks.set(mark.id, mark);
    }
  }

  clear(): void {
    for (const [node, { original, inserted }] of this.touched) {
      for (const n of inserted) n.parentNode?.removeChild(n);
      node.data = original;
    }
    this.touched.clear();
    this.marks.clear();
    this.sheet.remove();
    this.activeEl = null;
  }

  markFor(el: Element | null): Mark | null {
    const wrapper = el?.closest?.(WRAPPER_TAG) as HTMLElement | null | undefined;
    return wrapper ? (this.marks.get(Number(wrapper.dataset.mark)) ?? null) : null;
  }

  markAt(x: number, y: number): Mark | null {
    return this.markFor(this.doc.elementFromPoint(x, y));
  }

  setActive(mark: Mark | null): void {
    this.activeEl?.removeAttribute('data-active');
    this.activeEl = mark?.element ?? null;
    this.activeEl?.setAttribute('data-active', '');
  }

  setStyle(style: HighlightStyle): void {
    this.sheet.setText(css(style));
  }
}

function nodePortions(range: Range): { node: Text; start: number; end: number }[] {
  const out: { node: Text; start: number; end: number }[] = [];
  const doc = range.startContainer.ownerDocument!;
  const walker = doc.createTreeWalker(range.commonAncestorContainer, NodeFilter.SHOW_TEXT);
  walker.currentNode = range.startContainer;
  for (let n: Node | null = range.startContainer; n; n = walker.nextNode()) {
    if (n.nodeType === Node.TEXT_NODE) {
      const t = n as Text;
      const start = n === range.startContainer ? range.startOffset : 0;
      const end = n === range.endContainer ? range.endOffset : t.data.length;
      if (end > start) out.push({ node: t, start, end });
    }
    if (n === range.endContainer) break;
  }
  return out;
}
