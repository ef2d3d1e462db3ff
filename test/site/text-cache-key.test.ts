// What keeps the text cache honest besides the texts themselves: `sparbar build --no-cache` neither reads nor writes
// it (tester9 U5), and its key changes with any package in the tree that makes the markdown's trees, not only those
// markdown.ts imports (tester9 U6).
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { packageVersions } from '../../src/check/check-cache.js';
import { runCli } from '../helpers/cli.js';

// Two builds of the example plan: a minute or more on a busy 2-core machine.
vi.setConfig({ testTimeout: 600_000 });

const root = path.resolve(import.meta.dirname, '../..');
let tmp: string;
const savedCacheDir = process.env['SPARBAR_CACHE_DIR'];

beforeAll(() => {
  tmp = mkdtempSync(path.join(tmpdir(), 'sparbar-textkey-'));
});
afterAll(() => {
  if (savedCacheDir === undefined) delete process.env['SPARBAR_CACHE_DIR'];
  else process.env['SPARBAR_CACHE_DIR'] = savedCacheDir;
  rmSync(tmp, { recursive: true, force: true });
});

/** Writes node_modules/<name>/package.json under `dir`. */
function pkg(dir: string, name: string, version: string, dependencies: Record<string, string> = {}): void {
  const folder = path.join(dir, 'node_modules', name);
  mkdirSync(folder, { recursive: true });
  writeFileSync(path.join(folder, 'package.json'), JSON.stringify({ name, version, dependencies }));
}

describe('the text cache key', () => {
  it('names every package in the tree of an imported package, as Node resolves each', () => {
    const project = path.join(tmp, 'projekt');
    pkg(project, 'remark-x', '1.0.0', { 'mdast-y': '^2.0.0', missing: '^1.0.0' });
    pkg(project, 'mdast-y', '2.0.0', { 'micromark-z': '^3.0.0' });
    pkg(project, 'micromark-z', '3.0.0');
    // remark-x's own copy of micromark-z wins over the top-level one for what remark-x itself needs.
    pkg(path.join(project, 'node_modules', 'mdast-y'), 'micromark-z', '3.1.0');
    expect(packageVersions('remark-x/lib/index.js', project)).toEqual(['mdast-y@2.0.0', 'micromark-z@3.1.0', 'missing@?', 'remark-x@1.0.0']);
    // A patch release two levels down changes the key.
    pkg(path.join(project, 'node_modules', 'mdast-y'), 'micromark-z', '3.1.1');
    expect(packageVersions('remark-x', project)).toContain('micromark-z@3.1.1');
  });
});

describe('sparbar build --no-cache', () => {
  it('neither writes the text cache nor needs it', async () => {
    const cacheDir = path.join(tmp, 'cache');
    process.env['SPARBAR_CACHE_DIR'] = cacheDir;
    const texts = () => (existsSync(cacheDir) ? readdirSync(cacheDir).filter((f) => f.startsWith('texts-')) : []);
    const first = await runCli(['build', path.join(root, 'plans'), '--out', path.join(tmp, 'med-cache')]);
    expect(first.code, first.stderr).toBe(0);
    expect(texts()).toHaveLength(1);
    rmSync(path.join(cacheDir, texts()[0]!));
    const second = await runCli(['build', path.join(root, 'plans'), '--out', path.join(tmp, 'utan-cache'), '--no-cache']);
    expect(second.code, second.stderr).toBe(0);
    expect(texts()).toEqual([]);
  });
});
