// A PDF's text as positioned lines, read with unpdf (a serverless build of Mozilla's PDF.js): the text items
// of each page grouped into lines by their baseline, in reading order, with the left edge, the font size and
// whether a gap wider than the line spacing comes before (a paragraph break). A space is put between two
// items of a line where the gap between them is wider than a fifth of the font size.
import { getDocumentProxy } from 'unpdf';
import { tableCells } from './columns.js';
import type { SourceLine } from './source-lines.js';

interface Item {
  str: string;
  x: number;
  y: number;
  width: number;
  size: number;
}

function itemsOf(content: { items: unknown[] }): Item[] {
  const out: Item[] = [];
  for (const raw of content.items) {
    const it = raw as { str?: string; transform?: number[]; width?: number; height?: number };
    // Whitespace items stand for gaps (PDF.js adds them); the gaps are measured from the text items instead.
    if (typeof it.str !== 'string' || !Array.isArray(it.transform) || it.str.trim() === '') continue;
    const [a = 0, b = 0, , d = 0, e = 0, f = 0] = it.transform;
    const size = Math.hypot(a, b) || Math.abs(d) || it.height || 0;
    out.push({ str: it.str, x: e, y: f, width: it.width ?? 0, size });
  }
  return out;
}

interface PdfLine {
  text: string;
  x: number;
  y: number;
  size: number;
  /** Runs of text separated by wide gaps (table columns), with their left edges. */
  segments: { text: string; x: number }[];
}

/** Items of one page grouped into lines (top to bottom, left to right). */
export function groupLines(items: readonly Item[]): PdfLine[] {
  const sorted = [...items].sort((p, q) => q.y - p.y || p.x - q.x);
  const lines: { items: Item[]; y: number; size: number }[] = [];
  for (const it of sorted) {
    const line = lines.find((l) => Math.abs(l.y - it.y) <= Math.max(l.size, it.size) * 0.35);
    if (line) {
      line.items.push(it);
      line.size = Math.max(line.size, it.size);
    } else lines.push({ items: [it], y: it.y, size: it.size });
  }
  lines.sort((p, q) => q.y - p.y);
  return lines.map((l) => {
    const its = l.items.sort((p, q) => p.x - q.x);
    let text = '';
    let end = Number.NEGATIVE_INFINITY;
    const segments: { text: string; x: number }[] = [];
    for (const it of its) {
      const gap = it.x - end;
      if (text !== '' && gap > it.size * 0.2 && !/\s$/.test(text) && !/^\s/.test(it.str)) text += ' ';
      if (segments.length === 0 || gap > Math.max(it.size, 6)) segments.push({ text: it.str, x: it.x });
      else segments[segments.length - 1]!.text += (gap > it.size * 0.2 ? ' ' : '') + it.str;
      text += it.str;
      end = it.x + it.width;
    }
    return { text: text.replace(/\s+/g, ' ').trim(), x: its[0]!.x, y: l.y, size: l.size, segments: segments.map((s) => ({ text: s.text.replace(/\s+/g, ' ').trim(), x: s.x })) };
  });
}

/** The lines of every page and the number of pages. */
export async function readPdf(bytes: Uint8Array): Promise<{ lines: SourceLine[]; pages: number }> {
  // verbosity 0 (pdf.js's VerbosityLevel.ERRORS): no English warnings on the console; errors are thrown and said in Swedish.
  const pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 });
  const lines: SourceLine[] = [];
  try {
    for (let p = 1; p <= pdf.numPages; p++) {
      const page = await pdf.getPage(p);
      const grouped = groupLines(itemsOf(await page.getTextContent())).filter((l) => l.text !== '');
      const gaps = grouped.map((l, i) => i > 0 && grouped[i - 1]!.y - l.y > Math.max(grouped[i - 1]!.size, l.size) * 1.75);
      const tables = tableCells(
        grouped.map((l) => l.segments),
        2,
        gaps,
      );
      grouped.forEach((l, i) => {
        const table = tables[i];
        if (table && 'continues' in table) return;
        lines.push({ text: l.text, origin: { page: p, line: i + 1 }, x: l.x, size: l.size, breakBefore: gaps[i]!, ...(table ? { cells: table.cells, ...(table.header ? { headerRow: true } : {}) } : {}) });
      });
      page.cleanup();
    }
    return { lines, pages: pdf.numPages };
  } finally {
    await pdf.destroy();
  }
}
