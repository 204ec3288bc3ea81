// Renders icons/icon.svg to the PNG sizes the manifest declares. Run: node scripts/make-icons.mjs
// The PNGs are committed so a build needs no native renderer; rerun this after editing the SVG.
import fs from 'node:fs';
import { Resvg } from '@resvg/resvg-js';

const svg = fs.readFileSync(new URL('../icons/icon.svg', import.meta.url));
for (const size of [16, 32, 48, 128]) {
  const png = new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng();
  fs.writeFileSync(new URL(`../icons/icon-${size}.png`, import.meta.url), png);
  console.log(`icons/icon-${size}.png ${png.length} bytes`);
}
