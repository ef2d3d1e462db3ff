/**
 * Levenshtein distance between two strings (case-sensitive). With `transpositions`, two swapped neighbours
 * count as one edit (the optimal string alignment distance, as git's and npm's "did you mean" use).
 */
export function editDistance(a: string, b: string, transpositions = false): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let before = new Array<number>(b.length + 1);
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  let curr = new Array<number>(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    curr[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      curr[j] = Math.min(prev[j]! + 1, curr[j - 1]! + 1, prev[j - 1]! + cost);
      if (transpositions && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) curr[j] = Math.min(curr[j]!, before[j - 2]! + 1);
    }
    [before, prev, curr] = [prev, curr, before];
  }
  return prev[b.length]!;
}

/**
 * The candidate closest to `input` if it is near enough to be a likely typo, else undefined. `transpositions`
 * counts swapped neighbours (`biuld` → `build`) as one edit; command names and flags use it.
 */
export function closest(input: string, candidates: Iterable<string>, options: { transpositions?: boolean } = {}): string | undefined {
  const needle = input.toLowerCase();
  // Å, ä and ö typed as a and o (a keyboard without them, or a habit): "pagar" is "pågår", however far apart.
  const folded = withoutDiacritics(needle);
  const list = [...candidates];
  const sameLetters = list.filter((c) => NON_ASCII.test(c) && c.toLowerCase() !== needle && withoutDiacritics(c.toLowerCase()) === folded);
  if (sameLetters.length === 1) return sameLetters[0];
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of list) {
    const d = editDistance(needle, candidate.toLowerCase(), options.transpositions);
    if (d < bestDistance || (d === bestDistance && best !== undefined && candidate < best)) {
      best = candidate;
      bestDistance = d;
    }
  }
  if (best === undefined) return undefined;
  const limit = Math.max(1, Math.min(3, Math.floor(Math.max(input.length, best.length) / 3)));
  if (bestDistance <= limit) return best;
  return longestSharedPrefix(needle, list);
}

/** A character outside printable ASCII (a letter with a diacritic, among others). */
const NON_ASCII = /[^ -~]/;

/** `text` without its diacritics: å, ä → a, ö → o, é → e (canonical decomposition, combining marks dropped). */
function withoutDiacritics(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '');
}

/** The single candidate sharing the longest prefix (at least 4 characters) with `needle`, for inflected words like "pågående" → "pågår". */
function longestSharedPrefix(needle: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestLength = 3;
  let tie = false;
  for (const candidate of candidates) {
    const c = candidate.toLowerCase();
    let n = 0;
    while (n < c.length && n < needle.length && c[n] === needle[n]) n++;
    if (n > bestLength) {
      best = candidate;
      bestLength = n;
      tie = false;
    } else if (n === bestLength && best !== undefined) {
      tie = true;
    }
  }
  return tie ? undefined : best;
}

/** A Swedish "menade du …?" sentence for the closest candidate, or an empty string. */
export function didYouMean(input: string, candidates: Iterable<string>): string {
  const hit = closest(input, candidates);
  return hit === undefined ? '' : ` Menade du "${hit}"?`;
}

/** Quoted, comma-separated list for messages: "a", "b", "c". */
export function quoteList(values: readonly string[]): string {
  return values.map((v) => `"${v}"`).join(', ');
}
