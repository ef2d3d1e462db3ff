// What one commit changed in a plan file, in plain Swedish, for the change history on the site: "Skapades",
// "Slutdatum: 2026-06-30 → 2026-12-31 (senareläggs 6 månader)", "Beskrivningen har ändrats.". The field
// words are the plan diff's (src/diff/format-markdown.ts), so the history and "Ändringar sedan antagandet" agree.
import { describeChange } from '../diff/format-markdown.js';
import type { FieldChange } from '../diff/diff-types.js';
import { sameValue } from '../diff/stable-json.js';
import { splitFrontmatter } from '../parse/frontmatter.js';
import { parseYaml } from '../parse/parse-yaml-document.js';

/** A file version's frontmatter as YAML gives it (any value) and its body; null when it has no frontmatter or its YAML does not parse. */
export interface VersionText {
  data: unknown;
  body: string;
}

/**
 * Reads a file version's text as frontmatter and body (a BOM and CR line ends taken out first). The history reads
 * each version once with it and shares the result between the comparisons the version takes part in; callers must
 * not change the data.
 */
export function readVersionText(text: string): VersionText | null {
  const split = splitFrontmatter(text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n'));
  if (split.kind !== 'frontmatter') return null;
  try {
    return { data: parseYaml(split.yaml, { maxAliasCount: 100 }), body: split.body };
  } catch {
    return null;
  }
}

/** A file version read as its frontmatter's top-level keys and its body; null when it cannot be read as one. */
function readVersion(read: VersionText | null): { fields: Record<string, unknown>; body: string } | null {
  if (read === null) return null;
  const data = read.data;
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return null;
  return { fields: data as Record<string, unknown>, body: read.body.trim() };
}

/** Markdown escapes of the diff's words taken out: the site writes plain text. */
const plain = (line: string) => line.replace(/\\([\\`*_{}[\]<>|#~!])/g, '$1');

/**
 * What changed from `before` to `after` (two versions of one plan file's text), one line each in Swedish:
 * `Skapades` when there is no `before`, `Togs bort` when there is no `after`, one line per changed frontmatter
 * key and the body, `Flyttades till en annan fil` for a rename alone, and `Bara formen ändrades` when the
 * values are the same (spacing, quoting, comments). No file paths.
 */
export function describeVersion(before: string | undefined, after: string | undefined, renamed = false): string[] {
  return describeRead(before === undefined ? undefined : () => readVersionText(before), after === undefined ? undefined : () => readVersionText(after), renamed);
}

/**
 * describeVersion on versions read with readVersionText: each side undefined when there is no such version,
 * otherwise a function giving its reading (called only when the words need it).
 */
export function describeRead(before: (() => VersionText | null) | undefined, after: (() => VersionText | null) | undefined, renamed = false): string[] {
  if (after === undefined) return ['Togs bort'];
  if (before === undefined) return ['Skapades'];
  const a = readVersion(after());
  const b = readVersion(before());
  if (a === null || b === null) return ['Filen ändrades (en av versionerna går inte att läsa som planfil)'];
  const changes: FieldChange[] = [];
  const keys = [...new Set([...Object.keys(b.fields), ...Object.keys(a.fields)])].filter((k) => k !== 'typ');
  for (const k of keys) {
    const x = b.fields[k] ?? null;
    const y = a.fields[k] ?? null;
    if (!sameValue(x, y)) changes.push({ field: k, before: x, after: y });
  }
  if (a.body !== b.body) changes.push({ field: 'text', before: b.body, after: a.body });
  const lines = changes.flatMap((c) => describeChange(c).map(plain));
  if (renamed) lines.push('Flyttades till en annan fil');
  return lines.length > 0 ? lines : ['Bara formen ändrades, inte innehållet'];
}
