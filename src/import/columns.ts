// Table rows in laid-out text (a PDF page, or text copied from one with its layout): runs of at least two
// lines in a row that have three or more runs of text with wide gaps between them. The first line's runs are
// the header and give the columns; each later run goes to the column whose left edge is nearest at or before
// it, so an empty cell stays empty.

/** A run of text in a line, with its left edge (points in a PDF, characters in text). */
export interface Run {
  text: string;
  x: number;
}

/** A line's place in a table: its cells, or (`continues`) the index of the row its cells were added to. */
export type TableLine = { cells: string[]; header: boolean } | { continues: number } | null;

/**
 * For each line, its cells and whether it is the header, or null when the line is not part of a table. A
 * line whose first cell is empty after a row of the table continues that row (a cell that wraps onto more
 * lines): its text is added to the row's cells and the line is marked as a continuation. `breaks` marks
 * the lines with a paragraph gap above them.
 */
export function tableCells(lines: readonly (readonly Run[])[], tolerance: number, breaks: readonly boolean[] = []): TableLine[] {
  const out: TableLine[] = lines.map(() => null);
  let i = 0;
  while (i < lines.length) {
    if (lines[i]!.length < 3) {
      i++;
      continue;
    }
    const columns = lines[i]!.map((s) => s.x);
    const place = (runs: readonly Run[]) => {
      const cells = columns.map(() => '');
      for (const run of runs) {
        let col = 0;
        for (let c = 0; c < columns.length; c++) if (run.x >= columns[c]! - tolerance) col = c;
        cells[col] = cells[col] ? `${cells[col]} ${run.text}` : run.text;
      }
      return cells;
    };
    // The table goes on while lines have three runs or more, or continue a row with an empty first cell.
    let j = i + 1;
    let lastRow = -1;
    const rows: number[] = [];
    while (j < lines.length && lines[j]!.length > 0) {
      const runs = lines[j]!;
      const startsRow = runs.length >= 3 || (runs[0]!.x < columns[1]! - tolerance && runs.length >= 2);
      if (startsRow && runs[0]!.x < columns[1]! - tolerance) {
        rows.push(j);
        lastRow = j;
      } else if (lastRow >= 0 && runs[0]!.x >= columns[1]! - tolerance && breaks[j] !== true) {
        // A wrapped cell continues its row; after a wide vertical gap (a footer) the table has ended.
        rows.push(j);
      } else break;
      j++;
    }
    if (rows.length === 0 || !rows.some((r) => lines[r]!.length >= 3)) {
      i++;
      continue;
    }
    out[i] = { cells: place(lines[i]!), header: true };
    let row = -1;
    for (const k of rows) {
      const cells = place(lines[k]!);
      if (cells[0] !== '' || row < 0) {
        out[k] = { cells, header: false };
        row = k;
      } else {
        const target = out[row] as { cells: string[] };
        cells.forEach((c, n) => {
          // A cell broken after a hyphen ("IT-" + "investeringar") is joined without a space.
          if (c !== '') target.cells[n] = target.cells[n] ? `${target.cells[n]}${/\p{L}-$/u.test(target.cells[n]!) ? '' : ' '}${c}` : c;
        });
        out[k] = { continues: row };
      }
    }
    i = j;
  }
  return out;
}
