// Data flows one way: files, parse, validate, graph, then the consumers. This test reads every import in src/
// (static, type-only, re-exports and dynamic import()) and fails on any that runs upward or sideways.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * The layers of src/, lowest first. A folder may import from its own folder and from folders in lower layers;
 * folders in the same layer do not import each other. A new folder goes into the lowest layer above everything
 * it imports (and below everything that imports it).
 */
const LAYERS: readonly (readonly string[])[] = [
  ['util'], // natural order, slugs, suggestions, exit codes: no imports from src/
  ['words'], // the interface's Swedish words and their agreement (as Starlight keeps its UI strings)
  ['messages'], // vfile messages and the problem codes
  ['files', 'git', 'config'], // finding and decoding files; running git and reading revisions; sparbar.config.json with positions
  ['parse'], // frontmatter and YAML with positions
  ['validate'], // the zod schemas applied
  ['graph'], // nodes, links, graph checks, derived facts
  ['followup', 'kolada', 'scaffold', 'schema', 'remark'], // follow-up periods, Kolada, new files, JSON Schema, the remark plugin
  ['rules'], // the rule catalogue: one module per rule, with its check
  ['check'], // the check pipeline and the watch session
  ['docs'], // the rules' documentation pages, made with their examples checked
  ['diff'], // comparing graphs and revisions
  ['history'], // the plan's history from git
  ['import', 'document', 'editor'], // importing documents, writing Word, the browser editor
  ['site'], // the published site
  ['cli'], // the command line
  ['.'], // src/index.ts: the public API
];

const SRC = path.resolve('src');
const layerOf = new Map(LAYERS.flatMap((folders, i) => folders.map((f) => [f, i] as const)));

/** The top folder under src/ of a path inside it ('.' for a file directly in src/). */
const folderOf = (file: string) => {
  const rel = path.relative(SRC, file).split(path.sep);
  return rel.length === 1 ? '.' : rel[0]!;
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const p = path.join(dir, name);
      return statSync(p).isDirectory() ? sourceFiles(p) : /\.(ts|mts|js|mjs)$/.test(name) && !name.endsWith('.d.ts') ? [p] : [];
    });
}

/** Every import of `file` that stays inside src/, as `from → to` folders. */
function importsOf(file: string): { from: string; to: string; specifier: string }[] {
  const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  return info.importedFiles
    .map((f) => f.fileName)
    .filter((s) => s.startsWith('.'))
    .map((specifier) => ({ specifier, target: path.resolve(path.dirname(file), specifier) }))
    .filter(({ target }) => target.startsWith(SRC + path.sep))
    .map(({ specifier, target }) => ({ from: folderOf(file), to: folderOf(target), specifier }));
}

/** What is wrong with one import: nothing (null), or why it may not run that way. */
function violation(from: string, to: string): string | null {
  if (from === to) return null;
  const a = layerOf.get(from);
  const b = layerOf.get(to);
  if (a === undefined) return `src/${from} is in no layer: add it to LAYERS in test/import-layers.test.ts`;
  if (b === undefined) return `src/${to} is in no layer: add it to LAYERS in test/import-layers.test.ts`;
  if (b > a) return `upward: src/${from} (layer ${a}) imports src/${to} (layer ${b})`;
  if (b === a) return `sideways: src/${from} and src/${to} are in the same layer`;
  return null;
}

describe('import layers of src/', () => {
  const files = sourceFiles(SRC);

  it('places every folder of src/ in a layer', () => {
    const folders = [...new Set(files.map(folderOf))];
    expect(folders.filter((f) => !layerOf.has(f)).map((f) => `src/${f}`)).toEqual([]);
  });

  it('has no import that runs upward or sideways', () => {
    const wrong = files.flatMap((file) =>
      importsOf(file).flatMap(({ from, to, specifier }) => {
        const why = violation(from, to);
        return why ? [`${path.relative('.', file)}: '${specifier}': ${why}`] : [];
      }),
    );
    expect(wrong).toEqual([]);
  });

  it('keeps the directions issue 11 named: graph not to check, site not to cli, scaffold not to site or diff', () => {
    expect(violation('graph', 'check')).toMatch(/^upward/);
    expect(violation('site', 'cli')).toMatch(/^upward/);
    expect(violation('scaffold', 'site')).toMatch(/^upward/);
    expect(violation('scaffold', 'diff')).toMatch(/^upward/);
    expect(violation('followup', 'kolada')).toMatch(/^sideways/);
    expect(violation('cli', 'site')).toBeNull();
  });

  it('reads static, type-only, re-exported and dynamic imports', () => {
    const text = "import a from './a.js';\nimport type { B } from '../b.js';\nexport { c } from './c.js';\nconst d = await import('../d.js');\n";
    expect(ts.preProcessFile(text, true, true).importedFiles.map((f) => f.fileName)).toEqual(['./a.js', '../b.js', './c.js', '../d.js']);
  });
});
