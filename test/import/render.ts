// Renders a test shape (shapes.ts) as text with the artefacts of PDF text extraction, as a Word file made with
// the docx package, and as a PDF made with pdfkit (A4, running header and footer, lines broken at a width).
import { AlignmentType, Document, HeadingLevel, LevelFormat, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import PDFDocument from 'pdfkit';
import type { ShapeBlock } from './shapes.js';

/** Words to break across a line end with a hyphen, and words to split with a space, as extraction does. */
export interface Artefacts {
  header: string;
  hyphenate?: Record<string, string>;
  split?: Record<string, string>;
  /** Lines per page of the extracted text (18 when not given). */
  linesPerPage?: number;
}

function apply(text: string, artefacts: Artefacts): string {
  let t = text;
  for (const [word, broken] of Object.entries(artefacts.hyphenate ?? {})) t = t.replace(word, broken);
  for (const [word, split] of Object.entries(artefacts.split ?? {})) t = t.replace(word, split);
  return t;
}

/** Words wrapped at `width` characters; `\n` in the text forces a break (a hyphenated line end). */
export function wrap(text: string, width: number): string[] {
  const out: string[] = [];
  for (const part of text.split('\n')) {
    let line = '';
    for (const word of part.split(' ')) {
      if (line !== '' && line.length + 1 + word.length > width) {
        out.push(line);
        line = word;
      } else line = line === '' ? word : `${line} ${word}`;
    }
    out.push(line);
  }
  return out;
}

/** A table row as text copied from a PDF with its layout: cells padded to their column's width. */
const rowText = (cells: string[], widths: number[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ').trimEnd();

/** Lines as copied out of a PDF: wrapped, with a running header and "Sida X av Y" every 18 lines. */
export function toExtractedText(blocks: readonly ShapeBlock[], artefacts: Artefacts): string {
  const body: string[] = [];
  let header: string[] = [];
  for (const b of blocks) {
    if ('h' in b) body.push('', b.h, '');
    else if ('p' in b) body.push(...wrap(apply(b.p, artefacts), 62));
    else if ('li' in b) {
      const marker = b.ordered ? '1.' : (b.level ?? 0) > 0 ? '  o' : '•';
      const [first, ...rest] = wrap(apply(b.li, artefacts), 58);
      body.push(`${marker} ${first}`, ...rest.map((r) => `${' '.repeat(marker.length + 1)}${r}`));
    } else {
      if (b.header) header = b.row;
      const rows = tableRows(blocks, header);
      const widths = header.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
      body.push(rowText(b.row, widths));
    }
  }
  const pages: string[][] = [];
  const per = artefacts.linesPerPage ?? 18;
  for (let i = 0; i < body.length; i += per) pages.push(body.slice(i, i + per));
  const out: string[] = [];
  pages.forEach((lines, i) => {
    out.push(artefacts.header, '');
    out.push(...lines, '', `Sida ${i + 1} av ${pages.length}`);
  });
  return `${out.join('\n').replace(/fi/g, 'ﬁ').replace(/ (\d+) (Mkr|tkr)/g, ' $1\u00a0$2')}\n`;
}

/** The shape as a Word file: Title and Rubrik 1–3 styles, Word bullets and numbering, tables. */
export async function toDocx(blocks: readonly ShapeBlock[]): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [];
  let rows: TableRow[] = [];
  const flush = () => {
    if (rows.length > 0) children.push(new Table({ rows }));
    rows = [];
  };
  const headings = [HeadingLevel.TITLE, HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3] as const;
  for (const b of blocks) {
    if (!('row' in b)) flush();
    if ('h' in b) children.push(new Paragraph({ heading: headings[b.level ?? 1], children: [new TextRun(b.h)] }));
    else if ('p' in b) children.push(new Paragraph({ children: [new TextRun(b.p)] }));
    else if ('li' in b) children.push(new Paragraph({ children: [new TextRun(b.li)], numbering: { reference: b.ordered ? 'nummer' : 'punkter', level: b.level ?? 0 } }));
    else rows.push(new TableRow({ tableHeader: b.header === true, children: b.row.map((c) => new TableCell({ children: [new Paragraph(c)] })) }));
  }
  flush();
  const levels = (format: (typeof LevelFormat)[keyof typeof LevelFormat], texts: string[]) =>
    texts.map((text, level) => ({ level, format, text, alignment: AlignmentType.LEFT, style: { paragraph: { indent: { left: 720 * (level + 1), hanging: 360 } } } }));
  const doc = new Document({
    numbering: {
      config: [
        { reference: 'punkter', levels: levels(LevelFormat.BULLET, ['•', 'o']) },
        { reference: 'nummer', levels: levels(LevelFormat.DECIMAL, ['%1.', '%2.']) },
      ],
    },
    sections: [{ children }],
  });
  return Packer.toBuffer(doc);
}

/** The rows of the table whose header is `header`. */
function tableRows(blocks: readonly ShapeBlock[], header: string[]): string[][] {
  const rows: string[][] = [];
  let inTable = false;
  for (const b of blocks) {
    if ('row' in b) {
      if (b.header) inTable = b.row === header;
      if (inTable) rows.push(b.row);
    } else inTable = false;
  }
  return rows;
}

/**
 * The shape as an A4 PDF with pdfkit: headings in a larger font, bullets with hanging indents, table rows as
 * columns, a running header and "Sida X av Y" on every page, lines broken at the width (with the artefacts'
 * hyphenations forced at a line end and split words drawn as two runs with a gap).
 */
export async function toPdf(blocks: readonly ShapeBlock[], artefacts: Artefacts, pagesOf = 1): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 0, autoFirstPage: false, bufferPages: true, info: { Title: 'Test' } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  const left = 50;
  const bottom = 760;
  let y = 0;
  const newPage = () => {
    doc.addPage();
    y = 90;
  };
  const line = (text: string, x: number, size: number, font = 'Helvetica') => {
    if (y > bottom) newPage();
    doc.font(font).fontSize(size);
    // A split word is drawn as two runs with a gap, like justified text that extraction splits.
    const parts = text.split('\u2063');
    let at = x;
    for (const part of parts) {
      doc.text(part, at, y, { lineBreak: false });
      at += doc.widthOfString(part) + size * 0.4;
    }
    y += size * 1.35;
  };
  const para = (text: string, x: number, width: number, size = 11) => {
    for (const l of wrap(text, width)) line(l, x, size);
  };
  const split = { ...artefacts, split: Object.fromEntries(Object.entries(artefacts.split ?? {}).map(([w, s]) => [w, s.replace(' ', '\u2063')])) };
  for (let copy = 0; copy < pagesOf; copy++) {
    newPage();
    let header: string[] = [];
    for (const b of blocks) {
      if ('h' in b) {
        y += 8;
        for (const l of wrap(b.h, b.level === 0 ? 40 : 60)) line(l, left, b.level === 0 ? 20 : b.level === 2 ? 13 : 15, 'Helvetica-Bold');
        y += 4;
      } else if ('p' in b) {
        para(apply(b.p, split), left, 80);
        y += 5;
      } else if ('li' in b) {
        const indent = left + 14 + (b.level ?? 0) * 18;
        const [first = '', ...rest] = wrap(apply(b.li, split), 72);
        line(`${(b.level ?? 0) > 0 ? 'o' : '•'}`, indent - 12, 11);
        y -= 11 * 1.35;
        line(first, indent, 11);
        for (const r of rest) line(r, indent, 11);
      } else {
        if (b.header) header = b.row;
        // Columns as wide as their longest cell (pdfkit's Helvetica is about half the size wide per letter).
        const widths = header.map((_, i) => 24 + 3.6 * Math.max(...tableRows(blocks, header).map((r) => (r[i] ?? '').length)));
        let x = left;
        b.row.forEach((c, i) => {
          doc.font(b.header ? 'Helvetica-Bold' : 'Helvetica').fontSize(6.5).text(c, x, y, { lineBreak: false });
          x += widths[i] ?? 75;
        });
        y += 8 * 1.6;
      }
    }
  }
  const range = doc.bufferedPageRange();
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(i);
    doc.font('Helvetica').fontSize(8).text(artefacts.header, left, 40, { lineBreak: false });
    doc.font('Helvetica').fontSize(8).text(`Sida ${i + 1} av ${range.count}`, 270, 800, { lineBreak: false });
  }
  doc.end();
  return done;
}
