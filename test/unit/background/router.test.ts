import { describe, expect, it, vi } from 'vitest';
import { createRouter, rejectSender, type HandlerMap } from '../../../src/background/router';
import { envelope } from '../../../src/shared/messages';

const me = { extensionId: 'abc', extensionOrigin: 'chrome-extension://abc/' };
const page = { id: 'abc', url: 'https://news.example/story', tab: { id: 3 } };
const popup = { id: 'abc', url: 'chrome-extension://abc/popup.html' };

function router() {
  const getEntities = vi.fn(async (p: { ids: string[] }) => ({ entities: p.ids.map((id) => ({ id })) }));
  const listPacks = vi.fn(async () => ({ packs: [] }));
  const handlers = new Proxy({ getEntities, listPacks } as unknown as HandlerMap, {
    get: (t, k) => (t as Record<string | symbol, unknown>)[k] ?? (async () => ({ ok: true })),
  });
  return { route: createRouter(handlers, () => me), getEntities, listPacks };
}

describe('background message router', () => {
  it('answers a valid lookup from a content script', async () => {
    const { route, getEntities } = router();
    const reply = await route(envelope('getEntities', { ids: ['northcom'] }), page);
    expect(reply).toEqual({ ok: true, data: { entities: [{ id: 'northcom' }] } });
    expect(getEntities).toHaveBeenCalledOnce();
  });

  it('rejects unknown message types, other channels and malformed payloads without calling a handler', async () => {
    const { route, getEntities } = router();
    expect(await route(envelope('dropDatabase', {}), popup)).toMatchObject({ ok: false, error: expect.stringContaining('unknown message type') });
    expect(await route({ channel: 'other', type: 'getEntities', payload: { ids: [] } }, popup)).toMatchObject({ ok: false });
    expect(await route('getEntities', popup)).toMatchObject({ ok: false });
    expect(await route(envelope('getEntities', { ids: 'northcom' }), page)).toMatchObject({ ok: false, error: expect.stringContaining('ids') });
    expect(await route(envelope('getEntities', { ids: Array(1001).fill('x') }), page)).toMatchObject({ ok: false });
    expect(getEntities).not.toHaveBeenCalled();
  });

  it('rejects other extensions and unknown senders', async () => {
    const { route } = router();
    expect(await route(envelope('getEntities', { ids: [] }), { ...page, id: 'evil' })).toEqual({ ok: false, error: 'message from another extension' });
    expect(await route(envelope('getEntities', { ids: [] }), { id: 'abc', url: 'file:///x.html', tab: {} })).toEqual({ ok: false, error: 'unknown sender' });
  });

  it('content scripts may ask only what a page view needs', async () => {
    const { route } = router();
    for (const type of ['scan', 'getEntities', 'lookupName', 'getPublisher', 'setMuted', 'reportWrongMatch', 'openEntry']) {
      expect(rejectSender(page, type as never, me), type).toBeUndefined();
    }
    for (const type of ['listPacks', 'importPack', 'removePack', 'exportPack', 'stats', 'listUserData', 'clearCache', 'searchEntities']) {
      expect(rejectSender(page, type as never, me), type).toMatch(/not available to content scripts/);
    }
    expect(await route(envelope('lookupName', { text: 'x'.repeat(501) }), page)).toMatchObject({ ok: false, error: expect.stringContaining('text') });
  });

  it('keeps pack management away from content scripts (web pages)', async () => {
    const { route, listPacks } = router();
    expect(await route(envelope('listPacks', {}), page)).toMatchObject({ ok: false, error: expect.stringContaining('not available to content scripts') });
    expect(listPacks).not.toHaveBeenCalled();
    expect(await route(envelope('listPacks', {}), popup)).toMatchObject({ ok: true });
  });

  it('reports a failing handler as an error reply, not a crash', async () => {
    const handlers = new Proxy({} as HandlerMap, { get: () => async () => { throw new Error('db closed'); } });
    const route = createRouter(handlers, () => me);
    expect(await route(envelope('stats', {}), popup)).toEqual({ ok: false, error: 'db closed' });
  });

  it('rejectSender allows extension pages everything', () => {
    expect(rejectSender(popup, 'importPack', me)).toBeUndefined();
    expect(rejectSender({ id: 'abc', url: 'moz-extension://uuid/options.html' }, 'importPack', { extensionId: 'abc', extensionOrigin: 'moz-extension://uuid/' })).toBeUndefined();
  });
});
