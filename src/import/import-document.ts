// One document read and recognised: the reader for its format, the repairs extracted text needs (running
// lines, characters, hyphenation, split words), blocks, then the recogniser. Formats: .docx (mammoth), .pdf
// (unpdf), .txt and .md.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { toBlocks } from './blocks.js';
import { joinHyphenation } from './hyphenation.js';
import { isLabel, sectionOf } from './labels.js';
import type { ImportResult } from './model.js';
import { normaliseLines } from './normalise-characters.js';
import { readDocx } from './read-docx.js';
import { readPdf } from './read-pdf.js';
import { readText } from './read-text.js';
import { recognise } from './recognise.js';
import { removeRunningLinesPaged, removeRunningLinesUnpaged } from './running-lines.js';
import type { Repair, SourceLine } from './source-lines.js';
import { joinSplitWords } from './split-words.js';
import { Vocabulary } from './vocabulary.js';

/** Title-page facts that stand alone on a line but are no headings. */
const FACT_LINE = /^(antagen|antaget|beslutad|fastställd|gäller|giltig|giltighet|diarienummer|dnr|planperiod|period|ansvarig|dokumentansvarig|datum|version|reviderad)\b/i;

export const IMPORT_EXTENSIONS = ['.docx', '.pdf', '.txt', '.md'] as const;

/** Thrown for a file that cannot be read as a document (a Swedish sentence). */
export class ImportError extends Error {}

/** The repairs for text that came out of a PDF (or was copied from one), then the recogniser. */
export function recogniseLines(lines: readonly SourceLine[], kind: ImportResult['source']['kind'], file: string, pages: number | null): ImportResult {
  const repairs: Repair[] = [];
  let current = normaliseLines(lines, repairs);
  if (kind === 'pdf') current = removeRunningLinesPaged(current, repairs);
  else if (kind === 'text') current = removeRunningLinesUnpaged(current, repairs);
  if (kind !== 'docx') {
    const vocabulary = new Vocabulary(current.flatMap((l) => [l.text, ...(l.cells ?? [])]));
    current = joinHyphenation(current, vocabulary, repairs);
    current = joinSplitWords(current, vocabulary, repairs);
  }
  // A numbered line standing alone is a heading only when it names a known section ("4. Handlingsplan");
  // else it is an item of a numbered list (a goal, a focus area).
  const textHeading = (text: string, numbered: boolean) => (FACT_LINE.test(text) ? null : sectionOf(text) !== null ? 1 : numbered ? null : 2);
  const startsBlock = (text: string) => isLabel(text) || (FACT_LINE.test(text) && !/^ansvarig/i.test(text));
  const recognised = recognise(toBlocks(current, { isLabel: startsBlock, ...(kind === 'text' ? { textHeading } : {}) }));
  return { ...recognised, source: { file, kind, pages }, repairs };
}

/** A reading library's own reason, in one short clause: its first sentence, without a link or a trailing full stop. */
function libraryReason(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  if (/end of central directory|is this a zip/i.test(text)) return 'filen är inget zip-arkiv, vilket en .docx är';
  const first = text.split(/(?<=[.?!])\s|\n/)[0] ?? text;
  return first.replace(/https?:\/\/\S+/g, '').replace(/[\s.:]+$/, '').trim() || 'okänt fel';
}

/** Reads and recognises the document at `file`; throws ImportError for an unknown or unreadable file. */
export async function importDocument(file: string): Promise<ImportResult> {
  const ext = path.extname(file).toLowerCase();
  const name = path.basename(file);
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw new ImportError(`filen ${file} gick inte att läsa (${(error as NodeJS.ErrnoException).code ?? 'okänt fel'})`);
  }
  if (ext === '.docx') {
    const lines = await readDocx(bytes).catch((error: unknown) => {
      throw new ImportError(`${name} är inget Word-dokument (.docx) eller är skadat (${libraryReason(error)}). Öppna det i Word eller LibreOffice och spara om det som .docx`);
    });
    return recogniseLines(lines, 'docx', name, null);
  }
  if (ext === '.pdf') {
    const read = await readPdf(bytes).catch((error: unknown) => {
      throw new ImportError(`${name} är ingen PDF eller är skadad (${libraryReason(error)}). Öppna den i ett PDF-program och spara om den, eller importera Word-originalet`);
    });
    if (read.lines.length === 0) throw new ImportError(`${name} har ingen text att läsa (${read.pages} sidor). Är den skannad? Kör den genom textigenkänning (OCR) först, eller importera Word-originalet`);
    return recogniseLines(read.lines, 'pdf', name, read.pages);
  }
  if (ext === '.txt' || ext === '.md') {
    const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
    return recogniseLines(readText(text, ext === '.md'), 'text', name, null);
  }
  throw new ImportError(`${name}: okänt format "${ext || '(inget)'}". Spårbar importerar ${IMPORT_EXTENSIONS.join(', ')}`);
}
