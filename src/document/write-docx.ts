// A decision document as a Word file (.docx) with the `docx` package: real Word headings (Rubrik 1–3, in
// the navigation pane), real bulleted lists (Word numbering, nested), tables with a repeating header row, a
// title page, the document language Swedish, and a footer with the title and "Sida X av Y". The bytes are
// the same for the same plan: the zip's dates and the core properties' timestamps are fixed.
import {
  AlignmentType,
  Document,
  Footer,
  HeadingLevel,
  LevelFormat,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ISectionOptions,
} from 'docx';
import JSZip from 'jszip';
import type { Block, DecisionDocument, ListItem, Run } from './blocks.js';

const BULLETS = 'punktlista';
const NUMBERS = 'nummerlista';
const LANGUAGE = { value: 'sv-SE' } as const;
const HEADINGS = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;

function runs(list: readonly Run[]): TextRun[] {
  return list.map((r) => new TextRun({ text: r.text, ...(r.strong ? { bold: true } : {}) }));
}

function listParagraphs(items: readonly ListItem[], ordered: boolean, level: number, instance: number): Paragraph[] {
  return items.flatMap((item) => [
    new Paragraph({ children: runs(item.runs), numbering: { reference: ordered ? NUMBERS : BULLETS, level, ...(ordered ? { instance } : {}) } }),
    ...listParagraphs(item.children ?? [], ordered, Math.min(level + 1, 2), instance),
  ]);
}

/** Text width of an A4 page with 2.54 cm margins, in twentieths of a point. */
const TEXT_WIDTH = { portrait: 11906 - 2 * 1440, landscape: 16838 - 2 * 1440 };

/** Table text in half-points: 9.5 pt, as the PDF prints it, so the action plan's eight columns keep their words whole. */
const TABLE_TEXT_SIZE = 19;

function table(header: readonly string[], rows: readonly (readonly string[])[], widths: readonly number[] | undefined, landscape: boolean): Table {
  const total = landscape ? TEXT_WIDTH.landscape : TEXT_WIDTH.portrait;
  const relative = widths && widths.length === header.length ? widths : header.map(() => 1);
  const sum = relative.reduce((a, b) => a + b, 0);
  const columnWidths = relative.map((w) => Math.floor((w / sum) * total));
  const cell = (t: string, bold: boolean, i: number) =>
    new TableCell({ width: { size: columnWidths[i]!, type: WidthType.DXA }, children: [new Paragraph({ spacing: { after: 0 }, children: [new TextRun({ text: t, bold, size: TABLE_TEXT_SIZE })] })] });
  return new Table({
    width: { size: total, type: WidthType.DXA },
    columnWidths,
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: header.map((h, i) => cell(h, true, i)) }),
      ...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((c, i) => cell(c, false, i)) })),
    ],
  });
}

function footer(title: string): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun(`${title} – Sida `), new TextRun({ children: [PageNumber.CURRENT] }), new TextRun(' av '), new TextRun({ children: [PageNumber.TOTAL_PAGES] })],
      }),
    ],
  });
}

/** Sections: the title page, then the body; a table marked landscape gets a landscape section of its own. */
function sections(doc: DecisionDocument): ISectionOptions[] {
  const foot = { default: footer(doc.title) };
  const titlePage: Paragraph[] = [
    new Paragraph({ spacing: { before: 2400 }, children: [new TextRun({ text: doc.organisation, size: 28 })] }),
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(doc.title)] }),
    new Paragraph({ spacing: { after: 480 }, children: [new TextRun({ text: doc.kind, size: 28 })] }),
    ...doc.facts.map((f) => new Paragraph({ children: [new TextRun({ text: `${f.label}: `, bold: true }), new TextRun(f.value)] })),
  ];
  const out: ISectionOptions[] = [{ properties: {}, footers: foot, children: titlePage }];
  let current: (Paragraph | Table)[] = [];
  let landscape = false;
  let listInstance = 0;
  const flush = () => {
    if (current.length > 0) out.push({ properties: landscape ? { page: { size: { orientation: PageOrientation.LANDSCAPE } } } : {}, footers: foot, children: current });
    current = [];
  };
  for (let i = 0; i < doc.blocks.length; i++) {
    const block: Block = doc.blocks[i]!;
    const next = doc.blocks[i + 1];
    // The heading before a wide table goes with it onto the landscape page.
    const wide = block.kind === 'table' ? block.landscape === true : block.kind === 'heading' && next?.kind === 'table' && next.landscape === true;
    if (wide !== landscape) {
      flush();
      landscape = wide;
    }
    switch (block.kind) {
      case 'heading':
        current.push(new Paragraph({ heading: HEADINGS[block.level], children: [new TextRun(block.text)] }));
        break;
      case 'paragraph':
        current.push(new Paragraph({ children: runs(block.runs) }));
        break;
      case 'list':
        listInstance++;
        current.push(...listParagraphs(block.items, block.ordered, 0, listInstance));
        break;
      case 'table':
        current.push(table(block.header, block.rows, block.widths, block.landscape === true));
        current.push(new Paragraph({ children: [] }));
        break;
    }
  }
  flush();
  return out;
}

const level = (lvl: number, format: (typeof LevelFormat)[keyof typeof LevelFormat], text: string) => ({
  level: lvl,
  format,
  text,
  alignment: AlignmentType.LEFT,
  style: { paragraph: { indent: { left: 720 * (lvl + 1), hanging: 360 } } },
});

/** A fixed moment for the zip entries and core properties, so the same plan gives the same bytes. */
const FIXED_DATE = new Date(Date.UTC(2000, 0, 1, 0, 0, 0));

/** Rewrites the zip with fixed dates (docx stamps every entry and the core properties with the time of writing). */
async function fixDates(bytes: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new JSZip();
  const names = Object.keys(zip.files).sort();
  for (const name of names) {
    const entry = zip.files[name]!;
    if (entry.dir) continue;
    let data: string | Uint8Array = await entry.async('uint8array');
    if (name === 'docProps/core.xml') {
      data = Buffer.from(data)
        .toString('utf8')
        .replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*(<\/dcterms:)/g, `$1${FIXED_DATE.toISOString().replace(/\.\d{3}Z$/, 'Z')}$2`);
    }
    out.file(name, data, { date: FIXED_DATE, createFolders: false });
  }
  return out.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', platform: 'UNIX' });
}

/** The document as the bytes of a .docx file. */
export async function writeDocx(doc: DecisionDocument): Promise<Buffer> {
  const file = new Document({
    title: doc.title,
    subject: doc.kind,
    creator: 'Spårbar',
    lastModifiedBy: 'Spårbar',
    description: `${doc.kind}: ${doc.title}, ${doc.organisation}`,
    styles: {
      default: {
        document: { run: { font: 'Calibri', size: 22, language: LANGUAGE }, paragraph: { spacing: { after: 120 } } },
        heading1: { run: { language: LANGUAGE } },
      },
    },
    numbering: {
      config: [
        { reference: BULLETS, levels: [level(0, LevelFormat.BULLET, '•'), level(1, LevelFormat.BULLET, '–'), level(2, LevelFormat.BULLET, '▪')] },
        { reference: NUMBERS, levels: [level(0, LevelFormat.DECIMAL, '%1.'), level(1, LevelFormat.LOWER_LETTER, '%2)'), level(2, LevelFormat.LOWER_ROMAN, '%3.')] },
      ],
    },
    sections: sections(doc),
  });
  return fixDates(await Packer.toBuffer(file));
}
