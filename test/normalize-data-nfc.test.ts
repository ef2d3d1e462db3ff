// parseFrontmatterYaml skips the NFC check of every text when the frontmatter is plain text without a backslash
// (normalizeData's textsAreNfc): the data must be what the full normalisation gives, for every frontmatter of the
// example plan and the fixtures and for seeded mutations that add escapes in double quotes (\u0301, \xE5, \N, …),
// combining marks written as they are, and other characters past the plain range.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { prng } from '../bench/generate-plan.js';
import { spaceStructure } from '../src/files/characters.js';
import { normalizeData, parseFrontmatterYaml } from '../src/parse/yaml-frontmatter.js';

function markdownFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? markdownFiles(full) : name.endsWith('.md') ? [full] : [];
  });
}

function frontmatterOf(text: string): string | undefined {
  const end = text.indexOf('\n---\n', 3);
  return text.startsWith('---\n') && end !== -1 ? text.slice(4, end + 1) : undefined;
}

/** The data with every text checked for NFC, or undefined when the frontmatter has problems. */
function fullyNormalized(source: string): unknown {
  const { problems } = parseFrontmatterYaml(source, 2);
  if (problems.length > 0) return undefined;
  return normalizeData(parseDocument(spaceStructure(source), { uniqueKeys: true, version: '1.2' }).toJS({ maxAliasCount: 100 }));
}

function texts(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(texts);
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => [k, ...texts(v)]);
  return [];
}

describe('frontmatter data without the NFC check of plain text', () => {
  const sources = [...markdownFiles('plans'), ...markdownFiles('test/fixtures')].flatMap((f) => frontmatterOf(readFileSync(f, 'utf8')) ?? []);

  it('is the fully normalised data for every frontmatter of the example plan and the fixtures', () => {
    expect(sources.length).toBeGreaterThan(500);
    for (const source of sources) {
      const { parsed, problems } = parseFrontmatterYaml(source, 2);
      if (problems.length === 0) expect(parsed.data).toEqual(fullyNormalized(source));
    }
  });

  it('is the fully normalised data, every text NFC, for seeded escapes and combining marks', () => {
    const rng = prng(23);
    const inserts = ['"e\\u0301"', '"a\\u030a och o\\u0308"', '"\\xE5"', '"\\N"', '"\\t"', 'e\u0301', 'a\u030a', 'Å', '\u00a0', '–', '"\\\\"', '\\'];
    let compared = 0;
    for (let i = 0; i < 3000; i++) {
      const source = rng.pick(sources);
      // An insert as the value after a key's colon and space, in place of the rest of the line or before it.
      const colons = [...source.matchAll(/: /g)].map((m) => m.index! + 2);
      if (colons.length === 0) continue;
      const at = rng.pick(colons);
      const lineEnd = source.indexOf('\n', at);
      const mutated = source.slice(0, at) + rng.pick(inserts) + (rng.chance(0.7) ? source.slice(lineEnd) : source.slice(at));
      const { parsed, problems } = parseFrontmatterYaml(mutated, 2);
      if (problems.length > 0) continue;
      compared++;
      expect(parsed.data).toEqual(fullyNormalized(mutated));
      for (const text of texts(parsed.data)) expect(text.normalize('NFC')).toBe(text);
    }
    expect(compared).toBeGreaterThan(500);
  });
});
