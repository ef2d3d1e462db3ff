// The neutral shape of a document for the decision: a title page and a list of blocks (headings, paragraphs,
// lists, tables). Built once from the graph; written as Word (write-docx.ts) or as HTML for a PDF (write-html.ts).

/** A run of text; `strong` for the lead words of a paragraph ("Förväntat resultat 2027"). */
export interface Run {
  text: string;
  strong?: boolean;
}

export interface ListItem {
  runs: Run[];
  children?: ListItem[];
}

export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'paragraph'; runs: Run[] }
  | { kind: 'list'; ordered: boolean; items: ListItem[] }
  /** A table with a header row; `landscape` asks for a wide page (the handlingsplan). */
  | { kind: 'table'; caption: string; header: string[]; rows: string[][]; landscape?: boolean; /** Relative column widths. */ widths?: number[] };

/** The facts on the title page, as label and value (`Antagen av`, `Kommunstyrelsen`). */
export interface TitleFact {
  label: string;
  value: string;
}

export interface DecisionDocument {
  /** The organisation(s), above the title: `Ekby kommun`. */
  organisation: string;
  /** The kind of document under the title: `Strategisk plan`, `Policy`. */
  kind: string;
  title: string;
  facts: TitleFact[];
  blocks: Block[];
}

/** Plain text of runs. */
export function runsText(runs: readonly Run[]): string {
  return runs.map((r) => r.text).join('');
}

export const text = (t: string): Run[] => [{ text: t }];
export const paragraph = (t: string): Block => ({ kind: 'paragraph', runs: text(t) });
/** A paragraph with a bold lead: `Ansvarig: Kommundirektören`. */
export const labelled = (label: string, value: string): Block => ({ kind: 'paragraph', runs: [{ text: label, strong: true }, { text: ` ${value}` }] });
