// Turns the page into text blocks for the matcher, remembering which text node each character came
// from so matches map back to DOM ranges. Inline elements are transparent, so "<b>Marco</b> Rubio" is
// one block "Marco Rubio"; block elements start a new block so names never run across paragraphs.

/** Elements whose text is never the reader's article text, or that the reader is editing. */
const SKIP_TAGS = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION', 'BUTTON',
  'CODE', 'PRE', 'KBD', 'SAMP', 'VAR', 'SVG', 'MATH', 'CANVAS', 'IFRAME', 'OBJECT', 'EMBED', 'VIDEO', 'AUDIO', 'HEAD', 'TITLE',
]);

/** Tags that do not break a block: their text flows on with their neighbours'. */
const INLINE_TAGS = new Set([
  'A', 'ABBR', 'B', 'BDI', 'BDO', 'CITE', 'DATA', 'DFN', 'EM', 'FONT', 'I', 'INS', 'DEL', 'MARK', 'Q', 'S', 'SMALL',
  'SPAN', 'STRONG', 'SUB', 'SUP', 'TIME', 'U', 'WBR', 'LABEL', 'NOBR', 'BIG', 'TT', 'STRIKE',
]);

export const OWN_NODE_ATTR = 'data-context-overlays';

export interface TextSegment {
  node: Text;
  /** Offset of this node's first character within the block's text. */
  start: number;
}

export interface TextBlock {
  text: string;
  segments: TextSegment[];
}

/** Whether a text node's text should be left alone; also used to prune whole subtrees. */
export function isSkippedElement(el: Element): boolean {
  const tag = el.tagName.toUpperCase();
  if (SKIP_TAGS.has(tag)) return true;
  if (el.namespaceURI === 'http://www.w3.org/2000/svg') return true;
  if (el.hasAttribute(OWN_NODE_ATTR)) return true;
  if (el.getAttribute('aria-hidden') === 'true') return true;
  if (el.hasAttribute('hidden')) return true;
  const ce = el.getAttribute('contenteditable');
  if (ce !== null && ce !== 'false') return true;
  return false;
}

function isInline(el: Element): boolean {
  // Custom elements and unknown tags count as inline: sites wrap words in them more often than blocks.
  return INLINE_TAGS.has(el.tagName.toUpperCase()) || el.tagName.includes('-');
}

/** The nearest ancestor that starts a block, or the root. */
function blockOf(node: Node, root: Node): Node {
  let el = node.parentElement;
  while (el && el !== root && isInline(el)) el = el.parentElement;
  return el ?? root;
}

/**
 * Walks text under `root` and yields blocks, `budgetMs` of work at a time: the generator returns control
 * after each slice so the caller can yield to the page (no long tasks on 20,000-word pages).
 */
export function* walkTextBlocks(root: Node, isDone: (node: Text) => boolean = () => false): Generator<TextBlock[], void, number> {
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode(n) {
      if (n.nodeType === Node.ELEMENT_NODE) {
        // REJECT prunes the subtree: script text, inputs, contenteditable and our own nodes are never visited.
        return isSkippedElement(n as Element) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT;
      }
      const data = (n as Text).data;
      return data.length > 1 && /\S/.test(data) && !isDone(n as Text) ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP;
    },
  });
  let budgetMs = 8;
  let sliceStart = performance.now();
  let out: TextBlock[] = [];
  let current: TextBlock | null = null;
  let currentBlockNode: Node | null = null;
  // Set when a block element or a <br> was entered since the last text node: the flow is broken.
  let broken = true;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (n.nodeType === Node.ELEMENT_NODE) {
      const el = n as Element;
      if (!isInline(el) || BREAKING_TAGS.has(el.tagName.toUpperCase())) broken = true;
      continue;
    }
    const text = n as Text;
    const block = blockOf(text, root);
    if (broken || !current || block !== currentBlockNode) {
      if (current) out.push(current);
      current = { text: '', segments: [] };
      currentBlockNode = block;
      broken = false;
    }
    current.segments.push({ node: text, start: current.text.length });
    current.text += text.data;
    if (performance.now() - sliceStart > budgetMs) {
      out.push(current);
      current = null;
      budgetMs = (yield out) ?? budgetMs;
      out = [];
      sliceStart = performance.now();
    }
  }
  if (current) out.push(current);
  if (out.length) yield out;
}

const BREAKING_TAGS = new Set(['BR', 'IMG', 'HR']);

/** Maps [start, end) of a block's text to a DOM Range over its text nodes. */
export function rangeFor(block: TextBlock, start: number, end: number): Range | null {
  const first = locate(block, start, false);
  const last = locate(block, end, true);
  if (!first || !last) return null;
  const range = first.node.ownerDocument.createRange();
  range.setStart(first.node, first.offset);
  range.setEnd(last.node, last.offset);
  return range;
}

function locate(block: TextBlock, pos: number, isEnd: boolean): { node: Text; offset: number } | null {
  const segs = block.segments;
  let lo = 0;
  let hi = segs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (segs[mid]!.start < pos || (!isEnd && segs[mid]!.start === pos)) lo = mid;
    else hi = mid - 1;
  }
  const seg = segs[lo];
  if (!seg) return null;
  const offset = pos - seg.start;
  if (offset < 0 || offset > seg.node.data.length) return null;
  return { node: seg.node, offset };
}

/** Picks the element that holds the article, so headers, menus and footers are scanned last. */
export function mainContentRoot(doc: Document): Element {
  const candidates = doc.querySelectorAll('article, main, [role="main"], [itemprop="articleBody"]');
  let best: Element | null = null;
  let bestLen = 0;
  for (const el of candidates) {
    const len = el.textContent?.length ?? 0;
    if (len > bestLen) {
      best = el;
      bestLen = len;
    }
  }
  return best && bestLen > 500 ? best : doc.body;
}
