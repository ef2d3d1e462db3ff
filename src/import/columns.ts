// Table rows in laid-out text (a PDF page, or text copied from one with its layout): runs of at least two
// lines in a row that have three or more runs of text with wide gaps between them. The first line's runs are
// the header and give the columns; each later run goes to the column whose left edge is nearest at or before
// it, so an empty cell stays empty.

/** A run of text in a line, with its left edge (points in a PDF, characters in text). */
export interface Run {
  text: string;
  x: number;
}

/** For each line, its cells and whether it is the header, or null when the line is not part of a table. */
export function tableCells(lines: readonly (readonly Run[])[], tolerance: number): ({ cells: string[]; header: boolean } | null)[] {
  const out: ({ cells: string[]; header: boolean } | null)[] = lines.map(() => null);
  let i = 0;
  while (i < lines.length) {
    let j = i;
    while (j < lines.length && lines[j]!.length >= 3) j++;
    if (j - i >= 2) {
      const columns = lines[i]!.map((s) => s.x);
      for (let k = i; k < j; k++) {
        const cells = columns.map(() => '');
        for (const run of lines[k]!) {
          let col = 0;
          for (let c = 0; c < columns.length; c++) if (run.x >= columns[c]! - tolerance) col = c;
          cells[col] = cells[col] ? `${cells[col]} ${run.text}` : run.text;
        }
        out[k] = { cells, header: k === i };
      }
    }
    i = Math.max(j, i + 1);
  }
  return out;
}
