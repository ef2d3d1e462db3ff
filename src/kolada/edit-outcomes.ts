// Changes an indicator file's `utfall` through the yaml package's concrete syntax tree (CST), touching only
// the values that change and the pairs that are added: comments (also inside `utfall`), key order,
// quoting, blank lines, indentation and each line's own ending (LF or CRLF, mixed or not) stay byte for
// byte, because the CST reproduces its source exactly and only the edited tokens are replaced.
import { CST, Parser } from 'yaml';

type BlockMap = CST.BlockMap;
type FlowCollection = CST.FlowCollection;
type Item = CST.CollectionItem;
type SourceToken = CST.SourceToken;

const token = (type: SourceToken['type'], source: string, indent = 0): SourceToken => ({ type, source, indent, offset: 0 });

/** Where the YAML of a file's frontmatter lies: `text.slice(start, end)`, between the `---` lines. */
export function frontmatterRange(text: string): { start: number; end: number } | null {
  const open = /^(?:\uFEFF)?---[ \t]*(\r?\n)/.exec(text);
  if (!open) return null;
  const start = open[0].length;
  let lineStart = start;
  while (lineStart <= text.length) {
    const newline = text.indexOf('\n', lineStart);
    const line = text.slice(lineStart, newline === -1 ? text.length : newline).replace(/\r$/, '');
    if (/^---[ \t]*$/.test(line)) return { start, end: lineStart };
    if (newline === -1) return null;
    lineStart = newline + 1;
  }
  return null;
}

/** A JavaScript number as YAML writes it (1.2 core schema reads it back as the same number). */
function yamlNumber(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`not a finite number: ${value}`);
  return String(value);
}

const scalarValue = (t: CST.Token | null | undefined): string | null => CST.resolveAsScalar(t)?.value ?? null;

/** The line ending used nearest `tokens` (searched backwards), else `fallback`. */
function lineEnding(tokens: readonly SourceToken[] | undefined, fallback: string): string {
  for (let i = (tokens?.length ?? 0) - 1; i >= 0; i--) if (tokens![i]!.type === 'newline') return tokens![i]!.source;
  return fallback;
}

/**
 * `text` (a whole plan file) with the outcomes in `changes` (year → value) set in `utfall`: values of years
 * already there are replaced in place, new years are added in year order with the map's own style (block:
 * a line at the map's indentation with the neighbouring line's ending; flow: `, year: value`), and a file
 * without `utfall` gets `utfall: {…}` as the frontmatter's last key. Everything else is left byte for byte.
 * Returns the new text, or a Swedish reason when the file's `utfall` cannot be edited safely.
 */
export function editOutcomes(text: string, changes: ReadonlyMap<number, number>): { text: string } | { error: string } {
  const range = frontmatterRange(text);
  if (!range) return { error: 'hittar inte filens frontmatter (--- … ---).' };
  const yaml = text.slice(range.start, range.end);
  const docs = [...new Parser().parse(yaml)].filter((t) => t.type === 'document');
  const doc = docs[0] as CST.Document | undefined;
  if (docs.length !== 1 || !doc || doc.value?.type !== 'block-map') return { error: 'frontmatter är inte en samling nycklar; kör sparbar check.' };
  const root = doc.value;
  const eol = /\r\n/.test(text.slice(0, range.start)) ? '\r\n' : '\n';
  const years = [...changes.keys()].sort((a, b) => a - b);
  const pair = root.items.find((item) => item.key !== undefined && scalarValue(item.key) === 'utfall');

  if (!pair) {
    const flow: FlowCollection = { type: 'flow-collection', offset: 0, indent: 0, start: token('flow-map-start', '{'), items: [], end: [token('flow-map-end', '}'), token('newline', lineEnding(lastTokens(root), eol))] };
    for (const year of years) insertFlow(flow, flow.items.length, year, changes.get(year)!);
    root.items.push({ start: [], key: { type: 'scalar', offset: 0, indent: 0, source: 'utfall' }, sep: [token('map-value-ind', ':'), token('space', ' ')], value: flow });
  } else if (!pair.value) {
    // `utfall:` without a value: give it a flow map, keeping whatever followed the colon.
    const sep = pair.sep ?? [];
    const colon = sep.findIndex((t) => t.type === 'map-value-ind');
    if (colon === -1) return { error: '"utfall" kunde inte läsas; kör sparbar check.' };
    const rest = sep.slice(colon + 1);
    while (rest[0]?.type === 'space') rest.shift();
    const flow: FlowCollection = { type: 'flow-collection', offset: 0, indent: 0, start: token('flow-map-start', '{'), items: [], end: [token('flow-map-end', '}'), ...(rest[0]?.type === 'comment' ? [token('space', ' ')] : []), ...rest] };
    if (!flow.end.some((t) => t.type === 'newline')) flow.end.push(token('newline', eol));
    for (const year of years) insertFlow(flow, flow.items.length, year, changes.get(year)!);
    pair.sep = [...sep.slice(0, colon + 1), token('space', ' ')];
    pair.value = flow;
  } else if (pair.value.type === 'block-map') {
    const map = pair.value;
    for (const year of years) {
      const value = changes.get(year)!;
      const existing = map.items.find((item) => item.key !== undefined && scalarValue(item.key) === String(year));
      if (existing) {
        if (!existing.value) return { error: `utfall för ${year} saknar värde; skriv ett tal eller ta bort raden.` };
        CST.setScalarValue(existing.value, yamlNumber(value), { type: 'PLAIN' });
        continue;
      }
      const error = insertBlock(map, pair, year, value, eol);
      if (error) return { error };
    }
  } else if (pair.value.type === 'flow-collection' && pair.value.start.source === '{') {
    const flow = pair.value;
    for (const year of years) {
      const value = changes.get(year)!;
      const existing = flow.items.find((item) => item.key !== undefined && scalarValue(item.key) === String(year));
      if (existing?.value) {
        CST.setScalarValue(existing.value, yamlNumber(value), { inFlow: true, type: 'PLAIN' });
        continue;
      }
      if (existing) return { error: `utfall för ${year} saknar värde; skriv ett tal eller ta bort det.` };
      insertFlow(flow, insertionIndex(flow.items, year), year, value);
    }
  } else {
    return { error: '"utfall" är inte en samling år: värde. Rätta filen först.' };
  }
  return { text: text.slice(0, range.start) + CST.stringify(doc) + text.slice(range.end) };
}

/** The tokens that end the last pair of a map: where its line ending is. */
function lastTokens(map: BlockMap): SourceToken[] | undefined {
  const last = [...map.items].reverse().find((i) => i.key !== undefined) as Item | undefined;
  const value = last?.value;
  return value && 'end' in value ? (value.end as SourceToken[] | undefined) : last?.sep;
}

/** Index before the first keyed item with a larger year (keyless trailing comment items stay last). */
function insertionIndex(items: readonly Item[], year: number): number {
  let index = 0;
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    if (item.key === undefined) continue;
    const key = Number(scalarValue(item.key));
    if (Number.isFinite(key) && key > year) return i;
    index = i + 1;
  }
  return index;
}

function insertFlow(flow: FlowCollection, index: number, year: number, value: number): void {
  const item: Item = {
    start: index === 0 ? [] : [token('comma', ','), token('space', ' ')],
    key: { type: 'scalar', offset: 0, indent: 0, source: String(year) },
    sep: [token('map-value-ind', ':'), token('space', ' ')],
    value: { type: 'scalar', offset: 0, indent: 0, source: yamlNumber(value) },
  };
  const next = flow.items[index];
  const previous = flow.items[index - 1]?.value;
  if (!next && previous && 'end' in previous && previous.end) {
    // Appended: the last value's trailing whitespace and line break move after the new one.
    (item.value as CST.FlowScalar).end = previous.end;
    delete previous.end;
  }
  if (index === 0 && next) {
    // The new first item takes the old first one's leading whitespace; the old one gets a comma.
    item.start = next.start;
    next.start = [token('comma', ','), token('space', ' ')];
  }
  flow.items.splice(index, 0, item);
}

/** Adds `year: value` as its own line in a block map, at the map's indentation; a reason when it cannot. */
function insertBlock(map: BlockMap, pair: Item, year: number, value: number, eol: string): string | null {
  const index = insertionIndex(map.items, year);
  const indent = ' '.repeat(map.indent);
  const previous = index > 0 ? map.items[index - 1] : undefined;
  const previousEnd = previous?.value && 'end' in previous.value ? (previous.value.end as SourceToken[] | undefined) : undefined;
  const ending = lineEnding(index > 0 ? previousEnd : pair.sep, eol);
  const item: Item = {
    start: [token('space', indent, map.indent)],
    key: { type: 'scalar', offset: 0, indent: map.indent, source: String(year) },
    sep: [token('map-value-ind', ':', map.indent), token('space', ' ', map.indent)],
    value: { type: 'scalar', offset: 0, indent: map.indent, source: yamlNumber(value), end: [token('newline', ending, map.indent)] },
  };
  if (index === 0) {
    // The first item's indentation belongs to the line before it (the `utfall:` pair's separator).
    const first = map.items[0];
    if (!first || first.start.length > 0) return 'utfall har en form som inte kan ändras säkert; lägg in värdena för hand.';
    item.start = [];
    first.start = [token('space', indent, map.indent)];
  } else if (!previousEnd?.some((t) => t.type === 'newline')) {
    return 'utfall har en form som inte kan ändras säkert; lägg in värdena för hand.';
  }
  map.items.splice(index, 0, item as BlockMap['items'][number]);
  return null;
}
