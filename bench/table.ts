// Plain-text report: a bench run is a list of sections, each with tables and notes, printed in order.

export interface Table {
  columns: string[];
  /** Cells as already formatted text; numbers right-aligned, text left-aligned. */
  rows: string[][];
}

export interface Section {
  title: string;
  tables: Table[];
  notes: string[];
  /** False when the section missed its target (the bench still prints everything, then exits 1). */
  ok: boolean;
}

const NUMERIC = /^[-+]?[\d\s,.]+(?:\s?[%×x])?$|^[-–]$/;

export function renderTable(table: Table): string {
  const widths = table.columns.map((c, i) => Math.max(c.length, ...table.rows.map((r) => (r[i] ?? '').length)));
  const numeric = table.columns.map((_, i) => table.rows.length > 0 && table.rows.every((r) => (r[i] ?? '') === '' || NUMERIC.test(r[i]!)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (numeric[i] ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [line(table.columns), rule, ...table.rows.map(line)].join('\n');
}

export function renderSection(section: Section): string {
  const head = `== ${section.title} ==`;
  return [head, ...section.tables.map(renderTable), ...(section.notes.length ? [section.notes.map((n) => `  ${n}`).join('\n')] : [])].join('\n\n');
}

/** 1234.5 → "1,235" (no decimals) or with `digits` decimals. */
export function num(value: number, digits = 0): string {
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}
