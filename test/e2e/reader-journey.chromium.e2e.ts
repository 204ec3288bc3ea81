// The shared reader journey (journey.ts) in Debian's Chromium.
import { afterAll, beforeAll, describe, it } from 'vitest';
import { chromiumDriver, launchChromium, type ChromiumSession } from './harness/chromium';
import { serveFixtures, type FixtureServer } from './harness/server';
import type { Driver } from './harness/driver';
import * as journey from './journey';

describe('reader journey — Chromium', () => {
  let server: FixtureServer;
  let session: ChromiumSession;
  let d: Driver;
  let ready = 0;

  beforeAll(async () => {
    server = await serveFixtures();
    session = await launchChromium();
    d = await chromiumDriver(session);
  });
  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  it('highlights the seed article’s entities', async () => {
    const opened = await journey.openArticle(d, server.url('article.html'));
    ready = opened.ready;
    console.log(`chromium: article ready with ${ready} highlights in ${opened.ms} ms (goto → ready)`);
    await journey.expectSeedEntitiesHighlighted(d);
  });

  it('leaves form fields, editable text and code alone', async () => {
    await journey.expectFormFieldsUntouched(d);
  });

  it('hovering NORTHCOM shows a sourced popover; Esc closes it', async () => {
    await journey.hoverText(d, 'NORTHCOM');
    const p = await journey.waitPopover(d, 'Northern Command');
    await journey.expectSourcedPopover(p, 'Northern Command');
    await d.screenshot(`${journey.ARTIFACTS}/chromium-popover.png`);
    await journey.expectEscCloses(d);
  });

  it('the popup’s site switch removes every highlight and restores them', async () => {
    await journey.expectSiteSwitchRemovesAndRestores(d, ready);
  });
});
