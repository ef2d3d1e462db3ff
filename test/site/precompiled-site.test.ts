// The site rendered from its code compiled once (lib/site-render/, made by `npm run build:cli`) is the site
// Astro's full build makes, byte for byte, for the example plan and the fixture plans, with and without a base
// path, rendered by the renderer's bundle or by its module; a build right after one plan file changed shows the change
// on every page that shows the node; and the compiled code counts as stale as soon as a source it was made from changes.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildSite, siteRoot } from '../../src/site/build-site.js';
import { RENDER_SCRIPT_FILE } from '../../src/site/renderer-script.js';
import { PRECOMPILED_DIR, type PrecompiledStamp, precompiledSite, RENDER_BUNDLE_FILE, RENDER_MODULE, sourceDigest, STAMP_FILE } from '../../src/site/precompiled-site.js';
import { hashTree, listFiles } from './site-files.js';

// Whole sites, each built twice (once with Astro's full build): minutes on a busy 2-core machine.
vi.setConfig({ testTimeout: 900_000, hookTimeout: 900_000 });

const root = path.resolve(import.meta.dirname, '../..');
let tmp: string;

beforeAll(() => {
  tmp = mkdtempSync(path.join(tmpdir(), 'sparbar-kompilerad-'));
});
afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

/** The first file that differs between two built sites (in sorted order), or null when they are the same. */
function firstDifference(a: string, b: string): string | null {
  const ha = hashTree(a);
  const hb = hashTree(b);
  const names = [...new Set([...ha.keys(), ...hb.keys()])].sort();
  for (const name of names) {
    if (!ha.has(name)) return `${name} (bara i ${path.basename(b)})`;
    if (!hb.has(name)) return `${name} (bara i ${path.basename(a)})`;
    if (ha.get(name) !== hb.get(name)) return name;
  }
  return null;
}

/** Builds `plansDir` both ways and returns the two output folders. */
async function buildBothWays(name: string, plansDir: string, base?: string): Promise<{ compiled: string; astro: string; pages: number }> {
  const compiled = path.join(tmp, `${name}-kompilerad`);
  const astro = path.join(tmp, `${name}-astro`);
  const a = await buildSite({ plansDir, outDir: compiled, base, logLevel: 'silent' });
  expect(a.errors).toEqual([]);
  expect(a.exitCode).toBe(0);
  const b = await buildSite({ plansDir, outDir: astro, base, logLevel: 'silent', fullAstroBuild: true });
  expect(b.errors).toEqual([]);
  expect(b.exitCode).toBe(0);
  expect(a.pageCount).toBe(b.pageCount);
  return { compiled, astro, pages: a.pageCount };
}

describe('the site rendered from its compiled code', () => {
  it('is compiled and made from today’s sources (npm run build:cli), so the builds below use it', () => {
    const state = precompiledSite(siteRoot());
    expect(state.fresh ? 'färsk' : state.reason).toBe('färsk');
  });

  const plans: [string, string, string | undefined][] = [
    ['exempel', path.join(root, 'plans'), undefined],
    ['exempel-bas', path.join(root, 'plans'), '/plan/'],
    ['multi', path.join(root, 'test/fixtures/site/multi'), '/planer/'],
    ['gemensam', path.join(root, 'test/fixtures/plans-gemensam'), undefined],
    // A municipality's path with å and a space: the renderer takes the base off a percent-encoded request path.
    ['gemensam-bas', path.join(root, 'test/fixtures/plans-gemensam'), '/vårgårda/plån och mål/'],
    ['vision', path.join(root, 'test/fixtures/plans-vision-malbild'), undefined],
    ['mognad', path.join(root, 'test/fixtures/plans-mognadsmatning'), undefined],
  ];
  for (const [name, plansDir, base] of plans) {
    it(`is byte-identical to Astro's full build: ${path.relative(root, plansDir)}${base ? ` under ${base}` : ''}`, async () => {
      const { compiled, astro, pages } = await buildBothWays(name, plansDir, base);
      expect(pages).toBeGreaterThan(10);
      expect(firstDifference(compiled, astro)).toBeNull();
      expect(listFiles(compiled).filter((f) => f.startsWith('_astro/') && f.endsWith('.css'))).toHaveLength(1);
    });
  }

  it('renders the same site from the renderer’s bundle (render.mjs) as from its module, loading the site module by module', async () => {
    const state = precompiledSite(siteRoot());
    expect(state.fresh && path.basename(state.renderer)).toBe(RENDER_BUNDLE_FILE);
    const bundled = path.join(tmp, 'renderare-paket');
    const modules = path.join(tmp, 'renderare-moduler');
    for (const [outDir, rendererModule] of [[bundled, false], [modules, true]] as const) {
      const r = await buildSite({ plansDir: path.join(root, 'plans'), outDir, base: '/plan/', logLevel: 'silent', rendererModule });
      expect(r.errors).toEqual([]);
      expect(r.exitCode).toBe(0);
    }
    expect(listFiles(bundled).length).toBeGreaterThan(100);
    expect(firstDifference(bundled, modules)).toBeNull();
  });

  it('shows a changed title on every page that shows the node, in a build right after the change', async () => {
    const plansDir = path.join(tmp, 'andrad-plan');
    cpSync(path.join(root, 'plans'), plansDir, { recursive: true });
    const out = path.join(tmp, 'andrad');
    expect((await buildSite({ plansDir, outDir: out, logLevel: 'silent' })).exitCode).toBe(0);
    const oldTitle = 'Samordnad upphandling av verksamhetssystem';
    const newTitle = 'Gemensam upphandling av system, ändrad i en pull request';
    const pagesWith = (text: string) => listFiles(out).filter((f) => /\.(html|json|csv)$/.test(f) && readFileSync(path.join(out, f), 'utf8').includes(text));
    const before = pagesWith(oldTitle);
    // FO3.2's own page, its goal's, its actions', the principles it realises, the plan's lists and follow-ups, …
    expect(before.length).toBeGreaterThan(15);
    expect(before).toEqual(expect.arrayContaining(['ekby-digplan-2024-2027/fokusomrade/fo3-2/index.html', 'ekby-digplan-2024-2027/mal/m3/index.html', 'ekby-it-policy/styrprincip/sp8/index.html', 'data/noder.csv']));
    const file = path.join(plansDir, 'ekby/plan-2024-2027/fokusomraden/FO3.2.md');
    const text = readFileSync(file, 'utf8');
    expect(text).toContain(`titel: ${oldTitle}`);
    writeFileSync(file, text.replace(`titel: ${oldTitle}`, `titel: ${newTitle}`));

    expect((await buildSite({ plansDir, outDir: out, logLevel: 'silent' })).exitCode).toBe(0);
    expect(pagesWith(oldTitle)).toEqual([]);
    const after = pagesWith(newTitle);
    for (const page of before) expect(after, page).toContain(page);
    // And the whole site is what Astro's full build makes of the changed plan.
    const astro = path.join(tmp, 'andrad-astro');
    expect((await buildSite({ plansDir, outDir: astro, logLevel: 'silent', fullAstroBuild: true })).exitCode).toBe(0);
    expect(firstDifference(out, astro)).toBeNull();
  });
});

describe('precompiledSite', () => {
  /** A package root with a compiled site made from two sources. */
  function fakePackage(): string {
    const dir = mkdtempSync(path.join(tmp, 'paket-'));
    mkdirSync(path.join(dir, 'site/pages'), { recursive: true });
    mkdirSync(path.join(dir, 'node_modules/astro'), { recursive: true });
    mkdirSync(path.join(dir, PRECOMPILED_DIR, 'server'), { recursive: true });
    writeFileSync(path.join(dir, 'package.json'), '{"name":"sparbar"}');
    writeFileSync(path.join(dir, 'node_modules/astro/package.json'), '{"name":"astro","version":"5.18.2"}');
    writeFileSync(path.join(dir, 'astro.config.mjs'), 'export default {};\n');
    writeFileSync(path.join(dir, 'site/pages/index.astro'), '<h1>Planer</h1>\n');
    mkdirSync(path.join(dir, 'src/site'), { recursive: true });
    writeFileSync(path.join(dir, 'src/site/format.ts'), 'export const x = 1;\n');
    writeFileSync(path.join(dir, PRECOMPILED_DIR, 'server/entry.mjs'), 'export const manifest = {};\n');
    const sources = ['site/pages/index.astro', 'src/site/format.ts'];
    writeFileSync(path.join(dir, PRECOMPILED_DIR, RENDER_BUNDLE_FILE), 'export {};\n');
    writeFileSync(path.join(dir, PRECOMPILED_DIR, RENDER_SCRIPT_FILE), '');
    const stamp: PrecompiledStamp = { astro: '5.18.2', sources, digest: sourceDigest(dir, sources, '5.18.2') };
    writeFileSync(path.join(dir, PRECOMPILED_DIR, STAMP_FILE), JSON.stringify(stamp));
    return dir;
  }

  it('is fresh as made, and stale after any change to what it was made from', () => {
    const changes: [string, (dir: string) => void][] = [
      ['a page edited', (d) => writeFileSync(path.join(d, 'site/pages/index.astro'), '<h1>Våra planer</h1>\n')],
      ['a module the site imports edited', (d) => writeFileSync(path.join(d, 'src/site/format.ts'), 'export const x = 2;\n')],
      ['a module the site imports removed', (d) => rmSync(path.join(d, 'src/site/format.ts'))],
      ['a new component', (d) => writeFileSync(path.join(d, 'site/pages/ny.astro'), '<p>ny</p>\n')],
      ['astro.config.mjs edited', (d) => writeFileSync(path.join(d, 'astro.config.mjs'), 'export default { base: "/x/" };\n')],
      ['another Astro', (d) => writeFileSync(path.join(d, 'node_modules/astro/package.json'), '{"name":"astro","version":"5.19.0"}')],
      ['the stamp missing', (d) => rmSync(path.join(d, PRECOMPILED_DIR, STAMP_FILE))],
      ['the entry module missing', (d) => rmSync(path.join(d, PRECOMPILED_DIR, 'server/entry.mjs'))],
    ];
    for (const [what, change] of changes) {
      const dir = fakePackage();
      expect(precompiledSite(dir).fresh, what).toBe(true);
      change(dir);
      const state = precompiledSite(dir);
      expect(state.fresh, what).toBe(false);
    }
    // The renderer's bundle is used while it is there, else the renderer's module.
    const renderers: [string, (dir: string) => void, string][] = [
      ['as made', () => {}, path.join(PRECOMPILED_DIR, RENDER_BUNDLE_FILE)],
      ['the bundle missing', (d) => rmSync(path.join(d, PRECOMPILED_DIR, RENDER_BUNDLE_FILE)), RENDER_MODULE],
      ['the script the bundle runs missing', (d) => rmSync(path.join(d, PRECOMPILED_DIR, RENDER_SCRIPT_FILE)), RENDER_MODULE],
    ];
    for (const [what, change, renderer] of renderers) {
      const dir = fakePackage();
      change(dir);
      const state = precompiledSite(dir);
      expect(state.fresh && path.relative(dir, state.renderer), what).toBe(renderer);
    }
    // A file the site is not made from (the command line's code) changes nothing.
    const dir = fakePackage();
    writeFileSync(path.join(dir, 'src/cli-main.ts'), 'export {};\n');
    expect(precompiledSite(dir).fresh).toBe(true);
  });
});
