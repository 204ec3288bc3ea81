// Page-level CSS for highlights (::highlight() rules and wrapper styles must live in the page's
// cascade, unlike the popover's CSS, which lives in its shadow root).
// A constructed stylesheet in document.adoptedStyleSheets adds no element to the page; where the
// browser refuses that from a content script (Firefox's Xray wrappers reject a sheet constructed in the
// content-script compartment, seen with Firefox ESR 153, 2026-11), fall back to one <style> element
// marked as ours so extraction skips it and turning off removes it.
import { OWN_NODE_ATTR } from '../extract';

export class StyleSheetHandle {
  private sheet: CSSStyleSheet | null = null;
  private element: HTMLStyleElement | null = null;

  constructor(private readonly doc: Document, text: string) {
    try {
      const win = doc.defaultView as Window & typeof globalThis;
      const sheet = new win.CSSStyleSheet();
      sheet.replaceSync(text);
      doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
      this.sheet = sheet;
    } catch {
      const el = doc.createElement('style');
      el.setAttribute(OWN_NODE_ATTR, 'style');
      el.textContent = text;
      (doc.head ?? doc.documentElement).append(el);
      this.element = el;
    }
  }

  setText(text: string): void {
    if (this.sheet) this.sheet.replaceSync(text);
    if (this.element) this.element.textContent = text;
  }

  remove(): void {
    if (this.sheet) {
      const sheet = this.sheet;
      this.doc.adoptedStyleSheets = this.doc.adoptedStyleSheets.filter((s) => s !== sheet);
    }
    this.element?.remove();
    this.sheet = null;
    this.element = null;
  }
}
