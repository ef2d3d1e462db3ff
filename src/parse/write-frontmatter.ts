// Writes the frontmatter of a new plan file with the yaml package, never by hand: any title, owner or text
// reads back exactly as given (`2026`, `true`, `null`, `0123`, `a: b`, `#`, quotes, line breaks, NFD, emoji),
// and text a person typed is also quoted wherever a YAML 1.1 reader (yes, no, on, off, 1:20, dates) would
// read it as something else. Comments (a guide, optional keys left for the user) are written as comments.
import { Document, isCollection, isScalar, type Node, type Pair, type YAMLMap } from 'yaml';

/** One key of new frontmatter. */
export interface FrontmatterEntry {
  key: string;
  /** A string, number, boolean, list or map. */
  value: unknown;
  /** A list or map on one line: `[FO2.1, FO2.2]`, `{från: 2025-01-01, till: 2028-12-31}`. */
  flow?: boolean;
  /** A comment after the value on the same line (without `#`). */
  comment?: string;
  /** Comment lines before the key (without `#`), such as optional keys left for the user to fill in. */
  before?: readonly string[];
  /** Text a person typed (a title, an owner): quoted whenever any YAML reader could read it as something else. */
  text?: boolean;
}

export interface FrontmatterOptions {
  /** Comment lines at the top (without `#`). */
  guide?: readonly string[];
  /** Comment lines after the last key (without `#`). */
  after?: readonly string[];
}

/** Plain scalars that YAML 1.1 readers turn into booleans, numbers, dates or merge keys (1.2 reads them as text). */
const YAML_11_SPECIAL = [
  /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/,
  /^[-+]?(?:0b[01_]+|0[0-7_]+|0x[0-9a-fA-F_]+|[1-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?|[0-9][0-9_]*)$/,
  /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*(?:[eE][-+][0-9]+)?$/,
  /^\d{4}-\d\d?-\d\d?(?:$|[Tt ]|\s)/,
  /^(?:=|<<)$/,
];

const commentOf = (lines: readonly string[]) => lines.map((l) => ` ${l}`).join('\n');

/** The YAML text (without the `---` lines) of a map with `entries`, in their order. */
export function writeFrontmatter(entries: readonly FrontmatterEntry[], options: FrontmatterOptions = {}): string {
  const doc = new Document({}, { version: '1.2' });
  const map = doc.contents as YAMLMap;
  for (const entry of entries) {
    const key = doc.createNode(entry.key) as Node;
    const value = doc.createNode(entry.value) as Node;
    if (entry.flow && isCollection(value)) value.flow = true;
    if (entry.text && isScalar(value) && typeof value.value === 'string' && YAML_11_SPECIAL.some((re) => re.test(value.value as string))) value.type = 'QUOTE_DOUBLE';
    if (entry.comment) value.comment = ` ${entry.comment}`;
    if (entry.before?.length) key.commentBefore = commentOf(entry.before);
    map.items.push(doc.createPair(key, value) as Pair);
  }
  const guide = options.guide ?? [];
  if (guide.length > 0) {
    const first = map.items[0]?.key as Node | undefined;
    if (first) first.commentBefore = [commentOf(guide), first.commentBefore].filter(Boolean).join('\n');
  }
  if (options.after?.length) map.comment = commentOf(options.after);
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}

/** A whole new plan file: the frontmatter between `---` lines, then `body` (LF line endings). */
export function writePlanFile(entries: readonly FrontmatterEntry[], options: FrontmatterOptions & { body?: string } = {}): string {
  return `---\n${writeFrontmatter(entries, options)}---\n${options.body ?? ''}`;
}
