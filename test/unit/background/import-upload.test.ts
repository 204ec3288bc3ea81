// A large pack arrives in pieces; if one is lost (the worker restarted mid-upload) nothing is imported
// and the reader is asked to try again.
import { describe, expect, it, vi } from 'vitest';

vi.mock('../../../src/shared/browser', () => ({ default: {} }));
vi.mock('../../../src/background/kb-service', () => ({
  db: () => {
    throw new Error('the database must not be touched');
  },
  invalidateMatcher: () => undefined,
  matcher: () => undefined,
  matcherBuildInfo: () => ({}),
}));

const { handlers } = await import('../../../src/background/handlers');

describe('chunked pack upload', () => {
  it('refuses an upload with a missing middle piece', async () => {
    await handlers.importChunk({ uploadId: 'upload-0001', index: 0, text: '{"format":' });
    await handlers.importChunk({ uploadId: 'upload-0001', index: 2, text: '}' });
    const r = await handlers.importPack({ uploadId: 'upload-0001', parts: 3, fileName: 'big.json' });
    expect(r.ok).toBe(false);
    expect(JSON.stringify(r)).toMatch(/interrupted/);
  });

  it('refuses an upload whose last piece never came', async () => {
    await handlers.importChunk({ uploadId: 'upload-0002', index: 0, text: '{"format":' });
    const r = await handlers.importPack({ uploadId: 'upload-0002', parts: 2, fileName: 'big.json' });
    expect(r.ok).toBe(false);
  });

  it('joins complete pieces and validates the whole file (errors name the problem)', async () => {
    await handlers.importChunk({ uploadId: 'upload-0003', index: 0, text: '{"format":"context-overlays-pack",' });
    await handlers.importChunk({ uploadId: 'upload-0003', index: 1, text: '"formatVersion":99}' });
    const r = await handlers.importPack({ uploadId: 'upload-0003', parts: 2, fileName: 'big.json' });
    expect(r.ok).toBe(false);
    expect(JSON.stringify(r)).not.toMatch(/interrupted/);
  });
});
