// Warnings about characters a writer cannot see: text not in Unicode NFC (macOS and PDF copy-paste write `å` as `a`
// and a combining ring), and no-break, zero-width and other unusual spaces, format and control characters in the
// frontmatter (rule unusual-character). Spårbar reads keys, ids and values from fixed lists as they are meant
// (see src/files/characters.ts); these warnings tell the writer so the editor can be fixed.
import { codePointLabel, describeUnusual, findUnusualCharacters, firstNotNfc, isPlainText, type FoundCharacter } from '../files/characters.js';
import type { MessageSink } from '../messages/report.js';

/** Names of the combining marks that NFD text uses for Swedish and other Latin letters (Unicode Character Database). */
const COMBINING: Record<number, string> = {
  0x0300: 'COMBINING GRAVE ACCENT',
  0x0301: 'COMBINING ACUTE ACCENT',
  0x0302: 'COMBINING CIRCUMFLEX ACCENT',
  0x0303: 'COMBINING TILDE',
  0x0308: 'COMBINING DIAERESIS',
  0x030a: 'COMBINING RING ABOVE',
  0x030c: 'COMBINING CARON',
  0x0327: 'COMBINING CEDILLA',
  0x0328: 'COMBINING OGONEK',
};

/** Line and column (1-based, columns in UTF-16 units as the YAML positions count them) of `offset` in `text`. */
function position(_text: string, offset: number, lineStarts: readonly number[]): { line: number; column: number } {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lineStarts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - lineStarts[lo]! + 1 };
}

function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** How a combining sequence is written, for the not-nfc message: `a + COMBINING RING ABOVE (U+030A)`. */
function spelled(written: string): string {
  return [...written].map((ch, i) => {
    const cp = ch.codePointAt(0)!;
    if (i === 0 && !COMBINING[cp]) return `"${ch}"`;
    return `${COMBINING[cp] ?? 'kombinerande tecken'} (${codePointLabel(cp)})`;
  }).join(' + ');
}

/**
 * Reports text that is not NFC (once per file, at the first place) and every unusual character in the frontmatter,
 * `text.slice(from, to)` (one warning per character, at its first place, with how often and where else it occurs).
 * Direction controls, anywhere in the file, are reported under their own rule, bidi-control.
 */
export function reportCharacters(text: string, path: string, sink: MessageSink, from: number, to: number): void {
  // Plain text is NFC and has no unusual character (isPlainText): nothing to look for.
  if (isPlainText(text)) return;
  let starts: number[] | undefined;
  const at = (offset: number) => position(text, offset, (starts ??= lineStartsOf(text)));
  const notNfc = firstNotNfc(text);
  if (notNfc) {
    sink.report(
      'not-nfc',
      `Texten är inte sparad i Unicode-formen NFC: "${notNfc.nfc}" är här skrivet som ${spelled(notNfc.written)}, som macOS och kopiering ur PDF ofta ger. ` +
        `Spårbar läser det som "${notNfc.nfc}", men sökning och andra verktyg kan se det som en annan text. Ställ in editorn att spara i NFC (t.ex. "Unicode Normalization" i VS Code) och spara om filen.`,
      { file: path, ...at(notNfc.index) },
      { actual: notNfc.written, expected: [notNfc.nfc] },
    );
  }
  // Direction controls anywhere in the file, body too: the body is published as well (rule bidi-control).
  const all = findUnusualCharacters(text);
  for (const [cp, offsets] of byCodePoint(all.filter((c) => c.kind === 'bidi'))) {
    const first = at(offsets[0]!);
    sink.report(
      'bidi-control',
      `Tecknet ${describeUnusual(cp)} på rad ${first.line}, kolumn ${first.column} syns inte men ${bidiEffect(cp)}. Ta bort det; svensk text behöver det inte, och webbplatsen visar det aldrig.${more(offsets, at)}`,
      { file: path, ...first },
      { actual: String.fromCodePoint(cp) },
    );
  }
  if (to <= from) return;
  const found = all.filter((c) => c.kind !== 'bidi' && c.index >= from && c.index < to);
  for (const [cp, offsets] of byCodePoint(found)) {
    const first = at(offsets[0]!);
    const kind = findUnusualCharacters(String.fromCodePoint(cp))[0]!.kind;
    const what =
      kind === 'space'
        ? 'Det ser ut som ett vanligt mellanslag men är ett annat tecken, ofta från Alt+mellanslag på Mac, Word eller kopiering ur PDF. Spårbar läser det som ett vanligt mellanslag i nycklar, id och värden ur en fast lista (som status), men byt det mot ett vanligt mellanslag.'
        : kind === 'format'
          ? 'Tecknet syns inte men finns i texten, ofta från kopiering ur PDF eller webbsidor. Spårbar bortser från det i nycklar, id och värden ur en fast lista (som status), men ta bort det (i en editor som visar osynliga tecken).'
          : 'Ett styrtecken hör inte hemma i text. Ta bort det.';
    sink.report('unusual-character', `Tecknet ${describeUnusual(cp)} på rad ${first.line}, kolumn ${first.column}. ${what}${more(offsets, at)}`, { file: path, ...first }, { actual: String.fromCodePoint(cp) });
  }
}

/** What a direction control does, as a clause (Unicode Standard Annex #9: overrides, embeddings and isolates, their ends, marks). */
function bidiEffect(cp: number): string {
  if (cp === 0x202d || cp === 0x202e) return 'vänder ordningen på tecknen efter det, så att texten visas i en annan ordning än den är skriven (som i angreppet Trojan Source)';
  if (cp === 0x202c || cp === 0x2069) return 'avslutar en ändrad skriftriktning som ett annat osynligt tecken har börjat';
  if (cp === 0x200e || cp === 0x200f || cp === 0x061c) return 'styr skriftriktningen för tecknen runt omkring';
  return 'ändrar skriftriktningen för texten efter det, så att den kan visas i en annan ordning än den är skriven';
}

/** The offsets of each character found, by code point, in order of first appearance. */
function byCodePoint(found: readonly FoundCharacter[]): Map<number, number[]> {
  const out = new Map<number, number[]>();
  for (const c of found) {
    const list = out.get(c.codePoint);
    if (list) list.push(c.index);
    else out.set(c.codePoint, [c.index]);
  }
  return out;
}

/** " Det finns 2 till (rad 8 och 9)." for the occurrences after the first; empty when there are none. */
function more(offsets: readonly number[], at: (offset: number) => { line: number }): string {
  if (offsets.length <= 1) return '';
  const otherLines = [...new Set(offsets.slice(1).map((o) => at(o).line))];
  return ` Det finns ${offsets.length - 1} till${otherLines.length > 0 ? ` (rad ${listLines(otherLines)})` : ''}.`;
}

function listLines(lines: readonly number[]): string {
  const shown = lines.slice(0, 5).map(String);
  if (lines.length > 5) return `${shown.join(', ')} m.fl.`;
  return shown.length === 1 ? shown[0]! : `${shown.slice(0, -1).join(', ')} och ${shown[shown.length - 1]}`;
}
