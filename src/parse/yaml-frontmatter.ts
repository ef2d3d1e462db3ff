// Parses frontmatter YAML with the `yaml` package, keeping positions so messages point at keys and values.
import { isPlainTextWithPunctuation, normalizeKey, spaceStructure, toNfc } from '../files/characters.js';
import { explainYamlError } from './yaml-errors.js';
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, Scalar, visit, YAMLMap, YAMLSeq, type Document, type Node, type Pair } from 'yaml';
import { parseYamlDocument } from './parse-yaml-document.js';
import { toPoint, walkPositions, type Found, type Locatable, type Point, type PositionNode, type YamlPath } from './locate.js';

export { locate, locateStart, startOf, toPoint, type Point, type Range, type YamlPath } from './locate.js';

export interface ParsedYaml extends Locatable {
  /**
   * The yaml package's document, for the schema checks' questions about what is written (hasKey, sourceAt,
   * writtenKeys). Absent in a file read back from the check cache, which is never validated again.
   */
  document?: Document.Parsed;
  /** The frontmatter as plain data (undefined when the YAML has errors). */
  data: unknown;
  /** The frontmatter text as parsed (unusual spaces where YAML wants white space already made plain: same offsets as written). */
  text: string;
}

export interface YamlProblem {
  kind: 'syntax' | 'duplicate-key';
  message: string;
  point: Point;
}

/** Parses frontmatter text; syntax problems are returned, not thrown. */
export function parseFrontmatterYaml(written: string, firstLine: number): { parsed: ParsedYaml; problems: YamlProblem[] } {
  const yamlText = spaceStructure(written);
  const lineCounter = new LineCounter();
  let document: Document.Parsed;
  try {
    document = parseYamlDocument(yamlText, { lineCounter, prettyErrors: false, uniqueKeys: true, version: '1.2' });
  } catch {
    // The yaml parser recurses; absurd nesting can exhaust the stack.
    const empty = parseDocument('', { lineCounter: new LineCounter() });
    return {
      parsed: parsedOf(empty, undefined, firstLine, lineCounter, yamlText),
      problems: [{ kind: 'syntax', message: 'strukturen är för djupt nästlad för att läsas', point: { line: firstLine, column: 1 } }],
    };
  }
  const parsed = parsedOf(document, undefined, firstLine, lineCounter, yamlText);
  const problems: YamlProblem[] = [];
  // Warnings too: an unresolved tag (`status: !x klar`) silently becomes text, which the writer did not mean.
  if (document.errors.length > 0 || document.warnings.length > 0) problems.push(...explainedProblems(document, yamlText, lineCounter, firstLine));
  if (problems.length === 0) {
    const marked = firstAnchorOrAlias(parsed, document);
    if (marked) problems.push(marked);
  }
  if (problems.length === 0) {
    try {
      parsed.data = normalizeData(document.toJS({ maxAliasCount: 100 }), textIsNfc(yamlText));
    } catch (error) {
      problems.push({ kind: 'syntax', message: aliasMessage(error), point: { line: firstLine, column: 1 } });
    }
  }
  return { parsed, problems };
}

/** The document's errors and warnings explained: the first syntax error, and the duplicate keys before it. */
function explainedProblems(document: Document.Parsed, yamlText: string, lineCounter: LineCounter, firstLine: number): YamlProblem[] {
  const problems: YamlProblem[] = [];
  const lines = yamlText.split('\n');
  const all = [...document.errors, ...document.warnings];
  const duplicates = all.filter((e) => e.code === 'DUPLICATE_KEY');
  const syntax = all.filter((e) => e.code !== 'DUPLICATE_KEY');
  // The first syntax error is the real one; those after it are usually its echoes, and so is a "duplicate" key
  // after it (a tab or a missing bracket moves the lines below it into another map).
  const first = syntax[0];
  const syntaxAt = Math.min(...syntax.map((e) => e.pos[0]));
  for (const error of [...(first ? [first] : []), ...duplicates.filter((e) => e.pos[0] < syntaxAt)]) {
    const explained = explainYamlError(error, yamlText, lines, (o) => lineCounter.linePos(o), firstLine);
    problems.push({
      kind: explained.duplicateKey ? 'duplicate-key' : 'syntax',
      message: explained.message,
      point: { line: explained.line + firstLine, column: explained.column + 1 },
    });
  }
  return problems;
}

/**
 * The first anchor (`&namn`) or alias (`*namn`) in the frontmatter, as a problem: a plan file has no use for them,
 * and a writer who types `titel: &Co` or `ansvarig: *IT-enheten` means text, which YAML would silently change
 * (the anchor is dropped from the value) or refuse (an alias to nothing). The fix is quoting.
 */
function firstAnchorOrAlias(parsed: ParsedYaml, document: Document.Parsed): YamlProblem | undefined {
  const text = parsed.text;
  // An anchor is written &name and an alias *name: without either character there is nothing to find.
  if (!text.includes('&') && !text.includes('*')) return undefined;
  let found: YamlProblem | undefined;
  visit(document, {
    Alias(_, node) {
      if (found || !node.range) return found ? visit.BREAK : undefined;
      const written = text.slice(node.range[0], node.range[1]);
      found = {
        kind: 'syntax',
        message: `${written} läses i YAML som en hänvisning (alias) till ett ankare &${node.source}, inte som text: * i början av ett värde inleder ett alias. Sätt värdet inom citattecken: ${keyBefore(text, node.range[0])}"${written}"`,
        point: toPoint(parsed, node.range[0]),
      };
      return visit.BREAK;
    },
    Node(_, node) {
      if (found || !node.anchor || !node.range) return found ? visit.BREAK : undefined;
      const at = text.lastIndexOf(`&${node.anchor}`, node.range[0]);
      const value = text.slice(node.range[0], node.range[1]);
      const whole = text.slice(at, node.range[1]);
      found = {
        kind: 'syntax',
        message: `&${node.anchor} i början av värdet läses i YAML som ett ankare (för alias) och försvinner ur texten, så värdet blir "${value}". Sätt hela värdet inom citattecken: ${keyBefore(text, at >= 0 ? at : node.range[0])}"${whole}"`,
        point: toPoint(parsed, at >= 0 ? at : node.range[0]),
      };
      return visit.BREAK;
    },
  });
  return found;
}

/** `titel: ` when the value at `offset` is written after a key on its line (for showing the quoted form), else ''. */
function keyBefore(text: string, offset: number): string {
  const before = text.slice(text.lastIndexOf('\n', offset - 1) + 1, offset);
  const key = /^\s*(?:-\s+)?([^\s:#"'{[,][^:#]*?)\s*:\s+$/.exec(before)?.[1];
  return key === undefined ? '' : `${key}: `;
}

/**
 * True when every text YAML can read from `yaml` is NFC already: plain text (isPlainTextWithPunctuation) is, and so is
 * what YAML makes of it (scalars, folded lines, keys written as numbers), unless an escape in double quotes
 * (`\u0301`) writes a character that is not in the text.
 */
function textIsNfc(yaml: string): boolean {
  return isPlainTextWithPunctuation(yaml) && !yaml.includes('\\');
}

/**
 * Plain data with every key as it is meant (normalizeKey) and every text in Unicode NFC. `value` is the yaml package's
 * fresh output and is changed in place where that gives the same result (a map whose keys are already as meant);
 * a map with a key to normalise is rebuilt as before (a later key that normalises to an earlier one replaces it).
 * `textsAreNfc` (see textIsNfc) skips the NFC check of every text.
 */
export function normalizeData(value: unknown, textsAreNfc = false): unknown {
  if (typeof value === 'string') return textsAreNfc ? value : toNfc(value);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = normalizeData(value[i], textsAreNfc);
    return value;
  }
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record);
    if (keys.every((key) => key !== '__proto__' && normalizeKey(key) === key)) {
      for (const key of keys) record[key] = normalizeData(record[key], textsAreNfc);
      return record;
    }
    const out: Record<string, unknown> = {};
    // Defined, not assigned: `out.__proto__ = …` would set the prototype and the key would vanish without a message.
    for (const [key, v] of Object.entries(record)) Object.defineProperty(out, normalizeKey(key), { value: normalizeData(v, textsAreNfc), enumerable: true, writable: true, configurable: true });
    return out;
  }
  return value;
}

function aliasMessage(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return /alias/i.test(text) ? 'för många alias (*namn) – skriv ut värdena i stället' : firstSentence(text);
}

function firstSentence(message: string): string {
  const line = message.split('\n')[0] ?? message;
  return line.replace(/ at line \d+, column \d+:?$/, '');
}

function parsedOf(document: Document.Parsed, data: unknown, firstLine: number, lineCounter: LineCounter, text: string): ParsedYaml {
  return { document, data, firstLine, lineStarts: lineCounter.lineStarts, text, walk: (path) => walkDocument(document.contents as Node | null, path) };
}

/** The walk of locate (src/parse/locate.ts) through the yaml document. */
function walkDocument(root: Node | null, path: YamlPath): Found {
  const found = findNode(root, path);
  return { node: spanOf(found.node), pair: found.pair !== null, key: found.pair ? spanOf(found.pair.key as Node | null) : null, depth: found.depth };
}

function spanOf(node: Node | null | undefined): Found['node'] {
  return node?.range ? { start: node.range[0], end: node.range[1], scalar: isScalar(node) } : null;
}

/** The frontmatter's nodes as offsets only (see PositionNode), for the check cache; the same walk as the document's. */
export function positionsOf(parsed: ParsedYaml): PositionNode | null {
  return parsed.document ? positionNode(parsed.document.contents as Node | null) : null;
}

/**
 * A parsed document's node as offsets only. Its nodes are the yaml package's own classes (a parsed map holds pairs), so
 * instanceof tells them apart, a cheaper test than isMap, isSeq and isScalar read from a symbol property of each node.
 */
function positionNode(node: unknown): PositionNode | null {
  if (node === null || node === undefined) return null;
  const range = (node as Node).range;
  if (!range) return [-1, -1, 0];
  if (node instanceof YAMLMap) {
    const items = node.items as Pair[];
    const entries = new Array<readonly [string | null, PositionNode | null, PositionNode | null]>(items.length);
    for (let i = 0; i < items.length; i++) {
      const { key, value } = items[i]!;
      entries[i] = [key instanceof Scalar ? normalizeKey(String(key.value)) : null, positionNode(key), positionNode(value)];
    }
    return [range[0], range[1], 2, entries];
  }
  if (node instanceof YAMLSeq) {
    const items = node.items;
    const out = new Array<PositionNode | null>(items.length);
    for (let i = 0; i < items.length; i++) out[i] = positionNode(items[i]);
    return [range[0], range[1], 3, out];
  }
  return [range[0], range[1], node instanceof Scalar ? 1 : 0];
}

/** `parsed` without its yaml document: the same positions, walked through offsets only (see PositionNode). */
export function withoutDocument(parsed: ParsedYaml): ParsedYaml {
  const root = positionsOf(parsed);
  return { data: parsed.data, firstLine: parsed.firstLine, lineStarts: parsed.lineStarts, text: parsed.text, walk: (path) => walkPositions(root, path) };
}

/** True when the map at `path` has the key `key` (even with a null value). */
export function hasKey(parsed: ParsedYaml, path: YamlPath, key: string): boolean {
  const found = findNode((parsed.document?.contents ?? null) as Node | null, path);
  return isMap(found.node) && found.depth === path.length && found.node.items.some((p) => scalarKey(p) === key);
}

interface DocumentFound {
  node: Node | null;
  pair: Pair | null;
  depth: number;
}

function findNode(root: Node | null, path: YamlPath): DocumentFound {
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
  return isScalar(key) ? normalizeKey(String(key.value)) : undefined;
}

/** The value at `path` as written in the frontmatter (quotes included), or undefined when the path is not there. */
export function sourceAt(parsed: ParsedYaml, path: YamlPath): string | undefined {
  const found = findNode((parsed.document?.contents ?? null) as Node | null, path);
  if (found.depth !== path.length || !found.node?.range) return undefined;
  return parsed.text.slice(found.node.range[0], found.node.range[1]);
}

/** The keys of the map at `path` in the order they are written (plain data puts number-like keys first). */
export function writtenKeys(parsed: ParsedYaml, path: YamlPath): string[] {
  const found = findNode((parsed.document?.contents ?? null) as Node | null, path);
  if (found.depth !== path.length || !isMap(found.node)) return [];
  return found.node.items.map((p) => scalarKey(p)).filter((k): k is string => k !== undefined);
}
