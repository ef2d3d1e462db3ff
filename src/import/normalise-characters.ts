// Characters that text extraction leaves in Swedish text: ligatures (ﬁ, ﬂ, ﬀ …) spelled out, odd spaces
// (no-break, thin, zero-width, soft hyphen) made plain, decomposed letters (a + ring) composed (NFC).
import type { Repair, SourceLine } from './source-lines.js';

const LIGATURES: Record<string, string> = { 'ﬀ': 'ff', 'ﬁ': 'fi', 'ﬂ': 'fl', 'ﬃ': 'ffi', 'ﬄ': 'ffl', 'ﬅ': 'st', 'ﬆ': 'st', 'Ĳ': 'IJ', 'ĳ': 'ij', 'Œ': 'OE', 'œ': 'oe' };
/** No-break, figure, thin, hair and other fixed-width spaces, and the ideographic space. */
const ODD_SPACES = /[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g;
/** Zero-width characters, the soft hyphen, the byte-order mark. */
const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/g;

/** The text with ligatures spelled out, odd spaces plain, invisible characters removed, tabs as spaces, NFC. */
export function normaliseCharacters(text: string): string {
  return text
    .replace(/[\ufb00-\ufb06\u0132\u0133]/g, (c) => LIGATURES[c] ?? c)
    .replace(ODD_SPACES, ' ')
    .replace(INVISIBLE, '')
    .replace(/\t/g, ' ')
    .normalize('NFC');
}

/** Normalises every line's text (and cells); one repair entry per line that changed. */
export function normaliseLines(lines: readonly SourceLine[], repairs: Repair[]): SourceLine[] {
  return lines.map((line) => {
    const text = normaliseCharacters(line.text);
    const cells = line.cells?.map(normaliseCharacters);
    const changed = text !== line.text || cells?.some((c, i) => c !== line.cells![i]) === true;
    if (!changed) return line;
    repairs.push({ kind: 'characters', before: line.text, after: text, origin: line.origin });
    return cells ? { ...line, text, cells } : { ...line, text };
  });
}
