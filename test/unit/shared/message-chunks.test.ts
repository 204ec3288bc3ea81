// Pack files larger than one message (Chrome refuses messages over 64 MiB) travel in pieces.
import { describe, expect, it } from 'vitest';
import { IMPORT_CHUNK_CHARS, messageChunks } from '../../../src/shared/messages';

describe('messageChunks', () => {
  it('keeps a file that fits one message whole', () => {
    expect(messageChunks('{"format":"context-overlays-pack"}')).toEqual(['{"format":"context-overlays-pack"}']);
  });

  it('splits a large file into pieces that each fit and join back exactly', () => {
    const text = 'é'.repeat(IMPORT_CHUNK_CHARS * 2 + 5);
    const pieces = messageChunks(text);
    expect(pieces).toHaveLength(3);
    for (const p of pieces) expect(p.length).toBeLessThanOrEqual(IMPORT_CHUNK_CHARS);
    expect(pieces.join('')).toBe(text);
  });
});
