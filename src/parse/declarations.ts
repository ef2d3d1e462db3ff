// What a file whose frontmatter does not parse still declares, read line by line: its type, its id, the ids of the
// nodes written inside it and the ids it links to. Read so that one broken file does not make every reference to
// it look unknown (the file's own error is reported; the echoes are not).
import { normalizeKey, normalizeToken } from '../files/characters.js';

/** What a broken file can be read to declare. */
export interface Declarations {
  typ?: string;
  id?: string;
  titel?: string;
  /** Ids written further in (areas and principles of a policy, focus areas of a goal), in file order. */
  inlineIds: string[];
  /** The values of each top-level key read as a list of ids (`bidrar_till: [FO1.1, FO1.2]` gives both). */
  lists: Record<string, string[]>;
}

const TOP_KEY = /^([^\s#:'"\-[\]{},][^:#]*?)[ \t]*:(?:[ \t]|$)(.*)$/;
/** `typ`, `id` or `titel` after a stray tab or space (the top level, mistyped): read when the file has no such line at the top. */
const STRAY = /^(?:\t+| )(typ|id|titel)[ \t]*:[ \t]*(.*)$/;
const INLINE_ID = /(?:^[ \t]*(?:-[ \t]+)*|[{,][ \t]*)id[ \t]*:[ \t]*("[^"\n]*"|'[^'\n]*'|[^\s,}\]#]+)/g;

/** Strips a trailing comment, surrounding space and matching quotes from a scalar written on one line. */
function scalar(raw: string): string {
  let value = raw.replace(/(^|[ \t])#.*$/, '').trim();
  if (value.length >= 2 && (value[0] === '"' || value[0] === "'") && value.endsWith(value[0]!)) value = value.slice(1, -1);
  return normalizeToken(value);
}

/** The list items of a value written in flow (`[a, b]`), block (`- a`) or scalar form, as far as they can be read. */
function items(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    const bare = line.replace(/(^|[ \t])#.*$/, '');
    for (const part of bare.split(/[[\]{},]/)) {
      const item = scalar(part.replace(/^[ \t]*(?:-[ \t]+)*/, ''));
      if (item !== '' && item !== '-' && !item.includes(':')) out.push(item);
    }
  }
  return out;
}

/** How many `[` and `{` are open after `line`, given `depth` before it (quoted text and comments aside, roughly: never below zero). */
function openAfter(depth: number, line: string): number {
  const bare = line.replace(/"[^"]*"|'[^']*'/g, '').replace(/(^|[ \t])#.*$/, '');
  let d = depth;
  for (const c of bare) {
    if (c === '[' || c === '{') d++;
    else if ((c === ']' || c === '}') && d > 0) d--;
  }
  return d;
}

/**
 * What the frontmatter text `yaml` declares, read line by line without a YAML parser: top-level `typ`, `id` and
 * `titel`, the ids of nodes written inside it, and each top-level key's value read as a list of ids. Never throws.
 */
export function readDeclarations(yaml: string): Declarations {
  const lines = yaml.split('\n');
  const found: Declarations = { inlineIds: [], lists: {} };
  let current: { key: string; text: string; depth: number } | undefined;
  const close = () => {
    if (current && !Object.hasOwn(found.lists, current.key)) found.lists[current.key] = items(current.text);
    current = undefined;
  };
  for (const line of lines) {
    const top = TOP_KEY.exec(line);
    // Inside an open flow list (`fokusområden: [` …) a line at column 1 still belongs to the list, even `id: FO1.1,`.
    const inFlow = current !== undefined && current.depth > 0;
    let ownId = false;
    if (top && !/^[ \t]/.test(line) && !inFlow) {
      close();
      const key = normalizeKey(top[1]!);
      const value = top[2]!;
      if ((key === 'typ' || key === 'id' || key === 'titel') && found[key] === undefined) {
        const v = scalar(value);
        if (v !== '') found[key] = v;
        ownId = key === 'id';
      }
      if (ownId) continue;
      current = { key, text: value, depth: openAfter(0, value) };
    } else if (current && (inFlow || /^[ \t\]}-]/.test(line) || line.trim() === '')) {
      current.text += `\n${line}`;
      current.depth = openAfter(current.depth, line);
    } else {
      close();
    }
    for (const m of line.matchAll(INLINE_ID)) {
      const id = scalar(m[1]!);
      if (id !== '') found.inlineIds.push(id);
    }
  }
  close();
  for (const line of lines) {
    const stray = STRAY.exec(line);
    if (!stray) continue;
    const key = stray[1] as 'typ' | 'id' | 'titel';
    const v = scalar(stray[2]!);
    if (found[key] === undefined && v !== '') found[key] = v;
  }
  return found;
}
