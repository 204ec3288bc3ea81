// The popover's CSS lives in its closed shadow root: page rules cannot reach it, and `all: initial`
// on the card stops inherited page styles (font sizes, colours) from leaking in through the host.
export const POPOVER_CSS = `
/* Not !important: an important :host rule beats the host's inline styles (inner-context important
   declarations win the cascade), which would reset position: fixed and put the card at the page's end. */
:host { all: initial; }
.card {
  all: initial;
  box-sizing: border-box;
  display: block;
  position: relative;
  width: min(380px, calc(100vw - 16px));
  max-height: min(70vh, 560px);
  overflow: auto;
  padding: 14px 16px 12px;
  border-radius: 10px;
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  color: #1f2937;
  background: #ffffff;
  border: 1px solid #d1d5db;
  box-shadow: 0 10px 30px rgba(0, 0, 0, 0.18), 0 2px 6px rgba(0, 0, 0, 0.08);
  text-align: left;
  overscroll-behavior: contain;
  animation: appear 120ms ease-out;
}
/* :where() keeps this reset at zero specificity, so the element rules below (section, h3, button…) still apply. */
:where(.card *) { box-sizing: border-box; font: inherit; color: inherit; margin: 0; padding: 0; }
@keyframes appear { from { opacity: 0; transform: translateY(4px); } to { opacity: 1; transform: none; } }
@media (prefers-reduced-motion: reduce) { .card { animation: none; } }
header { padding-right: 28px; }
.type { display: inline-flex; align-items: center; gap: 5px; font-size: 12px; font-weight: 600; letter-spacing: 0.02em;
  text-transform: uppercase; color: #1e40af; }
.icon { display: inline-block; vertical-align: -2px; flex: none; }
.name { display: block; font-size: 18px; line-height: 1.25; font-weight: 700; margin-top: 2px; color: #111827; }
.description { display: block; margin-top: 2px; color: #4b5563; }
.summary { display: block; margin-top: 10px; }
section { display: block; margin-top: 10px; }
h3 { display: block; font-size: 12px; font-weight: 700; text-transform: uppercase; letter-spacing: 0.04em; color: #4b5563; margin-bottom: 4px; }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 10px; }
.fact { display: contents; }
dt { font-weight: 600; color: #374151; }
dd { color: #1f2937; }
sup { font-size: 10px; vertical-align: super; color: #4b5563; margin-left: 1px; }
.sources { display: block; list-style: decimal; padding-left: 20px; }
.sources li { display: list-item; margin-bottom: 3px; }
a { color: #1d4ed8; text-decoration: underline; cursor: pointer; }
a:hover { color: #1e3a8a; }
a:focus-visible, button:focus-visible { outline: 2px solid #2563eb; outline-offset: 2px; border-radius: 3px; }
.source-meta { color: #4b5563; }
.provenance { display: flex; flex-wrap: wrap; gap: 4px 12px; margin-top: 10px; font-size: 12px; color: #4b5563; }
.note { background: #fef9c3; border-radius: 6px; padding: 6px 8px; }
.debug { display: block; margin-top: 8px; font: 12px/1.4 ui-monospace, SFMono-Regular, Menlo, monospace; color: #4b5563; }
.notice { display: block; margin-top: 10px; font-size: 13px; color: #065f46; }
.muted { display: block; color: #4b5563; }
.actions { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 12px; border-top: 1px solid #e5e7eb; padding-top: 10px; }
button { cursor: pointer; border: 1px solid #d1d5db; background: #f9fafb; color: #1f2937; border-radius: 6px; padding: 3px 8px; font-size: 12px; }
button:hover { background: #f3f4f6; }
.alternatives ul { display: block; list-style: none; }
.alternatives li { display: block; margin-bottom: 2px; }
button.link { border: none; background: none; padding: 0; font-size: inherit; color: #1d4ed8; text-decoration: underline; }
button.link:hover { background: none; color: #1e3a8a; }
.close { position: absolute; top: 8px; right: 8px; width: 26px; height: 26px; padding: 0; border: none; background: transparent;
  font-size: 20px; line-height: 26px; text-align: center; color: #4b5563; border-radius: 6px; }
.close:hover { background: #f3f4f6; }
@media (prefers-color-scheme: dark) {
  .card { color: #e5e7eb; background: #1f2937; border-color: #4b5563; box-shadow: 0 10px 30px rgba(0, 0, 0, 0.5); }
  .type { color: #93c5fd; }
  .name { color: #f9fafb; }
  .description, h3, .source-meta, .provenance, .muted, .debug, sup, .close { color: #d1d5db; }
  dt { color: #e5e7eb; } dd { color: #e5e7eb; }
  a, button.link { color: #93c5fd; } a:hover, button.link:hover { color: #bfdbfe; background: none; }
  .note { background: #422006; color: #fef3c7; }
  .notice { color: #6ee7b7; }
  .actions { border-top-color: #374151; }
  button { background: #374151; border-color: #4b5563; color: #f3f4f6; }
  button:hover, .close:hover { background: #4b5563; }
}
`;
