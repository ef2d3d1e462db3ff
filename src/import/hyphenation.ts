// Words hyphenated at a line end joined again: "verksam-" + "hetsnytta" → "verksamhetsnytta". The hyphen
// stays where Swedish keeps it: after an abbreviation or a digit ("IT-" + "styrning", "e-" + "tjänster"),
// where the document writes the word with a hyphen elsewhere, and before "och"/"eller" ("start- och slut").
import type { Repair, SourceLine } from './source-lines.js';
import type { Vocabulary } from './vocabulary.js';

const LINE_END = /(^|[\s(/"“”'])([\p{L}\d][\p{L}\d-]*)-$/u;
const LINE_START = /^([\p{Ll}][\p{L}\p{M}]*)(.*)$/u;
const SUSPENDED = /^(och|eller|samt|respektive|till)\b/;

/** The joined word and whether the hyphen was kept, with the reason. */
export function joinHyphenated(left: string, right: string, vocabulary: Vocabulary): { word: string; reason: string; unsure: boolean } {
  const whole = left + right;
  const hyphened = `${left}-${right}`;
  if (/^[\p{Lu}\d]+$/u.test(left) || /\d$/.test(left)) return { word: hyphened, reason: 'bindestreck efter förkortning eller siffra', unsure: false };
  if (vocabulary.count(whole) > 0) return { word: whole, reason: `ordet "${whole}" finns på annat ställe i dokumentet`, unsure: false };
  if (vocabulary.count(hyphened) > 0 || left.includes('-')) return { word: hyphened, reason: `"${hyphened}" skrivs med bindestreck på annat ställe i dokumentet`, unsure: false };
  if (left.length <= 2) return { word: hyphened, reason: 'kort förled (som e-tjänst)', unsure: true };
  return { word: whole, reason: 'avstavning vid radslut', unsure: false };
}

/**
 * Joins words hyphenated across line ends within a paragraph or list item. The right part leaves the next
 * line (which is dropped when nothing is left of it).
 */
export function joinHyphenation(lines: readonly SourceLine[], vocabulary: Vocabulary, repairs: Repair[]): SourceLine[] {
  const out: SourceLine[] = lines.map((l) => ({ ...l }));
  for (let i = 0; i + 1 < out.length; i++) {
    const line = out[i]!;
    const next = out[i + 1]!;
    if (line.cells || next.cells || line.heading !== undefined || next.heading !== undefined) continue;
    const end = LINE_END.exec(line.text);
    if (!end) continue;
    const left = end[2]!;
    if (SUSPENDED.test(next.text)) continue;
    const start = LINE_START.exec(next.text);
    if (!start) continue;
    const right = start[1]!;
    const joined = joinHyphenated(left, right, vocabulary);
    const before = `${left}- ${right}`;
    line.text = line.text.slice(0, line.text.length - left.length - 1) + joined.word + start[2]!;
    // Whatever followed the word on the next line moves up with it, so the paragraph reads on.
    line.text = line.text.trimEnd();
    next.text = '';
    repairs.push({ kind: 'hyphenation', before, after: joined.word, origin: line.origin, reason: joined.reason, ...(joined.unsure ? { unsure: true } : {}) });
  }
  return out.filter((l) => l.text !== '' || l.cells);
}
