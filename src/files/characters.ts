// Characters that look like nothing or like a plain space but are not: no-break and other Unicode spaces (Alt+Space
// on a Swedish Mac, text copied from PDFs and Word), zero-width and other format characters, control characters and
// bidirectional controls. One table for every rule about them, with each character's Unicode name (from the Unicode
// Character Database, UnicodeData.txt) and what Swedish writers call it; and Unicode normalisation form C (NFC,
// Unicode Standard Annex #15), which macOS file names and PDF copy-paste often do not use.

/** How an unusual character behaves: a space of another width, an invisible format character, a control, a direction control. */
export type UnusualKind = 'space' | 'format' | 'control' | 'bidi';

export interface UnusualCharacter {
  kind: UnusualKind;
  /** The character's name in the Unicode Character Database. */
  name: string;
  /** What a Swedish writer calls it, when it has a common name. */
  swedish?: string;
}

const TABLE: Record<number, UnusualCharacter> = {
  0x000b: { kind: 'space', name: 'LINE TABULATION', swedish: 'vertikal tabb' },
  0x000c: { kind: 'space', name: 'FORM FEED', swedish: 'sidbrytning' },
  0x0085: { kind: 'space', name: 'NEXT LINE (NEL)', swedish: 'radbrytning från äldre system' },
  0x00a0: { kind: 'space', name: 'NO-BREAK SPACE', swedish: 'hårt mellanslag, Alt+mellanslag på Mac' },
  0x1680: { kind: 'space', name: 'OGHAM SPACE MARK' },
  0x2000: { kind: 'space', name: 'EN QUAD' },
  0x2001: { kind: 'space', name: 'EM QUAD' },
  0x2002: { kind: 'space', name: 'EN SPACE', swedish: 'halvfyrkant' },
  0x2003: { kind: 'space', name: 'EM SPACE', swedish: 'helfyrkant' },
  0x2004: { kind: 'space', name: 'THREE-PER-EM SPACE' },
  0x2005: { kind: 'space', name: 'FOUR-PER-EM SPACE' },
  0x2006: { kind: 'space', name: 'SIX-PER-EM SPACE' },
  0x2007: { kind: 'space', name: 'FIGURE SPACE', swedish: 'siffermellanslag' },
  0x2008: { kind: 'space', name: 'PUNCTUATION SPACE' },
  0x2009: { kind: 'space', name: 'THIN SPACE', swedish: 'smalt mellanslag' },
  0x200a: { kind: 'space', name: 'HAIR SPACE' },
  0x2028: { kind: 'space', name: 'LINE SEPARATOR', swedish: 'radavskiljare' },
  0x2029: { kind: 'space', name: 'PARAGRAPH SEPARATOR', swedish: 'styckeavskiljare' },
  0x202f: { kind: 'space', name: 'NARROW NO-BREAK SPACE', swedish: 'smalt hårt mellanslag' },
  0x205f: { kind: 'space', name: 'MEDIUM MATHEMATICAL SPACE' },
  0x3000: { kind: 'space', name: 'IDEOGRAPHIC SPACE' },
  0x00ad: { kind: 'format', name: 'SOFT HYPHEN', swedish: 'mjukt bindestreck' },
  0x034f: { kind: 'format', name: 'COMBINING GRAPHEME JOINER' },
  0x115f: { kind: 'format', name: 'HANGUL CHOSEONG FILLER' },
  0x1160: { kind: 'format', name: 'HANGUL JUNGSEONG FILLER' },
  0x180e: { kind: 'format', name: 'MONGOLIAN VOWEL SEPARATOR' },
  0x200b: { kind: 'format', name: 'ZERO WIDTH SPACE', swedish: 'osynligt mellanslag' },
  0x200c: { kind: 'format', name: 'ZERO WIDTH NON-JOINER', swedish: 'osynlig särskiljare' },
  0x200d: { kind: 'format', name: 'ZERO WIDTH JOINER', swedish: 'osynlig sammanfogare' },
  0x2060: { kind: 'format', name: 'WORD JOINER', swedish: 'osynlig ordsammanfogare' },
  0x2061: { kind: 'format', name: 'FUNCTION APPLICATION' },
  0x2062: { kind: 'format', name: 'INVISIBLE TIMES' },
  0x2063: { kind: 'format', name: 'INVISIBLE SEPARATOR' },
  0x2064: { kind: 'format', name: 'INVISIBLE PLUS' },
  0x3164: { kind: 'format', name: 'HANGUL FILLER' },
  0xfeff: { kind: 'format', name: 'ZERO WIDTH NO-BREAK SPACE', swedish: 'byte order mark mitt i texten' },
  0xffa0: { kind: 'format', name: 'HALFWIDTH HANGUL FILLER' },
  0xfffc: { kind: 'format', name: 'OBJECT REPLACEMENT CHARACTER', swedish: 'platshållare för ett inklistrat objekt' },
  0x061c: { kind: 'bidi', name: 'ARABIC LETTER MARK' },
  0x200e: { kind: 'bidi', name: 'LEFT-TO-RIGHT MARK' },
  0x200f: { kind: 'bidi', name: 'RIGHT-TO-LEFT MARK' },
  0x202a: { kind: 'bidi', name: 'LEFT-TO-RIGHT EMBEDDING' },
  0x202b: { kind: 'bidi', name: 'RIGHT-TO-LEFT EMBEDDING' },
  0x202c: { kind: 'bidi', name: 'POP DIRECTIONAL FORMATTING' },
  0x202d: { kind: 'bidi', name: 'LEFT-TO-RIGHT OVERRIDE' },
  0x202e: { kind: 'bidi', name: 'RIGHT-TO-LEFT OVERRIDE' },
  0x2066: { kind: 'bidi', name: 'LEFT-TO-RIGHT ISOLATE' },
  0x2067: { kind: 'bidi', name: 'RIGHT-TO-LEFT ISOLATE' },
  0x2068: { kind: 'bidi', name: 'FIRST STRONG ISOLATE' },
  0x2069: { kind: 'bidi', name: 'POP DIRECTIONAL ISOLATE' },
};

/** Every character of the table, the other C0 and C1 controls (not tab or line feed), and the invisible tag characters: sticky, matched where lastIndex stands. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control and invisible characters is what this regular expression is for.
// biome-ignore lint/suspicious/noMisleadingCharacterClass: the class lists single code points and surrogate halves on purpose (tag characters).
const UNUSUAL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u00a0\u00ad\u034f\u061c\u115f\u1160\u1680\u180e\u2000-\u200f\u2028-\u202f\u205f-\u2064\u2066-\u2069\u3000\u3164\ufeff\uffa0\ufffc]|\udb40[\udc00-\udc7f]/y;

/** The unusual character with code point `cp`, or undefined for an ordinary one. */
export function unusualCharacter(cp: number): UnusualCharacter | undefined {
  const known = TABLE[cp];
  if (known) return known;
  if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f)) return { kind: 'control', name: `<control> ${controlName(cp)}`.trim(), swedish: 'styrtecken' };
  if (cp >= 0xe0000 && cp <= 0xe007f) return { kind: 'format', name: `TAG ${cp === 0xe0001 ? 'LANGUAGE TAG' : cp === 0xe007f ? 'CANCEL TAG' : 'CHARACTER'}`, swedish: 'osynligt taggtecken' };
  return undefined;
}

const CONTROL_NAMES: Record<number, string> = { 0x00: 'NULL', 0x07: 'BELL', 0x08: 'BACKSPACE', 0x1b: 'ESCAPE', 0x7f: 'DELETE' };
function controlName(cp: number): string {
  return CONTROL_NAMES[cp] ?? '';
}

/** "U+00A0": a code point as Unicode writes it. */
export function codePointLabel(cp: number): string {
  return `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** `NO-BREAK SPACE (U+00A0, hårt mellanslag, Alt+mellanslag på Mac)`: a character named for a message. */
export function describeUnusual(cp: number): string {
  const c = unusualCharacter(cp);
  if (!c) return codePointLabel(cp);
  return `${c.name} (${codePointLabel(cp)}${c.swedish ? `, ${c.swedish}` : ''})`;
}

/** One unusual character found in a text. */
export interface FoundCharacter {
  /** Offset in the text, in UTF-16 code units. */
  index: number;
  codePoint: number;
  kind: UnusualKind;
}

/** Every unusual character in `text`, in order. */
export function findUnusualCharacters(text: string): FoundCharacter[] {
  const out: FoundCharacter[] = [];
  // Only a unit UNUSUAL can start with is looked at further: CANDIDATE finds them (letters such as å, ä and ö, and
  // all of printable ASCII, are passed over by the regular expression engine, not one by one).
  CANDIDATE.lastIndex = 0;
  for (let found = CANDIDATE.exec(text); found !== null; found = CANDIDATE.exec(text)) {
    const i = found.index;
    UNUSUAL.lastIndex = i;
    const m = UNUSUAL.exec(text);
    if (m === null) continue;
    const cp = m[0].codePointAt(0)!;
    const c = unusualCharacter(cp);
    if (c) out.push({ index: i, codePoint: cp, kind: c.kind });
    CANDIDATE.lastIndex = i + m[0].length;
  }
  return out;
}

/** A UTF-16 unit a match of UNUSUAL can start with (a quick filter; UNUSUAL decides). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control and invisible characters is what this regular expression is for.
// biome-ignore lint/suspicious/noMisleadingCharacterClass: the class lists single UTF-16 units on purpose (a combining mark, surrogate halves).
const CANDIDATE = /[\u0000-\u0008\u000b-\u001f\u007f-\u00a0\u00ad\u034f\u061c\u1100-\u3164\ud800-\uffff]/g;


// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control and invisible characters is what this regular expression is for.
// biome-ignore lint/suspicious/noMisleadingCharacterClass: the class lists single code points and surrogate halves on purpose (tag characters).
const SPACES_AND_FORMAT = /[\u000b\u000c\u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]|[\u00ad\u034f\u180e\u200b-\u200d\u2060-\u2064\ufeff]|\udb40[\udc00-\udc7f]/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control and invisible characters is what this regular expression is for.
const ONLY_SPACES = /[\u000b\u000c\u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control and invisible characters is what this regular expression is for.
// biome-ignore lint/suspicious/noMisleadingCharacterClass: the class lists single code points and surrogate halves on purpose (tag characters).
const INVISIBLE = /[\u0000-\u0008\u000e-\u001f\u007f-\u009f\u00ad\u034f\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]|\udb40[\udc00-\udc7f]/g;

/** The direction controls: embeddings and overrides U+202A–U+202E, isolates U+2066–U+2069, the marks U+200E, U+200F, U+061C. */
const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * `text` without direction controls (Unicode Standard Annex #9's explicit formatting characters and marks), for
 * what is published; `text` itself when it has none.
 */
export function stripBidiControls(text: string): string {
  if (isAscii(text)) return text;
  BIDI_CONTROLS.lastIndex = 0;
  return BIDI_CONTROLS.test(text) ? text.replace(BIDI_CONTROLS, '') : text;
}

/**
 * A key, id, reference or value from a fixed list as it is meant: NFC, every unusual space a plain space, invisible
 * format, control and direction characters removed, no space at either end. `ej påbörjad` with a no-break space or
 * written with a combining ring (NFD) becomes the `ej påbörjad` of the format.
 */
export function normalizeToken(value: string): string {
  let s = value;
  if (!isAscii(s) && !isPlainText(s)) s = s.replace(ONLY_SPACES, ' ').replace(INVISIBLE, '').normalize('NFC');
  return s.trim();
}

/** A character outside printable ASCII, tab, line feed and the printable characters U+00A1 to U+02FF but the soft hyphen. */
const NOT_PLAIN = /[^\t\n\x20-\x7e\u00a1-\u00ac\u00ae-\u02ff]/;

/**
 * True when `s` has only printable ASCII, tabs, line feeds and the printable characters from U+00A1 to U+02FF but the
 * soft hyphen (Swedish å, ä, ö, é among them): none of them is an unusual, invisible or direction character
 * (findUnusualCharacters finds nothing, spaceStructure and normalizeToken's replacements change nothing), and text
 * below U+0300 is NFC (see toNfc). Most plan files are such text; one regular expression test tells.
 */
export function isPlainText(s: string): boolean {
  return !NOT_PLAIN.test(s);
}

/** A character neither plain (see NOT_PLAIN) nor typographic punctuation from U+2010-U+2027 or U+2030-U+205E. */
const NOT_PLAIN_OR_PUNCTUATION = /[^\t\n\x20-\x7e\u00a1-\u00ac\u00ae-\u02ff\u2010-\u2027\u2030-\u205e]/;

/**
 * True when `s` is plain text (isPlainText) but for typographic punctuation from the General Punctuation block: dashes
 * (– —), quotes (‘ ’ “ ”), bullets, … and ‰ ′ ‹ › ⁄ (U+2010-U+2027, U+2030-U+205E; not the spaces, separators and
 * invisible characters around them). None of these is unusual or a direction control, none has a canonical
 * decomposition and none combines with its neighbours, so such text, like plain text, has nothing for the character
 * checks and is NFC. Swedish plans often have an en dash; one regular expression test tells.
 */
export function isPlainTextWithPunctuation(s: string): boolean {
  return !NOT_PLAIN_OR_PUNCTUATION.test(s);
}

/** A key as it is meant (see normalizeToken). */
export const normalizeKey = normalizeToken;

/**
 * `yaml` with every unusual space and invisible format character that stands where YAML expects white space (at
 * the start or end of a line, next to `:`, `-`, `,`, `#`, a bracket or another space) replaced by a plain space,
 * so the structure is read as the writer sees it. Each replaced character is one UTF-16 unit and so is the space:
 * lines and columns stay the same. Characters between two letters of a value are kept (the value's own check
 * decides).
 */
export function spaceStructure(yaml: string): string {
  if (isPlainText(yaml)) return yaml;
  return yaml.replace(SPACES_AND_FORMAT, (ch, index: number, whole: string) => {
    if (ch.length !== 1) return ch;
    const before = whole[index - 1];
    const after = whole[index + 1];
    return isText(before) && isText(after) ? ch : ' ';
  });
}

const STRUCTURE = new Set([' ', '\t', '\n', ':', '-', ',', '#', '[', ']', '{', '}', '?', '|', '>']);

const ONE_SPACE_OR_FORMAT = new RegExp(`^(?:${SPACES_AND_FORMAT.source})$`);

function isText(ch: string | undefined): boolean {
  return ch !== undefined && !STRUCTURE.has(ch) && !ONE_SPACE_OR_FORMAT.test(ch);
}

/** True when `s` has only printable ASCII, tabs and line feeds: nothing in it can be unusual or not NFC. */
function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 0x7e || (c < 0x20 && c !== 0x09 && c !== 0x0a)) return false;
  }
  return true;
}

/**
 * A unit from U+0300 up. Text without one is always NFC: every character below U+0300 is its own NFC form, none of
 * them combines with another (the combining marks start at U+0300), so normalising cannot change it
 * (test/util/nfc-quick-check.test.ts checks every such character and every pair).
 */
const MAY_NOT_BE_NFC = /[\u0300-\uffff]/;

/** `text` in Unicode NFC: `text` itself when it cannot differ (no unit from U+0300 up), without a copy. */
export function toNfc(text: string): string {
  return MAY_NOT_BE_NFC.test(text) ? text.normalize('NFC') : text;
}

/** Where `text` first differs from its NFC form: the offset and the characters as written, or undefined when it is NFC. */
export function firstNotNfc(text: string): { index: number; written: string; nfc: string } | undefined {
  if (!MAY_NOT_BE_NFC.test(text) || text.normalize('NFC') === text) return undefined;
  for (const m of text.matchAll(/\P{M}\p{M}*|\p{M}+/gu)) {
    const cluster = m[0];
    const nfc = cluster.normalize('NFC');
    if (nfc !== cluster) return { index: m.index, written: cluster, nfc };
  }
  return undefined;
}
