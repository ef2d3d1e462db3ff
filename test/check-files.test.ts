// checkFiles (files in memory) must give exactly what checkPlans gives on the same files: graph and messages.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkFiles, type PlanFileBytes } from '../src/check/check-files.js';
import { comparePlanPaths } from '../src/files/discover.js';
import { checkPlans, type CheckResult } from '../src/check/check-plans.js';
import { RuleFixtureTrees, ruleFixtureNames } from './helpers/rule-fixtures.js';

/** Every .md file under `root`, and its sparbar.config.json, as {path, bytes}, the way checkPlans would find them (no symlinks in these fixtures). */
function filesOf(root: string): PlanFileBytes[] {
  const out: PlanFileBytes[] = [];
  const walk = (dir: string, rel: string) => {
    for (const name of readdirSync(dir)) {
      if (name.startsWith('.') || name === 'node_modules') continue;
      const abs = path.join(dir, name);
      const r = rel ? `${rel}/${name}` : name;
      if (statSync(abs).isDirectory()) walk(abs, r);
      else if (name.endsWith('.md') || r === 'sparbar.config.json') out.push({ path: r, bytes: readFileSync(abs) });
    }
  };
  walk(root, '');
  return out.reverse(); // any order in, the checker's order out
}

const plain = (r: CheckResult) => ({
  graph: r.graph,
  fileCount: r.fileCount,
  messages: r.messages.map((m) => ({ file: m.file, line: m.line, column: m.column, ruleId: m.ruleId, reason: m.reason, fatal: m.fatal, expected: m.expected })),
});

describe('checkFiles', () => {
  it('gives the example plan the same graph and messages as checkPlans', () => {
    expect(plain(checkFiles(filesOf('plans')))).toEqual(plain(checkPlans('plans')));
  });

  const trees = new RuleFixtureTrees();
  afterAll(() => trees.cleanup());
  it.each(ruleFixtureNames())('gives the rule fixture %s the same result as checkPlans', (name) => {
    const dir = trees.path(name);
    const hasLinks = (d: string): boolean => readdirSync(d, { withFileTypes: true }).some((e) => e.isSymbolicLink() || (e.isDirectory() && hasLinks(path.join(d, e.name))));
    if (hasLinks(dir)) return; // symlinks are a property of a folder on disk, not of files in memory
    expect(plain(checkFiles(filesOf(dir)))).toEqual(plain(checkPlans(dir)));
  });

  it('sorts paths the way the folder walk reads them', () => {
    expect(['a-b/c.md', 'a/b.md', 'a.md', 'a/a/z.md'].sort(comparePlanPaths)).toEqual(['a/a/z.md', 'a/b.md', 'a-b/c.md', 'a.md']);
  });

  it('reports broken bytes per file and still builds the rest', () => {
    const r = checkFiles([
      { path: 'x.md', bytes: new Uint8Array([0xff, 0xfe, 0x00]) },
      { path: 'y.md', bytes: new TextEncoder().encode('---\ntyp: [\n---\n') },
      { path: 'org.md', bytes: new TextEncoder().encode('---\ntyp: organisation\nid: ekby\ntitel: Ekby\n---\n') },
      { path: 'bild.png', bytes: new Uint8Array([1, 2, 3]) },
    ]);
    expect(r.fileCount).toBe(3);
    expect(r.messages.map((m) => `${m.file} ${m.ruleId}`)).toEqual(['x.md invalid-utf8', 'y.md yaml-syntax']);
    expect(r.graph.nodes.map((n) => n.key)).toEqual(['ekby']);
  });
});
