// Source lines joined into the blocks a reader sees: headings, paragraphs, list items (with their nesting)
// and table rows. Lines broken mid-sentence are joined into their paragraph or item; a list marker (•, o,
// –, -, *, 1., a)) starts an item, its nesting read from the format, the indentation or the marker; a PDF
// line in a larger font than the body text is a heading.
import type { Origin, SourceLine } from './source-lines.js';

export interface Block {
  kind: 'heading' | 'paragraph' | 'item' | 'row';
  text: string;
  /** Heading level (0 = the document's title), or an item's nesting (0 = top). */
  level: number;
  /** The item's marker as written: `1.`, `•`, `o`, `–`; for ordered items the number. */
  marker?: string;
  ordered?: boolean;
  cells?: string[];
  headerRow?: boolean;
  /** Bold text at the start (Word), such as "Ansvarig:". */
  lead?: string;
  origin: Origin;
  /** Origin of the last line joined in. */
  end: Origin;
}

const BULLET = /^([•●▪■◦○·∙‣⁃*o–—-]|)\s+(?=\S)/u;
const ORDERED = /^(\d{1,2}|[a-z])([.)])\s+(?=\S)/u;
const SUB_MARKERS = new Set(['o', '◦', '○', '–', '-', '—', '▪', '■', '‣', '⁃']);

/** The marker and the text after it, or null for a line that is not a list item. */
export function listMarker(text: string): { marker: string; ordered: boolean; rest: string } | null {
  const ordered = ORDERED.exec(text);
  if (ordered && !/^\d{4}/.test(text)) return { marker: ordered[1]! + ordered[2]!, ordered: true, rest: text.slice(ordered[0].length) };
  const bullet = BULLET.exec(text);
  if (bullet) {
    const marker = bullet[1] ?? '';
    // "o" is a bullet only when followed by an upper-case letter or a digit ("o Gemensamma …"), not "o och".
    if (marker === 'o' && !/^o\s+[\p{Lu}\d]/u.test(text)) return null;
    return { marker, ordered: false, rest: text.slice(bullet[0].length) };
  }
  return null;
}

function bodySize(lines: readonly SourceLine[]): number | null {
  const counts = new Map<number, number>();
  for (const l of lines) if (l.size !== null) counts.set(Math.round(l.size * 2) / 2, (counts.get(Math.round(l.size * 2) / 2) ?? 0) + l.text.length);
  let best: number | null = null;
  for (const [size, n] of counts) if (best === null || n > counts.get(best)!) best = size;
  return best;
}

/** Heading levels by font size: the largest size above the body is 1, the next 2, and so on (at most 3). */
function sizeLevels(lines: readonly SourceLine[], body: number | null): Map<number, number> {
  const levels = new Map<number, number>();
  if (body === null) return levels;
  const sizes = [...new Set(lines.filter((l) => l.size !== null && l.size >= body + 1.5).map((l) => Math.round(l.size! * 2) / 2))].sort((a, b) => b - a);
  sizes.forEach((s, i) => levels.set(s, Math.min(i + 1, 3)));
  return levels;
}

const endsSentence = (t: string) => /[.!?:;]["”)]?$/.test(t);

export interface BlockOptions {
  isLabel?: (text: string) => boolean;
  /**
   * For text without marked headings: the level of a short line that stands alone between blank lines and
   * does not end a sentence (the first one is the title, level 0), or null when such a line is no heading.
   * `numbered` is true for a line that starts like an item of a numbered list ("4. Handlingsplan").
   */
  textHeading?: (text: string, numbered: boolean) => number | null;
}

/**
 * Joins lines into blocks. `isLabel` names lines that always start a block of their own ("Fokusområden:",
 * "Förväntat resultat 2027"), so a label is never run into the paragraph before it.
 */
export function toBlocks(lines: readonly SourceLine[], options: BlockOptions = {}): Block[] {
  const isLabel = options.isLabel ?? (() => false);
  const blocks: Block[] = [];
  const body = bodySize(lines);
  const levels = sizeLevels(lines, body);
  const leftEdge = Math.min(...lines.filter((l) => l.cells === undefined).map((l) => l.x), Number.POSITIVE_INFINITY);
  // Nesting of items by their left edge: each new, larger indentation opens a level.
  const itemIndents: number[] = [];
  let previousMarker: string | null = null;
  let open: Block | null = null;
  let openIndent = 0;

  const push = (b: Block) => {
    blocks.push(b);
    open = b.kind === 'paragraph' || b.kind === 'item' ? b : null;
  };

  let sawHeading = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const text = line.text.trim();
    if (line.cells) {
      push({ kind: 'row', text: line.cells.join(' | '), level: 0, cells: line.cells, ...(line.headerRow ? { headerRow: true } : {}), origin: line.origin, end: line.origin });
      previousMarker = null;
      continue;
    }
    if (text === '') continue;
    let sized = line.size !== null ? levels.get(Math.round(line.size * 2) / 2) : undefined;
    const alone = line.breakBefore && (i + 1 >= lines.length || lines[i + 1]!.breakBefore);
    const marked = listMarker(text);
    const numbered = marked?.ordered === true && /^\d/.test(marked.marker);
    if (options.textHeading && line.heading === undefined && alone && text.length <= 110 && !/[.,;:!?]$/.test(text) && (marked === null || numbered) && !isLabel(text)) {
      const level = options.textHeading(text, numbered);
      if (level !== null) sized = blocks.length === 0 && !sawHeading ? 0 : level;
    }
    if (line.heading !== undefined || (sized !== undefined && text.length <= 150)) {
      sawHeading = true;
      const level = line.heading ?? sized!;
      const last = blocks[blocks.length - 1];
      // A heading that wraps onto a second line in the same size is one heading.
      if (line.heading === undefined && last?.kind === 'heading' && last.level === level && !line.breakBefore && last.end.page === line.origin.page) {
        last.text = `${last.text} ${text}`;
        last.end = line.origin;
      } else push({ kind: 'heading', text, level, origin: line.origin, end: line.origin });
      open = null;
      previousMarker = null;
      itemIndents.length = 0;
      continue;
    }
    if (line.listLevel !== undefined) {
      push({ kind: 'item', text, level: line.listLevel, ordered: line.ordered === true, marker: line.ordered ? '1.' : '•', ...(line.lead ? { lead: line.lead } : {}), origin: line.origin, end: line.origin });
      continue;
    }
    const marker = listMarker(text);
    if (marker) {
      const indent = line.x - (Number.isFinite(leftEdge) ? leftEdge : 0);
      while (itemIndents.length > 0 && indent < itemIndents[itemIndents.length - 1]! - 2) itemIndents.pop();
      if (itemIndents.length === 0 || indent > itemIndents[itemIndents.length - 1]! + 2) itemIndents.push(indent);
      let level = itemIndents.length - 1;
      // Without indentation, a sub-point marker (o, –) after a bullet (•) is one level down.
      if (level === 0 && previousMarker !== null && !SUB_MARKERS.has(previousMarker) && SUB_MARKERS.has(marker.marker) && !marker.ordered) level = 1;
      else if (level === 0 && previousMarker !== null && SUB_MARKERS.has(previousMarker) && SUB_MARKERS.has(marker.marker) && blocks[blocks.length - 1]?.level === 1) level = 1;
      push({ kind: 'item', text: marker.rest, level, ordered: marker.ordered, marker: marker.marker, ...(line.lead ? { lead: line.lead } : {}), origin: line.origin, end: line.origin });
      openIndent = line.x;
      previousMarker = marker.marker;
      continue;
    }
    // A list whose markers are drawn, not written (a PDF printed by a browser): after a label that ends
    // with a colon, or after such an item, a line indented from the text's left edge that starts with a
    // capital is an item, nested by its indentation.
    const previous = blocks[blocks.length - 1];
    const indent = line.x - (Number.isFinite(leftEdge) ? leftEdge : 0);
    if (line.size !== null && indent >= 8 && /^[\p{Lu}\d]/u.test(text) && previous && ((previous.kind === 'paragraph' && /:$/.test(previous.text)) || (previous.kind === 'item' && previous.marker === ''))) {
      while (itemIndents.length > 0 && indent < itemIndents[itemIndents.length - 1]! - 2) itemIndents.pop();
      if (itemIndents.length === 0 || indent > itemIndents[itemIndents.length - 1]! + 2) itemIndents.push(indent);
      push({ kind: 'item', text, level: itemIndents.length - 1, ordered: false, marker: '', origin: line.origin, end: line.origin });
      openIndent = line.x;
      continue;
    }
    const current = open as Block | null;
    const label = isLabel(text);
    // A line continues the open paragraph or item unless a break or a new start separates them.
    const continues =
      current !== null &&
      !label &&
      !(current.kind === 'paragraph' && isLabel(current.text)) &&
      !line.breakBefore &&
      line.lead === undefined &&
      (current.kind === 'paragraph' || line.x >= openIndent - 1 || !endsSentence(current.text) || /^\p{Ll}/u.test(text));
    if (continues && current) {
      current.text = `${current.text} ${text}`;
      current.end = line.origin;
      continue;
    }
    // A paragraph after a list at the list's indentation, without a break, that reads on is still the item.
    push({ kind: 'paragraph', text, level: 0, ...(line.lead ? { lead: line.lead } : {}), origin: line.origin, end: line.origin });
    previousMarker = null;
    itemIndents.length = 0;
  }
  return blocks;
}
