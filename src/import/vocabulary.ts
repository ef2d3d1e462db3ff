// The document's own words, counted: the evidence the repair steps use to decide whether "verksam-" +
// "hetsnytta" or "samutnyttj ande" is one word (it occurs whole elsewhere in the document) or two.

/** A word, with its hyphenated parts kept together ("e-tjänster", "IT-styrning"). */
const WORD = /\p{L}[\p{L}\p{M}]*(?:-\p{L}[\p{L}\p{M}]*)*/gu;

export class Vocabulary {
  private readonly counts = new Map<string, number>();
  private sorted: string[] | null = null;

  constructor(texts: Iterable<string>) {
    for (const t of texts) for (const m of t.matchAll(WORD)) this.add(m[0]);
  }

  private add(word: string): void {
    const w = word.toLowerCase();
    this.counts.set(w, (this.counts.get(w) ?? 0) + 1);
    this.sorted = null;
  }

  /** How many times the word occurs (case ignored). */
  count(word: string): number {
    return this.counts.get(word.toLowerCase()) ?? 0;
  }

  /** True when the word occurs, or (for words of six letters or more) begins a word that occurs: "miljö" in "miljön". */
  knows(word: string): boolean {
    const w = word.toLowerCase();
    if (this.counts.has(w)) return true;
    if (w.length < 6) return false;
    this.sorted ??= [...this.counts.keys()].sort();
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.sorted[mid]! < w) lo = mid + 1;
      else hi = mid;
    }
    return this.sorted[lo]?.startsWith(w) === true;
  }
}
