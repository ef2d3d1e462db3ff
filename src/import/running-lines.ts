// Running page headers and footers and page numbers ("Sida 3 av 33", "3 (33)", "- 3 -") removed from
// extracted text. In a PDF a running line is one that stands among the first or last lines of at least half
// the pages (digits ignored, so "Sida 3" and "Sida 4" are the same line); in a text file, where pages are
// gone, one that repeats at least twice next to a page number or a form feed.
import type { Repair, SourceLine } from './source-lines.js';

/** A line that is only a page number. */
export const PAGE_NUMBER = /^(?:(?:sida|sid\.?|s\.|page)\s*\d{1,4}(?:\s*(?:av|\/|of)\s*\d{1,4})?|\d{1,3}(?:\s*(?:av|\/)\s*\d{1,4}|\s*\(\s*\d{1,4}\s*\))?|[-–—]\s*\d{1,3}\s*[-–—])$/i;

const EDGE = 3;
const shape = (text: string) => text.replace(/\d+/g, '#').replace(/\s+/g, ' ').trim().toLowerCase();

function removeAll(lines: readonly SourceLine[], drop: ReadonlySet<number>, repairs: Repair[]): SourceLine[] {
  return lines.filter((line, i) => {
    if (!drop.has(i)) return true;
    repairs.push({ kind: PAGE_NUMBER.test(line.text) ? 'page-number' : 'running-line', before: line.text, after: '', origin: line.origin });
    return false;
  });
}

/** Removes running headers, footers and page numbers from the lines of a paged document (PDF). */
export function removeRunningLinesPaged(lines: readonly SourceLine[], repairs: Repair[]): SourceLine[] {
  const pages = new Map<number, number[]>();
  lines.forEach((l, i) => {
    const p = l.origin.page ?? 0;
    const list = pages.get(p) ?? [];
    list.push(i);
    pages.set(p, list);
  });
  const pageCount = pages.size;
  const edgeShapes = new Map<string, Set<number>>();
  for (const [page, idx] of pages) {
    const edge = [...idx.slice(0, EDGE), ...idx.slice(-EDGE)];
    for (const i of edge) {
      const s = shape(lines[i]!.text);
      const set = edgeShapes.get(s) ?? new Set();
      set.add(page);
      edgeShapes.set(s, set);
    }
  }
  const running = new Set([...edgeShapes].filter(([, set]) => pageCount >= 2 && set.size >= Math.max(2, Math.ceil(pageCount / 2))).map(([s]) => s));
  const drop = new Set<number>();
  for (const idx of pages.values()) {
    const edge = new Set([...idx.slice(0, EDGE), ...idx.slice(-EDGE)]);
    for (const i of edge) {
      const l = lines[i]!;
      if (l.heading !== undefined || l.cells) continue;
      if (PAGE_NUMBER.test(l.text) || running.has(shape(l.text))) drop.add(i);
    }
  }
  return removeAll(lines, drop, repairs);
}

/** Removes page numbers, form feeds' neighbours that repeat, and running lines from unpaged text. */
export function removeRunningLinesUnpaged(lines: readonly SourceLine[], repairs: Repair[]): SourceLine[] {
  const boundary = lines.map((l) => PAGE_NUMBER.test(l.text) && l.heading === undefined && !l.cells);
  // The start and the end of the text are page boundaries too.
  const near = (i: number) => {
    for (let d = -2; d <= 2; d++) if (i + d < 0 || i + d >= lines.length || boundary[i + d]) return true;
    return false;
  };
  const counts = new Map<string, number>();
  lines.forEach((l, i) => {
    if (boundary[i] || !near(i) || l.text.length > 90) return;
    const s = shape(l.text);
    counts.set(s, (counts.get(s) ?? 0) + 1);
  });
  const drop = new Set<number>();
  const pageCount = boundary.filter(Boolean).length;
  lines.forEach((l, i) => {
    if (l.heading !== undefined || l.cells) return;
    if (boundary[i] || (pageCount >= 2 && l.text.length <= 90 && (counts.get(shape(l.text)) ?? 0) >= 2)) drop.add(i);
  });
  return removeAll(lines, drop, repairs);
}
