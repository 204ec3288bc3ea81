// Owns the popover's host element: a closed shadow root (page CSS and scripts can't reach in, and our
// CSS can't leak out), rendered with Preact, positioned next to the mark with Floating UI.
import { render } from 'preact';
import { autoUpdate, computePosition, flip, offset, shift, size } from '@floating-ui/dom';
import type { EntityView } from '../../shared/messages';
import { OWN_NODE_ATTR } from '../extract';
import type { Mark } from '../paint/types';
import { Popover, type PopoverProps } from './Popover';
import { POPOVER_CSS } from './styles';
import { t } from '../../shared/i18n';

export const HOST_TAG = 'context-overlays-popover';

export interface PopoverDeps {
  getEntity(id: string): Promise<EntityView | null>;
  onMute(entity: EntityView): Promise<void>;
  onWrongMatch(entity: EntityView, mark: Mark): Promise<void>;
  onOpenEntry(entity: EntityView): void;
  showDebug(): boolean;
  /** The card closed (Esc, close button, pointer left): the caller clears its active mark. */
  onClosed(): void;
}

export interface Anchor {
  mark: Mark | null;
  /** For lookups without a mark (context menu): the rectangle to anchor to. */
  rect?: () => DOMRect;
  text: string;
  entityId: string | null;
  reason?: string;
  /** A looked-up name that several entities share: the others, offered as buttons in the card. */
  alternatives?: EntityView[];
}

export class PopoverController {
  private host: HTMLElement | null = null;
  private root: ShadowRoot | null = null;
  private mount: HTMLElement | null = null;
  private stopAutoUpdate: (() => void) | null = null;
  private anchor: Anchor | null = null;
  private returnFocusTo: HTMLElement | null = null;
  private props: PopoverProps['state'] | null = null;
  private notice: string | undefined;
  private viaKeyboard = false;
  private generation = 0;
  /** True while close() hands focus back to the highlight that opened the card. */
  returningFocus = false;

  constructor(private readonly doc: Document, private readonly deps: PopoverDeps) {}

  get isOpen(): boolean {
    return this.anchor !== null;
  }

  get currentMark(): Mark | null {
    return this.anchor?.mark ?? null;
  }

  /** True when the event happened inside the card (events from a closed shadow root retarget to the host). */
  contains(target: EventTarget | null): boolean {
    return !!this.host && target === this.host;
  }

  async open(anchor: Anchor, { viaKeyboard = false }: { viaKeyboard?: boolean } = {}): Promise<void> {
    const gen = ++this.generation;
    this.anchor = anchor;
    this.notice = undefined;
    this.viaKeyboard = viaKeyboard;
    if (viaKeyboard) this.returnFocusTo = (this.doc.activeElement as HTMLElement | null) ?? null;
    this.ensureHost();
    if (anchor.entityId === null) {
      this.props = { status: 'unknown', text: anchor.text, reason: anchor.reason };
    } else {
      this.props = { status: 'loading', text: anchor.text };
      this.draw();
      const entity = await this.deps.getEntity(anchor.entityId).catch(() => null);
      if (gen !== this.generation) return; // another mark was opened meanwhile
      this.props = entity ? { status: 'ready', entity, reason: anchor.reason } : { status: 'missing', text: anchor.text };
    }
    this.draw();
  }

  close({ returnFocus = false }: { returnFocus?: boolean } = {}): void {
    if (!this.anchor) return;
    this.generation++;
    this.anchor = null;
    this.stopAutoUpdate?.();
    this.stopAutoUpdate = null;
    if (this.mount) render(null, this.mount);
    this.mount = null;
    this.host?.remove();
    this.host = null;
    this.root = null;
    if (returnFocus && this.returnFocusTo?.isConnected) {
      // focus() fires focusin synchronously; without this flag, focus landing back on the highlight
      // would reopen the card the reader just dismissed.
      this.returningFocus = true;
      try {
        this.returnFocusTo.focus();
      } finally {
        this.returningFocus = false;
      }
    }
    this.returnFocusTo = null;
    this.deps.onClosed();
  }

  destroy(): void {
    this.close();
  }

  private ensureHost(): void {
    if (this.host) return;
    const host = this.doc.createElement(HOST_TAG);
    host.setAttribute(OWN_NODE_ATTR, 'popover');
    // Inline !important beats any page rule aimed at unknown elements (`* { display: none !important }`).
    for (const [k, v] of Object.entries({
      all: 'initial',
      position: 'fixed',
      top: '0px',
      left: '0px',
      'z-index': '2147483647',
      display: 'block',
      width: 'max-content',
      margin: '0',
      padding: '0',
      border: '0',
      transform: 'none',
      visibility: 'visible',
      opacity: '1',
    })) {
      host.style.setProperty(k, v, 'important');
    }
    // Closed: the page's scripts get null from host.shadowRoot and cannot read or restyle the card.
    const root = host.attachShadow({ mode: 'closed' });
    const style = this.doc.createElement('style');
    style.textContent = POPOVER_CSS;
    root.append(style);
    const mount = this.doc.createElement('div');
    root.append(mount);
    this.doc.documentElement.append(host);
    this.host = host;
    this.root = root;
    this.mount = mount;
    host.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') {
        e.stopPropagation();
        this.close({ returnFocus: true });
      }
    });
  }

  private draw(): void {
    if (!this.mount || !this.host || !this.props || !this.anchor) return;
    const anchor = this.anchor;
    render(
      <Popover
        state={this.props}
        showDebug={this.deps.showDebug()}
        notice={this.notice}
        autoFocus={this.viaKeyboard}
        onClose={() => this.close({ returnFocus: true })}
        onMute={async (e) => {
          await this.deps.onMute(e);
          this.notice = t('popoverMuted');
          this.draw();
        }}
        onWrongMatch={async (e) => {
          if (anchor.mark) await this.deps.onWrongMatch(e, anchor.mark);
          this.notice = t('popoverReported');
          this.draw();
        }}
        onOpenEntry={(e) => this.deps.onOpenEntry(e)}
        alternatives={anchor.alternatives?.filter((c) => c.id !== anchor.entityId)}
        onPickAlternative={(id) => void this.open({ ...anchor, entityId: id }, { viaKeyboard: this.viaKeyboard })}
      />,
      this.mount,
    );
    this.position();
  }

  private position(): void {
    const host = this.host;
    const anchor = this.anchor;
    if (!host || !anchor) return;
    const reference = {
      getBoundingClientRect: () => anchor.rect?.() ?? firstRect(anchor.mark!.range),
      getClientRects: () => (anchor.mark ? anchor.mark.range.getClientRects() : ([] as unknown as DOMRectList)),
    };
    this.stopAutoUpdate?.();
    this.stopAutoUpdate = autoUpdate(reference, host, () => {
      void computePosition(reference, host, {
        strategy: 'fixed',
        placement: 'bottom-start',
        middleware: [
          offset(6),
          flip({ padding: 8 }),
          shift({ padding: 8 }),
          size({
            padding: 8,
            apply: ({ availableHeight }) => host.style.setProperty('max-height', `${Math.max(160, availableHeight)}px`, 'important'),
          }),
        ],
      }).then(({ x, y }) => {
        host.style.setProperty('left', `${Math.round(x)}px`, 'important');
        host.style.setProperty('top', `${Math.round(y)}px`, 'important');
      });
    });
  }
}

function firstRect(range: Range): DOMRect {
  // A name broken across lines has several boxes: anchor to the first one, where the reader's eye is.
  const rects = range.getClientRects();
  return rects[0] ?? range.getBoundingClientRect();
}
