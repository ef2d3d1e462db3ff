// Where a frontmatter value or key is written in its file: the positions the graph and the rules point messages at.
// Works on any ParsedYaml, one parsed now (its walk goes through the yaml package's document) or one read back from
// the check cache (its walk goes through the stored YamlPositions), so that the graph's code never needs the YAML
// parser to place a message.

export type YamlPath = readonly (string | number)[];

export interface Point {
  line: number;
  column: number;
}

/** A position and, when it points at a key or a single value, where that ends (the column after its last character). */
export interface Range extends Point {
  end?: Point;
}

/** A node's offsets in the frontmatter text, and whether it is a scalar (one value, which a message can underline). */
export interface NodeSpan {
  start: number;
  end: number;
  scalar: boolean;
}

/** What a walk down a path found: the deepest node reached, the key of the map entry it is the value of, and how far it got. */
export interface Found {
  node: NodeSpan | null;
  /** True when the last step went into a map entry (then `key` is that entry's key, when it has one). */
  pair: boolean;
  key: NodeSpan | null;
  /** How many segments of the path were followed. */
  depth: number;
}

/** The parts of a parsed frontmatter that positions need (see ParsedYaml in yaml-frontmatter.ts). */
export interface Locatable {
  /** 1-based line in the file of the frontmatter's first line. */
  firstLine: number;
  /** Offset of each line's start in the frontmatter text (the yaml package's LineCounter.lineStarts). */
  lineStarts: readonly number[];
  /** Walks `path` from the top-level node: into a map by key (as meant, normalizeKey), into a list by index. */
  walk: (path: YamlPath) => Found;
}

/**
 * Position in the file of the value at `path`, or of its key when `at` is 'key'; falls back to the nearest ancestor.
 * For a key or a scalar value the range has its `end`, so a message can underline it; a list or map has only its start.
 */
export function locate(parsed: Locatable, path: YamlPath, at: 'key' | 'value' = 'value'): Range {
  const found = parsed.walk(path);
  let target: NodeSpan | null = null;
  if (found.pair && at === 'key' && found.depth === path.length) target = found.key;
  if (!target && found.node) target = found.node;
  if (!target && found.pair) target = found.key;
  if (!target) return toPoint(parsed, 0);
  const start = toPoint(parsed, target.start);
  return target.scalar && target.end > target.start ? { ...start, end: toPoint(parsed, target.end) } : start;
}

/** Only the start of a range: where a node or a link is written, as the graph keeps it. */
export function startOf(range: Range): Point {
  return { line: range.line, column: range.column };
}

/** Position of the first key of the top-level map (where a missing top-level key is reported). */
export function locateStart(parsed: Locatable): Point {
  return toPoint(parsed, parsed.walk([]).node?.start ?? 0);
}

/** The file position of an offset in the frontmatter text (the yaml package's LineCounter.linePos, shifted to the file). */
export function toPoint(parsed: Locatable, offset: number): Point {
  const starts = parsed.lineStarts;
  let low = 0;
  let high = starts.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (starts[mid]! < offset) low = mid + 1;
    else high = mid;
  }
  let line: number;
  let col: number;
  if (starts[low] === offset) {
    line = low + 1;
    col = 1;
  } else if (low === 0) {
    line = 0;
    col = offset;
  } else {
    line = low;
    col = offset - starts[low - 1]! + 1;
  }
  return { line: line + parsed.firstLine - 1, column: col };
}

/**
 * A frontmatter's nodes as offsets only, for the check cache: `[start, end, kind, children]`, where kind is 0 for a
 * node that cannot be walked into (an alias, or an entry written inside a list without a range), 1 a scalar, 2 a map
 * (children: `[key as meant or null, key, value]` per entry) and 3 a list (children: the items).
 */
export type PositionNode =
  | readonly [start: number, end: number, kind: 0 | 1]
  | readonly [start: number, end: number, kind: 2, entries: readonly (readonly [name: string | null, key: PositionNode | null, value: PositionNode | null])[]]
  | readonly [start: number, end: number, kind: 3, items: readonly (PositionNode | null)[]]
  | readonly [start: -1, end: -1, kind: 0];

/** The walk of a frontmatter read back from its positions: the same steps as the walk over the yaml document. */
export function walkPositions(root: PositionNode | null, path: YamlPath): Found {
  let node: PositionNode | null = root;
  let key: PositionNode | null = null;
  let pair = false;
  let depth = 0;
  for (const segment of path) {
    if (node !== null && node[2] === 2) {
      const name = String(segment);
      const hit = node[3].find((entry) => entry[0] === name);
      if (!hit) break;
      pair = true;
      key = hit[1];
      node = hit[2];
    } else if (node !== null && node[2] === 3 && typeof segment === 'number') {
      const item = node[3][segment];
      if (!item) break;
      pair = false;
      key = null;
      node = item;
    } else {
      break;
    }
    depth++;
  }
  return { node: spanOf(node), pair, key: pair ? spanOf(key) : null, depth };
}

function spanOf(node: PositionNode | null): NodeSpan | null {
  return node === null || node[0] < 0 ? null : { start: node[0], end: node[1], scalar: node[2] === 1 };
}
