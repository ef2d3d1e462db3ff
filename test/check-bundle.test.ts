// The bundle of `sparbar check` (src/cli/load-bundle.ts, built by npm run build:cli): the bin runs check from
// it, and it says exactly what the modules say (stdout, stderr, exit code) on the example plan in every format and on
// every rule fixture, from the check cache and without it; a stale bundle is not used.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { bundleTestFolder, cliDir, importRunners, type LoadedBundle, type Run } from './helpers/bundles.js';
import { materializeRuleFixture, ruleFixtureNames } from './helpers/rule-fixtures.js';

const bin = path.join(cliDir, 'main.js');
const work = bundleTestFolder('sparbar-bundle-');

let bundled: Run;
let modules: Run;
let loadCheckBundle: (dir?: string) => LoadedBundle | undefined;
beforeAll(async () => {
  expect(existsSync(path.join(cliDir, 'check-bundle.cjs')), 'lib/src/cli/check-bundle.cjs saknas: kör npm run build:cli').toBe(true);
  const runners = await importRunners();
  loadCheckBundle = (dir) => runners.loadBundle('check', dir);
  bundled = loadCheckBundle()!.run;
  modules = runners.modules;
});

async function capture(run: Run, argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), color: false });
  return { code, stdout, stderr };
}

/** `argv` run by the modules without the cache, and by the bundle filling a new cache and then reading it: all three the same. */
async function compare(argv: string[]): Promise<void> {
  process.env['SPARBAR_CACHE_DIR'] = mkdtempSync(path.join(work, 'cache-'));
  const expected = await capture(modules, [...argv, '--no-cache']);
  expect(await capture(bundled, [...argv, '--no-cache'])).toEqual(expected);
  expect(await capture(bundled, argv)).toEqual(expected);
  expect(await capture(bundled, argv)).toEqual(expected);
}

describe('the bundle of sparbar check says what the modules say', () => {
  it('is what the bin runs, with V8 taking its code cache', () => {
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', `import { loadBundle } from ${JSON.stringify(path.join(cliDir, 'load-bundle.js'))}; console.log(JSON.stringify(loadBundle('check')?.codeCacheUsed))`], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe('true');
  });

  it('on the example plan, in every format and with --strict', async () => {
    for (const format of ['human', 'json', 'github', 'codequality']) await compare(['check', 'plans', '--format', format]);
    await compare(['check', 'plans', '--strict', '--require-period', '2026-08']);
  });

  it('on every rule fixture (errors, warnings, broken files), in the human and the JSON format', async () => {
    for (const name of ruleFixtureNames()) {
      const dir = path.join(work, `fixture-${name}`);
      materializeRuleFixture(name, dir);
      await compare(['check', dir]);
      await compare(['check', dir, '--format', 'json']);
    }
  }, 600_000);

  it('on usage errors and help', async () => {
    for (const argv of [['check', '--forma', 'json'], ['check', 'finns-inte'], ['check', '--help'], ['check', 'plans', '--require-period', '2026-13']]) {
      expect(await capture(bundled, argv)).toEqual(await capture(modules, argv));
    }
  });

  it('the bin gives the same stdout, stderr and exit code as the modules run by node', () => {
    const viaModules = ['--input-type=module', '-e', `import { run } from ${JSON.stringify(path.join(cliDir, 'run.js'))}; process.exitCode = await run(process.argv.slice(1), { stdout: (s) => process.stdout.write(s), stderr: (s) => process.stderr.write(s), color: false });`];
    const broken = path.join(work, 'bin-broken');
    materializeRuleFixture('yaml-syntax', broken);
    for (const argv of [['check', 'plans'], ['check', broken, '--format', 'github'], ['check', 'finns-inte']]) {
      const env = { ...process.env, SPARBAR_CACHE_DIR: mkdtempSync(path.join(work, 'bin-cache-')) };
      const expected = spawnSync(process.execPath, [...viaModules, ...argv, '--no-cache'], { encoding: 'utf8', env });
      for (let i = 0; i < 2; i++) {
        const r = spawnSync(process.execPath, [bin, ...argv], { encoding: 'utf8', env });
        expect({ status: r.status, stdout: r.stdout, stderr: r.stderr }).toEqual({ status: expected.status, stdout: expected.stdout, stderr: expected.stderr });
      }
    }
  }, 300_000);
});

describe('a stale bundle', () => {
  it('is not used when tsc wrote the modules after it (the loader has lost the line naming the bundle) or it is missing', () => {
    const dir = path.join(work, 'stale');
    mkdirSync(dir);
    for (const f of ['load-bundle.js', 'check-bundle.cjs', 'check-bundle.v8-cache']) copyFileSync(path.join(cliDir, f), path.join(dir, f));
    expect(loadCheckBundle(dir)?.run).toBeTypeOf('function');
    const loader = readFileSync(path.join(dir, 'load-bundle.js'), 'utf8');
    const lines = loader.trimEnd().split('\n');
    const own = lines.findIndex((line) => /^\/\/ sparbar check-bundle [0-9a-f]{64}$/.test(line));
    // Among the last lines, with the other bundle's.
    expect(own).toBeGreaterThan(lines.length - 3);
    const without = lines.filter((_, i) => i !== own);
    writeFileSync(path.join(dir, 'load-bundle.js'), `${without.join('\n')}\n`);
    expect(loadCheckBundle(dir)).toBeUndefined();
    writeFileSync(path.join(dir, 'load-bundle.js'), `${without.join('\n')}\n// sparbar check-bundle ${'0'.repeat(64)}\n`);
    expect(loadCheckBundle(dir)).toBeUndefined();
    writeFileSync(path.join(dir, 'load-bundle.js'), loader);
    rmSync(path.join(dir, 'check-bundle.cjs'));
    expect(loadCheckBundle(dir)).toBeUndefined();
  });

  it("does not take a code cache made for another bundle (V8 alone would take any of the same length)", async () => {
    const dir = path.join(work, 'other-cache');
    mkdirSync(dir);
    for (const f of ['load-bundle.js', 'check-bundle.cjs', 'check-bundle.v8-cache']) copyFileSync(path.join(cliDir, f), path.join(dir, f));
    expect(loadCheckBundle(dir)?.codeCacheUsed).toBe(true);
    const cache = readFileSync(path.join(dir, 'check-bundle.v8-cache'));
    cache[30] = cache[30] === 0x30 ? 0x31 : 0x30; // a digit of the digest on its first line
    writeFileSync(path.join(dir, 'check-bundle.v8-cache'), cache);
    const loaded = loadCheckBundle(dir)!;
    expect(loaded.codeCacheUsed).toBe(false);
    process.env['SPARBAR_CACHE_DIR'] = mkdtempSync(path.join(work, 'cache-'));
    expect(await capture(loaded.run, ['check', 'plans', '--no-cache'])).toEqual(await capture(modules, ['check', 'plans', '--no-cache']));
  });

  it('leaves a damaged code cache unused, and a bundle changed by hand to the modules, instead of crashing', async () => {
    const dir = path.join(work, 'damaged');
    mkdirSync(dir);
    for (const f of ['load-bundle.js', 'check-bundle.cjs', 'check-bundle.v8-cache']) copyFileSync(path.join(cliDir, f), path.join(dir, f));
    // One byte of V8's data flipped, its two header lines intact: Node 20's V8 would take it and crash.
    const cache = readFileSync(path.join(dir, 'check-bundle.v8-cache'));
    const at = cache.length - 1000;
    cache.writeUInt8(cache.readUInt8(at) ^ 0xff, at);
    writeFileSync(path.join(dir, 'check-bundle.v8-cache'), cache);
    const loaded = loadCheckBundle(dir)!;
    expect(loaded.codeCacheUsed).toBe(false);
    process.env['SPARBAR_CACHE_DIR'] = mkdtempSync(path.join(work, 'cache-'));
    expect(await capture(loaded.run, ['check', 'plans', '--no-cache'])).toEqual(await capture(modules, ['check', 'plans', '--no-cache']));
    // The bundle with one character changed, of the same length: not run (the modules are).
    const bundle = readFileSync(path.join(dir, 'check-bundle.cjs'), 'utf8');
    const i = bundle.indexOf('function ', 1000);
    writeFileSync(path.join(dir, 'check-bundle.cjs'), `${bundle.slice(0, i)}Function ${bundle.slice(i + 9)}`);
    expect(loadCheckBundle(dir)).toBeUndefined();
  });
});
