// splitFrontmatter looks at each line in place (isFence) instead of copying it and testing /^---[ \t]*$/: the same
// split as the regular expression on a copy of every line, for every file of the example plan and the fixtures and
// for seeded texts made of fence-like lines.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { prng } from '../bench/generate-plan.js';
import { splitFrontmatter, type FrontmatterSplit } from '../src/parse/frontmatter.js';

/** splitFrontmatter as it was written before: each line copied and tested with the regular expression. */
function byRegExp(text: string): FrontmatterSplit {
  const FENCE = /^---[ \t]*$/;
  const firstEnd = text.indexOf('\n');
  const firstLine = firstEnd === -1 ? text : text.slice(0, firstEnd);
  if (!FENCE.test(firstLine)) return { kind: 'none', body: text };
  if (firstEnd === -1) return { kind: 'unclosed', yamlLine: 2 };
  let start = firstEnd + 1;
  let line = 2;
  while (start <= text.length) {
    const end = text.indexOf('\n', start);
    const current = end === -1 ? text.slice(start) : text.slice(start, end);
    if (FENCE.test(current)) return { kind: 'frontmatter', yaml: text.slice(firstEnd + 1, start), yamlLine: 2, body: end === -1 ? '' : text.slice(end + 1), bodyLine: line + 1 };
    if (end === -1) break;
    start = end + 1;
    line++;
  }
  return { kind: 'unclosed', yamlLine: 2 };
}

function markdownFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? markdownFiles(full) : name.endsWith('.md') ? [full] : [];
  });
}

describe('splitFrontmatter without copying lines', () => {
  it('splits every file of the example plan and the fixtures as the regular expression does', () => {
    const files = [...markdownFiles('plans'), ...markdownFiles('test/fixtures')];
    expect(files.length).toBeGreaterThan(500);
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      expect(splitFrontmatter(text)).toEqual(byRegExp(text));
    }
  });

  it('splits 20,000 seeded texts of fence-like lines as the regular expression does', () => {
    const rng = prng(17);
    const lines = ['---', '--- ', '---\t', '---  \t ', '----', '--', '-', ' ---', '---x', '--- x', '---\r', '\t---', 'typ: mål', '', '- a', '...', '-- -'];
    const kinds = new Map<string, number>();
    for (let i = 0; i < 20_000; i++) {
      const parts: string[] = [];
      for (let k = rng.int(0, 6); k > 0; k--) parts.push(rng.pick(lines));
      const text = parts.join('\n') + (rng.chance(0.5) ? '\n' : '');
      const split = splitFrontmatter(text);
      expect(split).toEqual(byRegExp(text));
      kinds.set(split.kind, (kinds.get(split.kind) ?? 0) + 1);
    }
    for (const kind of ['none', 'unclosed', 'frontmatter']) expect(kinds.get(kind)).toBeGreaterThan(1000);
  });
});
