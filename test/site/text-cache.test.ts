// The text cache (src/site/text-cache.ts): a build that takes texts' trees from it is byte for byte the build without
// it, after a change to a file's title and body, after a node another text links to is renamed or appears at a linked
// path, under another base path, and with a damaged or foreign cache file.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildSite } from '../../src/site/build-site.js';
import { hashTree } from './site-files.js';

// Whole sites, each built twice: minutes on a busy 2-core machine.
vi.setConfig({ testTimeout: 900_000, hookTimeout: 900_000 });

const root = path.resolve(import.meta.dirname, '../..');
let tmp: string;
let plansDir: string;
let cacheDir: string;
const savedCacheDir = process.env['SPARBAR_CACHE_DIR'];

beforeAll(() => {
  tmp = mkdtempSync(path.join(tmpdir(), 'sparbar-textcache-'));
  plansDir = path.join(tmp, 'plans');
  cpSync(path.join(root, 'plans'), plansDir, { recursive: true });
  cacheDir = path.join(tmp, 'cache');
  process.env['SPARBAR_CACHE_DIR'] = cacheDir;
});
afterAll(() => {
  if (savedCacheDir === undefined) delete process.env['SPARBAR_CACHE_DIR'];
  else process.env['SPARBAR_CACHE_DIR'] = savedCacheDir;
  rmSync(tmp, { recursive: true, force: true });
});

const plan = (file: string) => path.join(plansDir, 'ekby/plan-2024-2027', file);
const edit = (file: string, change: (text: string) => string) => {
  const before = readFileSync(file, 'utf8');
  const after = change(before);
  expect(after).not.toBe(before);
  writeFileSync(file, after);
};
const cacheFile = () => path.join(cacheDir, readdirSync(cacheDir).find((f) => f.startsWith('texts-'))!);

/** Builds the plan with the cache and without it; expects the same bytes in every file and returns the cached build's texts from the cache. */
async function sameWithAndWithoutCache(name: string, base?: string): Promise<{ fromCache: number; texts: number; out: string }> {
  const cached = path.join(tmp, `${name}-cache`);
  const plain = path.join(tmp, `${name}-utan`);
  const a = await buildSite({ plansDir, outDir: cached, base, logLevel: 'silent' });
  expect(a.errors).toEqual([]);
  const b = await buildSite({ plansDir, outDir: plain, base, logLevel: 'silent', cache: false });
  expect(b.errors).toEqual([]);
  const ha = hashTree(cached);
  const hb = hashTree(plain);
  expect([...ha.keys()]).toEqual([...hb.keys()]);
  for (const [file, digest] of ha) expect(digest, file).toBe(hb.get(file));
  return { fromCache: a.timings!.textsFromCache, texts: a.timings!.texts, out: cached };
}

describe('the text cache', () => {
  it('gives the bytes of a build without it, through changes, renames, another base and damaged cache files', async () => {
    // FO2.3 links to an action whose id is renamed below, and to a file that appears later.
    edit(plan('fokusomraden/FO2.3.md'), (t) => `${t.trimEnd()}\n\nSe [bokningen](../aktiviteter/kultur-och-fritid/A36.md) och [biblioteket](../aktiviteter/kultur-och-fritid/A35-ny.md).\n`);

    const first = await sameWithAndWithoutCache('forsta');
    expect(first.fromCache).toBe(0);
    expect(statSync(cacheFile()).size).toBeGreaterThan(1000);
    expect(readFileSync(path.join(first.out, 'ekby-digplan-2024-2027/fokusomrade/fo2-3/index.html'), 'utf8')).toContain('href="/ekby-digplan-2024-2027/aktivitet/a36/"');

    const again = await sameWithAndWithoutCache('igen');
    expect(again.fromCache).toBe(again.texts);

    // One file's title and body changed: its text is parsed again, the others come from the cache.
    edit(plan('fokusomraden/FO3.2.md'), (t) => t.replace(/^titel: .*$/m, 'titel: Ändrad titel i en pull request').replace(/\n---\n/, '\n---\nEn ny första mening med [en länk](https://ekby.se/ny).\n\n'));
    const changed = await sameWithAndWithoutCache('andrad');
    expect(changed.fromCache).toBeGreaterThan(0);
    expect(changed.fromCache).toBeLessThan(changed.texts);
    expect(readFileSync(path.join(changed.out, 'ekby-digplan-2024-2027/fokusomrade/fo3-2/index.html'), 'utf8')).toContain('https://ekby.se/ny');

    // The action FO2.3 links to gets another id (its page moves); FO2.3's text is unchanged but its link is not.
    for (const file of [
      'aktiviteter/kultur-och-fritid/A36.md',
      'uppfoljning/2026-08/kultur-och-fritid/A36.md',
      'uppfoljning/2026-08/digitaliseringsenheten/FO2.2.md',
    ]) {
      edit(plan(file), (t) => t.replace(/\bA36\b/g, 'A96'));
    }
    const renamed = await sameWithAndWithoutCache('omdopt');
    const fo23Renamed = readFileSync(path.join(renamed.out, 'ekby-digplan-2024-2027/fokusomrade/fo2-3/index.html'), 'utf8');
    expect(fo23Renamed).toContain('href="/ekby-digplan-2024-2027/aktivitet/a96/"');
    expect(fo23Renamed).not.toContain('/aktivitet/a36/');

    // A file appears where FO2.3's other link points (A35 moved there): the link that was dropped now leads to its page.
    renameSync(plan('aktiviteter/kultur-och-fritid/A35.md'), plan('aktiviteter/kultur-och-fritid/A35-ny.md'));
    const moved = await sameWithAndWithoutCache('flyttad');
    expect(readFileSync(path.join(moved.out, 'ekby-digplan-2024-2027/fokusomrade/fo2-3/index.html'), 'utf8')).toContain('href="/ekby-digplan-2024-2027/aktivitet/a35/"');

    // Under another base path every link differs.
    await sameWithAndWithoutCache('bas', '/plan/');
    await sameWithAndWithoutCache('bas-igen', '/plan/');

    // A damaged cache file (a byte changed, cut short, another kind of file) is not used, and is written anew.
    const sound = readFileSync(cacheFile());
    const damaged = Buffer.from(sound);
    damaged[Math.floor(damaged.length / 2)]! ^= 0xff;
    for (const [name, bytes] of [
      ['skadad', damaged],
      ['avkortad', sound.subarray(0, Math.floor(sound.length / 3))],
      ['främmande', Buffer.from('sparbar-check-cache 1\nnot a digest\n')],
    ] as const) {
      writeFileSync(cacheFile(), bytes);
      const after = await sameWithAndWithoutCache(name);
      expect(after.fromCache, name).toBe(0);
      expect(readFileSync(cacheFile()).subarray(0, 19).toString()).toBe('sparbar-text-cache ');
    }
    expect((await sameWithAndWithoutCache('lagad')).fromCache).toBeGreaterThan(0);
  });
});
