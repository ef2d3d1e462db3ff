import { describe, expect, it } from 'vitest';
import { findUnusualCharacters, unusualCharacter } from '../../src/files/characters.js';
import { bodyLimitProblem } from '../../src/parse/limits.js';

// The scan as a regular expression over the whole text (how it was first written): the one-pass scan with its
// quick filter must find the same characters at the same offsets.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control and invisible characters is what this regular expression is for.
// biome-ignore lint/suspicious/noMisleadingCharacterClass: single code points and surrogate halves on purpose (tag characters).
const REFERENCE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u00a0\u00ad\u034f\u061c\u115f\u1160\u1680\u180e\u2000-\u200f\u2028-\u202f\u205f-\u2064\u2066-\u2069\u3000\u3164\ufeff\uffa0\ufffc]|\udb40[\udc00-\udc7f]/g;
function reference(text: string) {
  return [...text.matchAll(REFERENCE)].flatMap((m) => {
    const codePoint = m[0].codePointAt(0)!;
    const c = unusualCharacter(codePoint);
    return c ? [{ index: m.index, codePoint, kind: c.kind }] : [];
  });
}

/** A small deterministic generator (mulberry32), so a failure can be repeated. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = ['a', 'å', 'Ö', ' ', '\t', '\n', '\r', '\u0000', '\u0007', '\u007f', '\u0085', '\u00a0', '\u00ad', '\u034f', '\u061c', '\u115f', '\u1680',
  '\u180e', '\u2000', '\u200b', '\u200e', '\u2028', '\u202e', '\u202f', '\u2060', '\u2066', '\u3000', '\u3164', '\ufeff', '\uffa0', '\ufffc', '\ufffd',
  '\udb40', '\udc41', '\udb40\udc41', '\udb40\udc7f', '\udb40\udc80', '\ud83d\ude00', '\u0301', '–', '€'];

describe('findUnusualCharacters', () => {
  it('finds what a regular expression over the whole text finds, at the same offsets, in 20,000 random texts', () => {
    const next = random(11);
    for (let k = 0; k < 20_000; k++) {
      let text = '';
      const length = Math.floor(next() * 30);
      for (let i = 0; i < length; i++) text += PIECES[Math.floor(next() * PIECES.length)];
      expect(findUnusualCharacters(text), JSON.stringify(text)).toEqual(reference(text));
    }
  });

  it('reports a tag character (a surrogate pair) once, at its first unit', () => {
    expect(findUnusualCharacters('a\udb40\udc41b')).toEqual([{ index: 1, codePoint: 0xe0041, kind: 'format' }]);
  });
});

describe('bodyLimitProblem', () => {
  it('reads CRLF lines as LF lines', () => {
    const deep = Array.from({ length: 40 }, (_, i) => `${'  '.repeat(i)}- punkt`);
    const lf = bodyLimitProblem(deep.join('\n'));
    expect(lf).toBeDefined();
    expect(bodyLimitProblem(deep.join('\r\n'))).toEqual(lf);
  });

  it('skips a fence opened after four spaces of a list item', () => {
    const body = ['- punkt', '    ```', '>'.repeat(40), '    ```', 'text'].join('\n');
    expect(bodyLimitProblem(body)).toBeUndefined();
  });
});
