// What one commit changed in a plan file, in plain Swedish, for the change history on the site: "Skapades",
// "Slutdatum: 2026-06-30 → 2026-12-31 (senareläggs 6 månader)", "Beskrivningen har ändrats.". The field
// words are the plan diff's (src/diff/format-markdown.ts), so the history and "Ändringar sedan antagandet" agree.
import { parse } from 'yaml';
import { describeChange } from '../diff/format-markdown.js';
import type { FieldChange } from '../diff/diff-types.js';
import { sameValue } from '../diff/stable-json.js';
import { splitFrontmatter } from '../parse/frontmatter.js';

/** A file version read as its frontmatter's top-level keys and its body; null when it cannot be read as one. */
function readVersion(text: string): { fields: Record<string, unknown>; body: string } | null {
  const split = splitFrontmatter(text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n'));
  if (split.kind !== 'frontmatter') return null;
  try {
    const data = parse(split.yaml, { maxAliasCount: 100 }) as unknown;
    if (data === null || typeof data !== 'object' || Array.isArray(data)) return null;
    return { fields: data as Record<string, unknown>, body: split.body.trim() };
  } catch {
    return null;
  }
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
  if (after === undefined) return ['Togs bort'];
  if (before === undefined) return ['Skapades'];
  const a = readVersion(after);
  const b = readVersion(before);
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
