// Swedish words for values and paths in messages.
import type { YamlPath } from '../parse/yaml-frontmatter.js';

const TYPE_WORDS: Record<string, string> = {
  string: 'en text',
  number: 'ett tal',
  int: 'ett heltal',
  array: 'en lista',
  object: 'en samling nycklar (nyckel: värde)',
  record: 'en samling nycklar (nyckel: värde)',
  boolean: 'sant eller falskt',
  null: 'tomt',
};

/** "en text", "ett tal", … for a zod type name. */
export function typeWord(expected: string): string {
  return TYPE_WORDS[expected] ?? expected;
}

/** What a parsed YAML value is, in Swedish: "en text", "en lista", "tomt", … */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'tomt';
  if (Array.isArray(value)) return 'en lista';
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return 'inget tal (.nan)';
    if (!Number.isFinite(value)) return value > 0 ? 'ett tal som är för stort att räkna med' : 'ett tal som är för litet att räkna med';
    return Number.isInteger(value) ? 'ett heltal' : 'ett decimaltal';
  }
  if (typeof value === 'boolean') return 'sant eller falskt';
  if (typeof value === 'object') return 'en samling nycklar';
  return 'en text';
}

/** A path as a strategist reads it: `giltighet.till`, `områden[1].styrprinciper[3].id`. */
export function pathLabel(path: YamlPath): string {
  let label = '';
  for (const segment of path) {
    if (typeof segment === 'number') label += `[${segment}]`;
    else label += label ? `.${segment}` : segment;
  }
  return label;
}

/** The value at `path` in plain data, or undefined. */
export function valueAt(data: unknown, path: YamlPath): unknown {
  let current: unknown = data;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current;
}
