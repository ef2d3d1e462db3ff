// The bundle of `sparbar build` (src/cli/load-bundle.ts, built by npm run build:cli): the bin runs build from it, with
// V8's code cache, and it builds the same site byte for byte as the modules do, says the same and exits the same, for a
// plan that builds and for one with errors.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { bundleTestFolder, cliDir, importRunners, type Run } from './helpers/bundles.js';
import { hashTree } from './site/site-files.js';

// Whole sites, built twice each: a minute or more on a busy 2-core machine.
vi.setConfig({ testTimeout: 600_000, hookTimeout: 600_000 });

const root = path.resolve(import.meta.dirname, '..');
const work = bundleTestFolder('sparbar-build-bundle-');

let bundled: Run;
let modules: Run;
beforeAll(async () => {
  expect(existsSync(path.join(cliDir, 'build-bundle.cjs')), 'lib/src/cli/build-bundle.cjs saknas: kör npm run build:cli').toBe(true);
  const runners = await importRunners();
  bundled = runners.loadBundle('build')!.run;
  modules = runners.modules;
});

/** `argv` run with `run`, a new check cache each time; what it printed, with the output folder's name made the same. */
async function capture(run: Run, argv: string[], outDir: string): Promise<{ code: number; stdout: string; stderr: string }> {
  process.env['SPARBAR_CACHE_DIR'] = mkdtempSync(path.join(work, 'cache-'));
  let stdout = '';
  let stderr = '';
  const code = await run([...argv, '--out', outDir], { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), color: false });
  const same = (s: string) => s.split(outDir).join('<ut>');
  return { code, stdout: same(stdout), stderr: same(stderr) };
}

describe('the bundle of sparbar build', () => {
  it('is what the bin runs, with V8 taking its code cache', () => {
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', `import { loadBundle } from ${JSON.stringify(path.join(cliDir, 'load-bundle.js'))}; console.log(JSON.stringify(loadBundle('build')?.codeCacheUsed))`], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe('true');
  });

  it('publishes no path of the machine it was built on, not even in the code caches (V8 keeps the script name there)', () => {
    for (const file of ['build-bundle.cjs', 'build-bundle.v8-cache', 'check-bundle.cjs', 'check-bundle.v8-cache']) {
      expect(readFileSync(path.join(cliDir, file)).includes(Buffer.from(root)), file).toBe(false);
    }
    for (const file of ['render.mjs', 'render.js', 'render.v8-cache']) {
      expect(readFileSync(path.join(root, 'lib/site-render', file)).includes(Buffer.from(root)), file).toBe(false);
    }
  });

  it('keys the check cache and the text cache as the modules do, so that the two share them', async () => {
    const bundle = readFileSync(path.join(cliDir, 'build-bundle.cjs'), 'utf8');
    const { codeDigest } = (await import(path.join(root, 'lib/src/check/check-cache.js'))) as { codeDigest: (modules?: string[]) => string };
    const { TEXT_CODE_MODULES } = (await import(path.join(root, 'lib/src/site/text-cache.js'))) as { TEXT_CODE_MODULES: string[] };
    expect(bundle).toContain(JSON.stringify(codeDigest()));
    expect(bundle).toContain(JSON.stringify(codeDigest(TEXT_CODE_MODULES)));
  });

  it('builds the example plan into the same bytes as the modules, saying the same', async () => {
    const a = path.join(work, 'paket');
    const b = path.join(work, 'moduler');
    // The bundle's run also says where its time went, as `npm run bench` asks with SPARBAR_TIMINGS.
    const timings = path.join(work, 'timings.json');
    process.env['SPARBAR_TIMINGS'] = timings;
    let fromBundle: Awaited<ReturnType<typeof capture>>;
    try {
      fromBundle = await capture(bundled, ['build', path.join(root, 'plans'), '--base', '/plan/'], a);
    } finally {
      delete process.env['SPARBAR_TIMINGS'];
    }
    const fromModules = await capture(modules, ['build', path.join(root, 'plans'), '--base', '/plan/'], b);
    expect(fromBundle).toEqual(fromModules);
    expect(fromBundle.code).toBe(0);
    const spent = JSON.parse(readFileSync(timings, 'utf8')) as Record<string, number | null> & { rendererParsedAhead: { parsed: number; used: number } | null };
    expect(spent['texts']).toBeGreaterThan(50);
    expect(spent['totalMs']).toBeGreaterThan(spent['checkMs']!);
    expect(typeof spent['rendererWaitedMs'], 'the compiled site renders the pages, and its renderer says how long it waited').toBe('number');
    // And how many texts it parsed while it waited for the graph (none when the graph came first), and used.
    const ahead = spent.rendererParsedAhead!;
    expect(ahead.used).toBeLessThanOrEqual(ahead.parsed);
    expect(ahead.parsed).toBeLessThanOrEqual(spent['texts']!);
    const ha = hashTree(a);
    expect(ha.size).toBeGreaterThan(100);
    expect(ha).toEqual(hashTree(b));
  });

  it('says in Swedish when SPARBAR_TIMINGS names a file it cannot write, and still builds, exit 0', async () => {
    const out = path.join(work, 'tidsmatning');
    const missing = path.join(work, 'finns-inte', 'tider.json');
    process.env['SPARBAR_TIMINGS'] = missing;
    let run: Awaited<ReturnType<typeof capture>>;
    try {
      run = await capture(bundled, ['build', path.join(root, 'plans')], out);
    } finally {
      delete process.env['SPARBAR_TIMINGS'];
    }
    expect(run.code).toBe(0);
    expect(run.stderr).toBe(`sparbar build: tidsmätningen kunde inte skrivas till ${missing} (SPARBAR_TIMINGS): ENOENT. Webbplatsen byggdes ändå.\n`);
    expect(existsSync(path.join(out, 'index.html'))).toBe(true);
  });

  it('refuses a plan with errors as the modules do, building nothing', async () => {
    const plans = path.join(work, 'trasig');
    cpSync(path.join(root, 'plans'), plans, { recursive: true });
    writeFileSync(path.join(plans, 'ekby/plan-2024-2027/fokusomraden/FO3.2.md'), '---\ntyp: fokusområde\nid: FO3.2\nmål: M99\n---\n');
    const a = path.join(work, 'trasig-paket');
    const b = path.join(work, 'trasig-moduler');
    const fromBundle = await capture(bundled, ['build', plans], a);
    expect(fromBundle).toEqual(await capture(modules, ['build', plans], b));
    expect(fromBundle.code).toBe(1);
    expect(fromBundle.stderr).toContain('FO3.2.md');
    expect(existsSync(a)).toBe(false);
  });
});
