// Reads `sparbar.config.json`, the plans folder's configuration (the site's settings and the check's rules), as JSON
// with positions: each part that reads it (src/rules/settings.ts for `regler`, the site for its keys) can point at
// the line and column of a key or value it finds wrong. Valid JSON is valid YAML 1.2 with the same structure, so
// the yaml package's document gives the positions; JSON.parse decides what is valid.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node, type Pair } from 'yaml';

/** The configuration file's name in the plans folder. */
export const CONFIG_FILE = 'sparbar.config.json';

/** A 1-based line and column in the configuration file. */
export interface ConfigPoint {
  line: number;
  column: number;
}

/** A position with the end of what it points at (exclusive), when known. */
export interface ConfigRange extends ConfigPoint {
  end?: ConfigPoint;
}

export type ConfigPath = readonly (string | number)[];

export interface ConfigFile {
  /** The file's path as given or found (absolute when found in the plans folder). */
  path: string;
  /** The parsed JSON, or undefined when the file is not valid JSON (see `error`). */
  data: unknown;
  /** Why the file is not valid JSON, and where, when it is not. */
  error?: { message: string; at: ConfigPoint };
  /** Where the key (or value) at `path` is written; the nearest ancestor's place when the path goes further than the file. */
  locate(path: ConfigPath, at?: 'key' | 'value'): ConfigRange;
}

/**
 * The configuration file of the plans folder `plansDir` (or `explicitPath`), or null when there is none. Never
 * throws on the file's content: a file that is not JSON comes back with `error`; one that cannot be read too.
 */
export function readConfigFile(plansDir: string, explicitPath?: string): ConfigFile | null {
  const file = explicitPath ?? path.join(plansDir, CONFIG_FILE);
  if (!existsSync(file)) return null;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    return withoutData(file, `filen gick inte att läsa (${(error as NodeJS.ErrnoException).code ?? 'okänt fel'})`, { line: 1, column: 1 });
  }
  return parseConfigText(text, file);
}

/** The configuration in `text` (the file at `file`), as readConfigFile gives it. */
export function parseConfigText(text: string, file: string): ConfigFile {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const lineCounter = new LineCounter();
  const pointAt = (offset: number): ConfigPoint => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  let data: unknown;
  try {
    data = JSON.parse(source);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    // V8 names the offset ("… in JSON at position 42"); line and column are counted from it.
    const offset = Number(/position (\d+)/.exec(detail)?.[1] ?? 0);
    parseDocument(source, { lineCounter });
    return withoutData(file, `filen är inte giltig JSON (${detail})`, pointAt(Math.min(offset, source.length)));
  }
  let document: Document.Parsed | undefined;
  try {
    document = parseDocument(source, { lineCounter, uniqueKeys: false });
  } catch {
    document = undefined;
  }
  return {
    path: file,
    data,
    locate(at, where = 'key') {
      const found = findNode((document?.contents as Node | null | undefined) ?? null, at);
      const target = where === 'key' && found.pair && found.depth === at.length ? (found.pair.key as Node | null) : found.node;
      const range = target?.range ?? found.node?.range;
      if (!range) return { line: 1, column: 1 };
      return { ...pointAt(range[0]), end: pointAt(range[1]) };
    },
  };
}

function withoutData(file: string, message: string, at: ConfigPoint): ConfigFile {
  return { path: file, data: undefined, error: { message, at }, locate: () => at };
}

function findNode(root: Node | null, at: ConfigPath): { node: Node | null; pair: Pair | null; depth: number } {
  let node = root;
  let pair: Pair | null = null;
  let depth = 0;
  for (const segment of at) {
    if (isMap(node)) {
      const hit = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(segment));
      if (!hit) break;
      pair = hit;
      node = (hit.value as Node | null) ?? null;
    } else if (isSeq(node) && typeof segment === 'number' && node.items[segment]) {
      pair = null;
      node = node.items[segment] as Node;
    } else {
      break;
    }
    depth++;
  }
  return { node, pair, depth };
}
