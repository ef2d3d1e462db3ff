// What every reader (text, Word, PDF) produces and the recogniser reads: the document's text as lines with
// where they stand, and the structure the format itself marks (headings, list items, table rows).

/** Where a line came from: a page and line in a PDF, a line in a text file, a paragraph in a Word file. */
export interface Origin {
  /** 1-based page (PDF), or null. */
  page: number | null;
  /** 1-based line on the page (PDF), line in the file (text), paragraph (Word). */
  line: number;
}

export interface SourceLine {
  text: string;
  origin: Origin;
  /** Left edge: points from the page's left (PDF), leading spaces (text), 0 (Word). */
  x: number;
  /** Font size in points (PDF), or null. */
  size: number | null;
  /** A paragraph break before the line: blank lines (text), a gap wider than the line spacing (PDF). */
  breakBefore: boolean;
  /** Heading level the format marks: 0 for the document's title, 1–6 (Word styles, markdown #). */
  heading?: number;
  /** List item nesting the format marks, 0-based (Word lists, markdown lists). */
  listLevel?: number;
  ordered?: boolean;
  /** Cells of a table row (Word and markdown tables). */
  cells?: string[];
  /** True when the first row of a table. */
  headerRow?: boolean;
  /** Bold text at the start of the line (Word), for labels such as "Ansvarig:". */
  lead?: string;
}

/** `s. 3, rad 12` (PDF), `rad 12` (text), `stycke 12` (Word). */
export function describeOrigin(origin: Origin, kind: 'pdf' | 'text' | 'docx'): string {
  if (origin.page !== null) return `s. ${origin.page}, rad ${origin.line}`;
  return kind === 'docx' ? `stycke ${origin.line}` : `rad ${origin.line}`;
}

/** One thing the reader or the repair steps did to the text, for the report. */
export interface Repair {
  kind: 'running-line' | 'page-number' | 'hyphenation' | 'split-word' | 'characters';
  /** What it was, and what it became (empty when removed). */
  before: string;
  after: string;
  origin: Origin;
  /** Why, in Swedish, when the repair rests on a judgement ("ordet finns på s. 2"). */
  reason?: string;
  /** True when the repair was a guess that a person should look at. */
  unsure?: boolean;
}
