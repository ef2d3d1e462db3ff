// firstNotNfc (src/files/characters.ts) skips normalising text that has no unit from U+0300 up. That is sound only
// if every character below U+0300 is NFC on its own and no two of them compose; this checks both, exhaustively.
import { describe, expect, it } from 'vitest';
import { firstNotNfc } from '../../src/files/characters.js';

describe('text below U+0300 is always NFC', () => {
  const below = Array.from({ length: 0x300 }, (_, cp) => String.fromCodePoint(cp));
  it('every character below U+0300 is its own NFC form', () => {
    expect(below.filter((c) => c.normalize('NFC') !== c)).toEqual([]);
  });
  it('no pair of characters below U+0300 composes', () => {
    let composing = 0;
    for (const a of below) for (const b of below) if ((a + b).normalize('NFC') !== a + b) composing++;
    expect(composing).toBe(0);
  });
  it('and firstNotNfc still finds text that is not NFC: a combining ring after a, an Ångström sign', () => {
    expect(firstNotNfc('Vård och omsorg')).toBeUndefined();
    expect(firstNotNfc('Va\u030ard')).toMatchObject({ index: 1, written: 'a\u030a', nfc: 'å' });
    expect(firstNotNfc('10 \u212b')).toMatchObject({ index: 3, nfc: 'Å' });
  });
});
