// A .txt or .md file as source lines: indentation kept as the left edge, blank lines as paragraph breaks.
// Markdown's own structure is read where it is unambiguous: `#` headings and `|` table rows. List markers
// (-, *, •, o, –, 1.) stay in the text for the block builder, which reads them the same way in every format.
import { tableCells, type Run } from './columns.js';
import type { SourceLine } from './source-lines.js';

const TABLE_RULE = /^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?$/;

function cells(row: string): string[] {
  return row
    .trim()
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split(/(?<!\\)\|/)
    .map((c) => c.trim().replace(/\\\|/g, '|'));
}

/** A line's cells when tabs separate them (a table copied out of Word or a spreadsheet), without the trailing empty ones. */
function tabCells(line: string): string[] | null {
  if (!line.includes('\t')) return null;
  const cells = line.split('\t').map((c) => c.trim());
  while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
  return cells;
}

/**
 * Lines of a text file; `markdown` reads headings and tables. A byte-order mark and CR line ends are dropped.
 * Tabs separate a table's cells (text copied out of Word puts one between cells, and a blank line between
 * rows): a line with three cells or more starts a table, and every later line with a tab, blank lines
 * between them allowed, is a row of it, its empty cells kept in their columns.
 */
export function readText(content: string, markdown: boolean): SourceLine[] {
  const lines: SourceLine[] = [];
  let blank = true;
  let inTable = false;
  let inTabTable = false;
  const raw = content.replace(/^\ufeff/, '').split(/\r\n|\r|\n/);
  // A markdown file's frontmatter is not part of the document's text.
  let start = 0;
  if (markdown && raw[0]?.trim() === '---') {
    const end = raw.findIndex((l, i) => i > 0 && /^(---|\.\.\.)\s*$/.test(l));
    if (end > 0) start = end + 1;
  }
  for (let i = start; i < raw.length; i++) {
    const line = raw[i]!.replace(/\t/g, '    ');
    const text = line.trim();
    if (text === '') {
      blank = true;
      inTable = false;
      continue;
    }
    const origin = { page: null, line: i + 1 };
    const base: SourceLine = { text, origin, x: line.length - line.trimStart().length, size: null, breakBefore: blank };
    blank = false;
    const tabbed = tabCells(raw[i]!);
    // A header needs a row after it: a lone line of tabbed cells is no table.
    const startsTable = () => tabbed!.filter((c) => c !== '').length >= 3 && tabCells(raw.slice(i + 1).find((l) => l.trim() !== '') ?? '') !== null;
    if (tabbed && (inTabTable || startsTable())) {
      lines.push({ ...base, cells: tabbed, ...(inTabTable ? {} : { headerRow: true }) });
      inTabTable = true;
      continue;
    }
    inTabTable = false;
    if (markdown) {
      const heading = /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(text);
      if (heading) {
        lines.push({ ...base, text: heading[2]!, heading: heading[1]!.length, breakBefore: true });
        blank = true;
        continue;
      }
      if (text.startsWith('|') && text.endsWith('|')) {
        if (TABLE_RULE.test(text)) continue;
        lines.push({ ...base, cells: cells(text), ...(inTable ? {} : { headerRow: true }) });
        inTable = true;
        continue;
      }
      // Emphasis and links of markdown are read as their text.
      base.text = text.replace(/\*\*(.+?)\*\*|__(.+?)__/g, '$1$2').replace(/\[([^\]]+)\]\([^)]*\)/g, '$1');
    }
    inTable = false;
    lines.push(base);
  }
  return markdown ? lines : withLayoutTables(lines, raw);
}

/** Runs of text separated by two spaces or more, with the column they start at. */
function runsOf(line: string): Run[] {
  return [...line.replace(/\t/g, '    ').matchAll(/\S+(?: \S+)*/g)].map((m) => ({ text: m[0], x: m.index }));
}

/** Text copied from a PDF with its layout keeps tables as aligned columns: those lines become table rows. */
function withLayoutTables(lines: SourceLine[], raw: readonly string[]): SourceLine[] {
  const runs = lines.map((l) => (l.cells !== undefined || /^\s*([•●▪*o–-]|\d{1,2}[.)])\s/.test(raw[l.origin.line - 1]!) ? [] : runsOf(raw[l.origin.line - 1]!)));
  const tables = tableCells(runs, 1);
  return lines.flatMap((l, i) => {
    const t = tables[i];
    if (t && 'continues' in t) return [];
    return [t ? { ...l, cells: t.cells, ...(t.header ? { headerRow: true } : {}) } : l];
  });
}
