import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { splitFrontmatter } from '../src/parse/frontmatter.js';

// The checker splits frontmatter itself (remark over every body is ~9× slower); it must agree with remark-frontmatter.
const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']);

function remarkYaml(text: string): { value: string; endLine: number } | undefined {
  const tree = processor.parse(text);
  const first = tree.children[0];
  if (first?.type !== 'yaml') return undefined;
  return { value: first.value, endLine: first.position!.end.line };
}

function ours(text: string): { value: string; endLine: number } | undefined {
  const split = splitFrontmatter(text);
  if (split.kind !== 'frontmatter') return undefined;
  return { value: split.yaml.replace(/\n$/, ''), endLine: split.bodyLine - 1 };
}

function markdownFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? markdownFiles(p) : p.endsWith('.md') ? [p] : [];
  });
}

describe('splitFrontmatter agrees with remark-frontmatter', () => {
  const cases: [string, string][] = [
    ['plain', '---\ntyp: mål\nid: M1\n---\n# Rubrik\n'],
    ['trailing spaces on fences', '---  \ntyp: mål\n---\t\ntext'],
    ['empty frontmatter', '---\n---\ntext'],
    ['no body', '---\ntyp: mål\n---'],
    ['thematic break later', 'text\n\n---\n\nmer'],
    ['four dashes is no fence', '----\ntyp: mål\n----\n'],
    ['indented fence is no fence', ' ---\ntyp: mål\n---\n'],
    ['dashes inside a value', '---\ntitel: "a --- b"\n---\n'],
  ];
  it.each(cases)('%s', (_name, text) => {
    expect(ours(text)).toEqual(remarkYaml(text));
  });

  it('on every file of the example plan', () => {
    const files = markdownFiles('plans');
    expect(files.length).toBeGreaterThan(100);
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      expect(ours(text), file).toEqual(remarkYaml(text));
    }
  });
});
