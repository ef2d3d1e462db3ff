// isPlainText (src/files/characters.ts) lets reportCharacters and spaceStructure skip text made of printable ASCII,
// tabs, line feeds and U+00A1-U+02FF but the soft hyphen. That is sound only if no such character is unusual, NFC
// would change none and spaceStructure would replace none: this checks every one of them, and compares the skipped
// path with the full one (forced by an en dash, which neither reports nor replaces) on seeded random texts.
import { describe, expect, it } from 'vitest';
import { prng } from '../../bench/generate-plan.js';
import { findUnusualCharacters, firstNotNfc, isPlainText, spaceStructure } from '../../src/files/characters.js';
import { MessageSink } from '../../src/messages/report.js';
import { reportCharacters } from '../../src/parse/characters-check.js';

const plain = Array.from({ length: 0x300 }, (_, cp) => String.fromCodePoint(cp)).filter(isPlainText);
const DASH = '\u2013';

/** What reportCharacters says about `text`, its frontmatter being all of it. */
function said(text: string): string[] {
  const sink = new MessageSink();
  reportCharacters(text, 'f.md', sink, 0, text.length);
  return sink.messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.reason}`);
}

describe('plain text has nothing for the character checks', () => {
  it('is printable ASCII, tab, line feed and U+00A1-U+02FF but the soft hyphen', () => {
    expect(plain.length).toBe(95 + 2 + (0x2ff - 0xa1 + 1) - 1);
    expect(isPlainText('Vård och omsorg: pågår, ej påbörjad\n\tå ä ö é ü ß')).toBe(true);
    for (const c of ['\u00a0', '\u00ad', '\r', '\u0000', '\u007f', '\u0085', '\u0300', DASH, '\u200b', '\ufeff', '\u{e0041}']) expect(isPlainText(`a${c}b`)).toBe(false);
  });
  it('no plain character is unusual, NFC changes none, and spaceStructure keeps every one', () => {
    for (const c of plain) {
      expect([c, findUnusualCharacters(`a${c}b`)]).toEqual([c, []]);
      expect([c, firstNotNfc(`a${c}b`)]).toEqual([c, undefined]);
      expect([c, spaceStructure(`${c} : ${c}${DASH}`)]).toEqual([c, `${c} : ${c}${DASH}`]);
    }
  });
  it('seeded random texts: the full checks (an en dash forces them) say what the skipped ones say, nothing', () => {
    const rng = prng(29);
    for (let i = 0; i < 3000; i++) {
      const text = Array.from({ length: rng.int(1, 60) }, () => rng.pick(plain)).join('');
      expect(said(text)).toEqual([]);
      expect(said(`${text}${DASH}`)).toEqual([]);
      expect(spaceStructure(text)).toBe(text);
      expect(spaceStructure(`${text}${DASH}`)).toBe(`${text}${DASH}`);
    }
  });
  it('text that is not plain is still checked: a no-break space and NFD are reported, the space made plain', () => {
    expect(said('status: ej\u00a0påbörjad').map((m) => m.split(' ')[1])).toEqual(['unusual-character']);
    expect(said('titel: Va\u030ard').map((m) => m.split(' ')[1])).toEqual(['not-nfc']);
    expect(spaceStructure('status:\u00a0klar')).toBe('status: klar');
  });
});
