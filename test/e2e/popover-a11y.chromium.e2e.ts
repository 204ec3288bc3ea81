// axe-core on the popover card (light and dark). The product renders it in a closed shadow root that
// axe cannot enter, so the same component and stylesheet are rendered in an open root on a test page.
import fs from 'node:fs';
import path from 'node:path';
import * as esbuild from 'esbuild';
import AxeBuilder from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type ChromiumSession } from './harness/chromium';
import { serveFixtures, type FixtureServer } from './harness/server';

let server: FixtureServer;
let session: ChromiumSession;
const outDir = path.resolve('test/artifacts/harness');

beforeAll(async () => {
  fs.mkdirSync(outDir, { recursive: true });
  await esbuild.build({
    entryPoints: ['test/e2e/harness/popover-harness.tsx'],
    bundle: true,
    format: 'iife',
    outfile: path.join(outDir, 'popover-harness.js'),
    jsx: 'automatic',
    jsxImportSource: 'preact',
    alias: { 'webextension-polyfill': './test/e2e/harness/polyfill-stub.ts' },
    logLevel: 'error',
  });
  const packs = fs.readdirSync('packs/starter').flatMap((f) => JSON.parse(fs.readFileSync(path.join('packs/starter', f), 'utf8')) as { id: string }[]);
  const northcom = packs.find((e) => e.id === 'northcom');
  const entity = { ...northcom, packId: 'starter', packName: 'Starter pack', muted: false, note: 'A reader’s note.' };
  fs.writeFileSync(
    path.join(outDir, 'popover.html'),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Popover harness</title></head><body><main><h1>Popover</h1></main>
<script>window.__entity = ${JSON.stringify(entity).replace(/</g, '\\u003c')};</script><script src="popover-harness.js"></script></body></html>`,
  );
  server = await serveFixtures(path.resolve('test/fixtures'), { '/harness/': outDir });
  session = await launchChromium();
});
afterAll(async () => {
  await session?.close();
  await server?.close();
});

describe('popover accessibility', () => {
  for (const scheme of ['light', 'dark'] as const) {
    it(`has no axe violations (${scheme})`, async () => {
      const page = await session.context.newPage();
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(`${server.origin}/harness/popover.html`);
      await page.waitForSelector('html[data-harness="ready"]');
      const results = await new AxeBuilder({ page }).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
      // 200 % zoom of a 1280×900 window is a 640×450 CSS-pixel viewport: the card must still fit it.
      await page.setViewportSize({ width: 640, height: 450 });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth * 1.01);
      expect(overflow).toBe(false);
      await page.close();
    });
  }
});
