// What the shared reader journey needs from a browser. Each browser implements it once
// (chromium.ts with playwright-core, firefox.ts with puppeteer-core over WebDriver BiDi), so the
// journey's steps and assertions are written once.

export interface PopoverSnapshot {
  /** The popover's visible text (from inside its closed shadow root). */
  text: string;
  role: string | null;
  label: string | null;
  links: { href: string; target: string | null; rel: string | null; text: string }[];
}

export interface Driver {
  readonly name: 'chromium' | 'firefox';
  goto(url: string): Promise<void>;
  evaluate<T, A = undefined>(fn: (arg: A) => T | Promise<T>, arg?: A): Promise<T>;
  mouseMove(x: number, y: number): Promise<void>;
  press(key: string): Promise<void>;
  /** Reads the open popover through the automation protocol (page scripts cannot see a closed root). */
  popover(): Promise<PopoverSnapshot | null>;
  /** Turns highlighting on/off for the current site the way a reader would. */
  setSiteEnabled(enabled: boolean): Promise<void>;
  screenshot(file: string): Promise<void>;
  close(): Promise<void>;
}

/** Collects a popover snapshot from a generic DOM-ish tree (CDP nodes and BiDi nodes both map to this). */
export interface TreeNode {
  name: string; // lower-case tag name, '#text' for text
  attrs: Record<string, string>;
  value?: string;
  children: TreeNode[];
}

export function snapshotFromTree(root: TreeNode): PopoverSnapshot {
  const links: PopoverSnapshot['links'] = [];
  let role: string | null = null;
  let label: string | null = null;
  const textOf = (n: TreeNode): string => (n.name === '#text' ? (n.value ?? '') : n.name === 'style' ? '' : n.children.map(textOf).join(''));
  const visit = (n: TreeNode) => {
    if (n.attrs.role === 'dialog' && role === null) {
      role = 'dialog';
      label = n.attrs['aria-label'] ?? n.attrs['aria-labelledby'] ?? null;
    }
    if (n.name === 'a' && n.attrs.href !== undefined) {
      links.push({ href: n.attrs.href, target: n.attrs.target ?? null, rel: n.attrs.rel ?? null, text: textOf(n).trim() });
    }
    n.children.forEach(visit);
  };
  visit(root);
  return { text: textOf(root).replace(/\s+/g, ' ').trim(), role, label, links };
}
