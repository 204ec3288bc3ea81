// A lookup sent while Chrome is restarting the MV3 service worker fails once with "Receiving end does
// not exist"; the content script retries once and the reader never notices. Other failures surface.
import { beforeEach, describe, expect, it, vi } from 'vitest';

let answers: (() => Promise<unknown>)[] = [];
const sent: unknown[] = [];
vi.mock('../../../src/shared/browser', () => ({
  default: {
    runtime: {
      sendMessage: (m: unknown) => {
        sent.push(m);
        return (answers.shift() ?? answers[0] ?? (() => Promise.resolve(undefined)))();
      },
    },
  },
}));

const { sendToBackground, BackgroundError } = await import('../../../src/shared/messaging');

const restarting = () => Promise.reject(new Error('Could not establish connection. Receiving end does not exist.'));

beforeEach(() => {
  answers = [];
  sent.length = 0;
});

describe('sendToBackground', () => {
  it('retries once when the worker was restarting, then returns the answer', async () => {
    answers = [restarting, () => Promise.resolve({ ok: true, data: { entities: [] } })];
    await expect(sendToBackground('getEntities', { ids: ['cia'] })).resolves.toEqual({ entities: [] });
    expect(sent).toHaveLength(2);
    expect(sent[0]).toMatchObject({ type: 'getEntities', payload: { ids: ['cia'] } });
  });

  it('gives up after the one retry', async () => {
    answers = [restarting, restarting, restarting];
    await expect(sendToBackground('getEntities', { ids: ['cia'] })).rejects.toThrow(/Receiving end/);
    expect(sent).toHaveLength(2);
  });

  it('does not retry an error the background reported', async () => {
    answers = [() => Promise.resolve({ ok: false, error: 'invalid payload' })];
    await expect(sendToBackground('getEntities', { ids: ['cia'] })).rejects.toBeInstanceOf(BackgroundError);
    expect(sent).toHaveLength(1);
  });
});
