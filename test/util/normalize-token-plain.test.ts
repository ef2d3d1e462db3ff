// normalizeToken (src/files/characters.ts) only trims text made of printable ASCII, tabs, line feeds and the printable
// characters from U+00A1 to U+02FF but the soft hyphen, without the replacing and NFC of other text. This checks that
// the full normalisation gives the same for every such character alone, next to every other such character, and in
// seeded random strings of them with spaces at either end; and that the characters it must change are still changed.
import { describe, expect, it } from 'vitest';
import { prng } from '../../bench/generate-plan.js';
import { normalizeToken } from '../../src/files/characters.js';

/** normalizeToken without its shortcut (what it did before it had one). */
function full(value: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the characters characters.ts replaces, controls among them.
  const ONLY_SPACES = /[\u000b\u000c\u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/g;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the characters characters.ts removes, controls among them.
  // biome-ignore lint/suspicious/noMisleadingCharacterClass: single code points and surrogate halves, as in characters.ts.
  const INVISIBLE = /[\u0000-\u0008\u000e-\u001f\u007f-\u009f\u00ad\u034f\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]|\udb40[\udc00-\udc7f]/g;
  return value.replace(ONLY_SPACES, ' ').replace(INVISIBLE, '').normalize('NFC').trim();
}

describe('normalizeToken on text below U+0300', () => {
  const below = Array.from({ length: 0x300 }, (_, cp) => String.fromCodePoint(cp));
  it('every character below U+0300, alone and between letters, as the full normalisation gives it', () => {
    for (const c of below) {
      expect([c, normalizeToken(c)]).toEqual([c, full(c)]);
      expect([c, normalizeToken(`på${c}gå`)]).toEqual([c, full(`på${c}gå`)]);
    }
  });
  it('every pair of characters below U+0300', () => {
    const differing: string[] = [];
    for (const a of below) for (const b of below) if (normalizeToken(a + b) !== full(a + b)) differing.push(a + b);
    expect(differing).toEqual([]);
  });
  it('seeded random strings of them, with spaces, tabs and no-break spaces at either end', () => {
    const rng = prng(3);
    const ends = ['', ' ', '\t', '\n', '\u00a0', ' \u00a0'];
    for (let i = 0; i < 20_000; i++) {
      const s = rng.pick(ends) + Array.from({ length: rng.int(1, 12) }, () => rng.pick(below)).join('') + rng.pick(ends);
      expect([s, normalizeToken(s)]).toEqual([s, full(s)]);
    }
  });
  it('still changes what must change: a no-break space, a soft hyphen, NFD, a zero-width space', () => {
    expect(normalizeToken('ej\u00a0påbörjad')).toBe('ej påbörjad');
    expect(normalizeToken('på\u00adgår')).toBe('pågår');
    expect(normalizeToken('pa\u030agår')).toBe('pågår');
    expect(normalizeToken('A\u200b12')).toBe('A12');
  });
});
