// parseYamlDocument (src/parse/parse-yaml-document.ts) is yaml's parseDocument with a stand-in process.env during the
// call: the same documents, errors and positions on every frontmatter of the example plan and the fixtures, on seeded
// mutations of them, and the real environment back afterwards, also when parsing throws.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isNode, LineCounter, parseDocument, visit, type Document } from 'yaml';
import { prng } from '../bench/generate-plan.js';
import { parseYamlDocument } from '../src/parse/parse-yaml-document.js';

function markdownFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? markdownFiles(full) : name.endsWith('.md') ? [full] : [];
  });
}

/** The text between the first two `---` lines, or the whole file when there are none. */
function frontmatterOf(text: string): string {
  const end = text.indexOf('\n---\n', 3);
  return text.startsWith('---\n') && end !== -1 ? text.slice(4, end + 1) : text;
}

/** Everything the checker reads from a document: data, every node's kind and range, errors, warnings, line starts. */
function shapeOf(document: Document.Parsed, lineCounter: LineCounter): unknown {
  const nodes: unknown[] = [];
  visit(document, (key, node) => {
    if (isNode(node)) nodes.push([key, node.constructor.name, node.range, node.anchor]);
  });
  const attempt = (f: () => unknown): unknown => {
    try {
      return f();
    } catch (error) {
      return String(error);
    }
  };
  const problems = (list: Document.Parsed['errors']) => list.map((e) => [e.name, e.code, e.pos, e.message]);
  return { data: attempt(() => document.toJS({ maxAliasCount: 100 })), nodes, errors: problems(document.errors), warnings: problems(document.warnings), lines: lineCounter.lineStarts, text: attempt(() => String(document)) };
}

function both(source: string): [unknown, unknown] {
  const options = { prettyErrors: false, uniqueKeys: true, version: '1.2' } as const;
  const a = new LineCounter();
  const b = new LineCounter();
  return [shapeOf(parseYamlDocument(source, { ...options, lineCounter: a }), a), shapeOf(parseDocument(source, { ...options, lineCounter: b }), b)];
}

describe('parseYamlDocument', () => {
  const sources = [...markdownFiles('plans'), ...markdownFiles('test/fixtures')].map((f) => frontmatterOf(readFileSync(f, 'utf8')));

  it('gives the document yaml gives, for every frontmatter of the example plan and the fixtures', () => {
    expect(sources.length).toBeGreaterThan(500);
    for (const source of sources) {
      const [ours, theirs] = both(source);
      expect(ours).toEqual(theirs);
    }
  });

  it('gives the document yaml gives, for seeded mutations (broken YAML included)', () => {
    const rng = prng(11);
    const pieces = [':', '- ', '[', ']', '{', '}', '"', "'", '&a ', '*a', '!x ', '\t', '  ', '\n', '#', '---\n', '? ', '|', '>', 'typ: mål\n'];
    let broken = 0;
    for (let i = 0; i < 2000; i++) {
      let source = rng.pick(sources);
      for (let k = rng.int(1, 3); k > 0; k--) {
        const at = rng.int(0, source.length);
        source = source.slice(0, at) + rng.pick(pieces) + source.slice(at + (rng.chance(0.3) ? 1 : 0));
      }
      const [ours, theirs] = both(source);
      expect(ours).toEqual(theirs);
      if ((ours as { errors: unknown[] }).errors.length > 0) broken++;
    }
    expect(broken).toBeGreaterThan(200);
  });

  it('puts the real process.env back, also when parsing throws', () => {
    const env = process.env;
    parseYamlDocument('typ: mål\n', {});
    expect(process.env).toBe(env);
    // @ts-expect-error an unknown version makes yaml throw
    expect(() => parseYamlDocument('typ: mål\n', { version: '9.9' })).toThrow();
    expect(process.env).toBe(env);
  });
});
