// Parses frontmatter YAML with the `yaml` package, keeping positions so messages point at keys and values.
import { explainYamlError } from './yaml-errors.js';
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node, type Pair } from 'yaml';

export type YamlPath = readonly (string | number)[];

export interface Point {
  line: number;
  column: number;
}

export interface ParsedYaml {
  document: Document.Parsed;
  /** The frontmatter as plain data (undefined when the YAML has errors). */
  data: unknown;
  /** 1-based line in the file of the frontmatter's first line. */
  firstLine: number;
  lineCounter: LineCounter;
}

export interface YamlProblem {
  kind: 'syntax' | 'duplicate-key';
  message: string;
  point: Point;
}

/** Parses frontmatter text; syntax problems are returned, not thrown. */
export function parseFrontmatterYaml(yamlText: string, firstLine: number): { parsed: ParsedYaml; problems: YamlProblem[] } {
  const lineCounter = new LineCounter();
  let document: Document.Parsed;
  try {
    document = parseDocument(yamlText, { lineCounter, prettyErrors: false, uniqueKeys: true, version: '1.2' });
  } catch {
    // The yaml parser recurses; absurd nesting can exhaust the stack.
    const empty = parseDocument('', { lineCounter: new LineCounter() });
    return {
      parsed: { document: empty, data: undefined, firstLine, lineCounter },
      problems: [{ kind: 'syntax', message: 'strukturen är för djupt nästlad för att läsas', point: { line: firstLine, column: 1 } }],
    };
  }
  const parsed: ParsedYaml = { document, data: undefined, firstLine, lineCounter };
  const problems: YamlProblem[] = [];
  const lines = yamlText.split('\n');
  let syntaxReported = false;
  for (const error of document.errors) {
    const explained = explainYamlError(error, yamlText, lines, (o) => lineCounter.linePos(o));
    // The first syntax error is the real one; those after it are usually its echoes.
    if (!explained.duplicateKey && syntaxReported) continue;
    if (!explained.duplicateKey) syntaxReported = true;
    problems.push({
      kind: explained.duplicateKey ? 'duplicate-key' : 'syntax',
      message: explained.message,
      point: { line: explained.line + firstLine, column: explained.column + 1 },
    });
  }
  if (problems.length === 0) {
    try {
      parsed.data = document.toJS({ maxAliasCount: 100 });
    } catch (error) {
      problems.push({ kind: 'syntax', message: aliasMessage(error), point: { line: firstLine, column: 1 } });
    }
  }
  return { parsed, problems };
}

function aliasMessage(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return /alias/i.test(text) ? 'för många alias (*namn) – skriv ut värdena i stället' : firstSentence(text);
}

function firstSentence(message: string): string {
  const line = message.split('\n')[0] ?? message;
  return line.replace(/ at line \d+, column \d+:?$/, '');
}

/** Position in the file of the value at `path`, or of its key when `at` is 'key'; falls back to the nearest ancestor. */
export function locate(parsed: ParsedYaml, path: YamlPath, at: 'key' | 'value' = 'value'): Point {
  const found = findNode(parsed.document.contents as Node | null, path);
  let offset: number | undefined;
  if (found.pair && at === 'key' && found.depth === path.length) {
    offset = (found.pair.key as Node | null)?.range?.[0];
  }
  if (offset === undefined && found.node?.range) offset = found.node.range[0];
  if (offset === undefined && found.pair) offset = (found.pair.key as Node | null)?.range?.[0];
  return toPoint(parsed, offset ?? 0);
}

/** The file position of an offset in the frontmatter text. */
export function toPoint(parsed: ParsedYaml, offset: number): Point {
  const { line, col } = parsed.lineCounter.linePos(offset);
  return { line: line + parsed.firstLine - 1, column: col };
}

/** Position of the first key of the top-level map (where a missing top-level key is reported). */
export function locateStart(parsed: ParsedYaml): Point {
  const contents = parsed.document.contents as Node | null;
  return toPoint(parsed, contents?.range?.[0] ?? 0);
}

/** True when the map at `path` has the key `key` (even with a null value). */
export function hasKey(parsed: ParsedYaml, path: YamlPath, key: string): boolean {
  const found = findNode(parsed.document.contents as Node | null, path);
  return isMap(found.node) && found.depth === path.length && found.node.items.some((p) => scalarKey(p) === key);
}

interface Found {
  node: Node | null;
  pair: Pair | null;
  depth: number;
}

function findNode(root: Node | null, path: YamlPath): Found {
  let node: Node | null = root;
  let pair: Pair | null = null;
  let depth = 0;
  for (const segment of path) {
    if (isMap(node)) {
      const hit = node.items.find((p) => scalarKey(p) === String(segment));
      if (!hit) break;
      pair = hit;
      node = (hit.value as Node | null) ?? null;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment] as Node | undefined;
      if (!item) break;
      pair = null;
      node = item;
    } else {
      break;
    }
    depth++;
  }
  return { node, pair, depth };
}

function scalarKey(pair: Pair): string | undefined {
  if (!isPair(pair)) return undefined;
  const key = pair.key;
  return isScalar(key) ? String(key.value) : undefined;
}
