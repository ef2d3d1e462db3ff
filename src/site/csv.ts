// CSV for Swedish spreadsheets: UTF-8 with a byte order mark, semicolons, decimal comma, CRLF line ends.
//
// Why: Excel with Swedish settings opens a double-clicked .csv in the Windows code page unless the file
// starts with a byte order mark (å, ä, ö would be garbled), and it splits on semicolons because the comma
// is the decimal separator. Other tools (LibreOffice, pandas with sep=';' and encoding='utf-8-sig', R's
// read.csv2) read the same file. Fields are quoted as in RFC 4180. Text that a spreadsheet would run as a
// formula (starting with =, +, -, @, tab or carriage return) gets a leading apostrophe. Direction controls
// (U+202E and the like, rule bidi-control) are removed first, so none can reorder a cell or hide a formula.
import { stripBidiControls } from '../files/characters.js';

export const CSV_BOM = '\uFEFF';
export const CSV_SEPARATOR = ';';

export type CsvCell = string | number | boolean | null | undefined;

/** One field, quoted and escaped when needed. */
export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'ja' : 'nej';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return '';
    // Round away floating-point noise, then use the decimal comma; never thousands separators.
    const text = String(Math.round(value * 1e9) / 1e9).replace('.', ',');
    return text;
  }
  let text = stripBidiControls(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  if (/[;"\r\n]/.test(text) || text !== text.trim()) return `"${text.replace(/"/g, '""')}"`;
  return text;
}

/** A whole CSV file: byte order mark, header row, rows, CRLF after every row. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const lines = [header.map(csvCell).join(CSV_SEPARATOR), ...rows.map((row) => row.map(csvCell).join(CSV_SEPARATOR))];
  return CSV_BOM + lines.join('\r\n') + '\r\n';
}
