// A space inside a word left by text extraction ("samutnyttj ande", "milj öbelastning") removed. Two
// neighbouring parts are joined when the joined word occurs elsewhere in the document (sure), or when neither
// part occurs on its own in the document and one of them cannot be a Swedish word: a left part ending in a
// consonant and j ("milj"), a right part starting with consonants no Swedish word starts with, or a right
// part that is a bare ending ("ande", "ning", "heten"). The second kind is a guess and is reported as such.
import type { Repair, SourceLine } from './source-lines.js';
import type { Vocabulary } from './vocabulary.js';

/** Consonant clusters a Swedish word can start with (two letters). */
const ONSETS = new Set(['bl', 'br', 'ch', 'dj', 'dr', 'dv', 'fj', 'fl', 'fn', 'fr', 'gl', 'gn', 'gr', 'hj', 'hv', 'kl', 'kn', 'kr', 'kv', 'lj', 'mj', 'nj', 'pl', 'pr', 'ps', 'sc', 'sf', 'sh', 'sj', 'sk', 'sl', 'sm', 'sn', 'sp', 'st', 'sv', 'th', 'tj', 'tr', 'tv', 'vr', 'wh']);
const CONSONANT = /[bcdfghjklmnpqrstvwxz]/;
/** Endings that are not words on their own. */
const ENDINGS = new Set(['ande', 'andet', 'ende', 'endet', 'ning', 'ningen', 'ningar', 'ningarna', 'het', 'heten', 'heter', 'heterna', 'lig', 'liga', 'ligt', 'ligen', 'else', 'elsen', 'isk', 'iska', 'iskt', 'tion', 'tionen', 'tioner', 'erna', 'arna', 'ering', 'eringen', 'eringar', 'ighet', 'igheten', 'skap', 'skapet', 'ade', 'ande', 'ats', 'andes', 'ern', 'ens', 'ets', 'tet', 'iteten']);

const WORD = /\p{L}+/gu;

function cannotStart(part: string): boolean {
  const p = part.toLowerCase();
  return CONSONANT.test(p[0] ?? '') && CONSONANT.test(p[1] ?? '') && !ONSETS.has(p.slice(0, 2));
}

function cannotEnd(part: string): boolean {
  return /[bcdfghklmnpqrstvwxz]j$/i.test(part);
}

/** Whether `left right` is one word split by extraction, with the reason; null when it is two words. */
export function splitWordJoin(left: string, right: string, vocabulary: Vocabulary): { reason: string; unsure: boolean } | null {
  if (!/^\p{Ll}/u.test(right)) return null;
  const joined = left + right;
  // The pair itself was counted as two words; a whole occurrence elsewhere is the evidence.
  if (vocabulary.knows(joined)) return { reason: `ordet "${joined}" finns på annat ställe i dokumentet`, unsure: false };
  const standalone = (w: string) => vocabulary.count(w) > 1;
  if (standalone(left) || standalone(right)) return null;
  if (cannotEnd(left)) return { reason: `"${left}" kan inte vara ett eget ord`, unsure: true };
  if (cannotStart(right)) return { reason: `"${right}" kan inte vara ett eget ord`, unsure: true };
  if (ENDINGS.has(right.toLowerCase()) && left.length >= 3) return { reason: `"${right}" är en ändelse och inget eget ord`, unsure: true };
  return null;
}

/** Joins split words in every line's text (not in table cells). */
export function joinSplitWords(lines: readonly SourceLine[], vocabulary: Vocabulary, repairs: Repair[]): SourceLine[] {
  return lines.map((line) => {
    if (line.cells) return line;
    let text = line.text;
    let k = 0;
    for (;;) {
      const tokens = [...text.matchAll(WORD)];
      let joinedAt = -1;
      for (; k + 1 < tokens.length; k++) {
        const a = tokens[k]!;
        const b = tokens[k + 1]!;
        if (text.slice(a.index + a[0].length, b.index) !== ' ') continue;
        const join = splitWordJoin(a[0], b[0], vocabulary);
        if (!join) continue;
        text = text.slice(0, a.index) + a[0] + b[0] + text.slice(b.index + b[0].length);
        repairs.push({ kind: 'split-word', before: `${a[0]} ${b[0]}`, after: a[0] + b[0], origin: line.origin, reason: join.reason, ...(join.unsure ? { unsure: true } : {}) });
        joinedAt = k;
        break;
      }
      // The joined word may be split once more ("sam utnyttj ande"): look again from it.
      if (joinedAt < 0) break;
      k = joinedAt;
    }
    return text === line.text ? line : { ...line, text };
  });
}
