// Bench section "example": the example plan as a municipality's pull-request job meets it. `sparbar check plans`
// against `node -e 0` (what starting Node alone costs), and `sparbar build` of the example site, both as child
// processes the way a user runs them, in interleaved rounds after one untimed round. Targets from issue 17 (the
// site in two seconds): check at most 2.5 times node -e 0, the example's site build at most 2 s.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import path from 'node:path';
import { siteRoot } from '../src/site/build-site.js';
import { precompiledSite } from '../src/site/precompiled-site.js';
import { discard } from './discard.js';
import { median, type Timing } from './measure.js';
import { runCommand } from './run-command.js';
import { num, type Section } from './table.js';

export interface ExampleBenchOptions {
  /** Timed rounds of check and node -e 0 (after one untimed round). */
  checkRuns: number;
  /** Timed builds of the example site (after one untimed build). */
  buildRuns: number;
  /** Folder for the built site; the caller removes it. */
  workDir: string;
  /** Target for check / node -e 0 (median of the per-round ratios). */
  checkRatio: number;
  /** Target for the example's site build, in ms (median). */
  buildMs: number;
  log: (line: string) => void;
}

/** Runs the example section and returns it as a report section. */
export async function benchExample(opts: ExampleBenchOptions): Promise<Section> {
  const root = siteRoot();
  const cli = path.join(root, 'lib', 'src', 'cli', 'main.js');
  const plans = path.join(root, 'plans');
  // The check cache (src/check/check-cache.ts) of these runs lives in the bench's folder: `sparbar check` uses it as
  // a user's second run does; `--no-cache` is the cold check (every file read, parsed and validated).
  const env: NodeJS.ProcessEnv = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', SPARBAR_CACHE_DIR: mkdtempSync(path.join(opts.workDir, 'check-cache-')) };
  delete env['SPARBAR_CACHE'];
  const node: number[] = [];
  const cold: number[] = [];
  const check: number[] = [];
  for (let round = 0; round <= opts.checkRuns; round++) {
    const trio: [string, string[], number[]][] = [
      ['node -e 0', ['-e', '0'], node],
      ['sparbar check --no-cache', [cli, 'check', plans, '--no-cache'], cold],
      ['sparbar check', [cli, 'check', plans], check],
    ];
    for (const [label, args, into] of round % 2 ? trio.reverse() : trio) {
      const ms = await runCommand(process.execPath, args, root, env);
      if (round > 0) into.push(ms);
      opts.log(`[example] ${round === 0 ? 'warm-up' : `round ${round}`}: ${label} ${num(ms)} ms`);
    }
  }
  // Whether the checks and the builds ran from their bundles (npm run build:cli) with V8's code cache, as an installed
  // Spårbar does: asked in a child process like theirs (this one runs with --expose-gc, and V8 takes no cache made without it).
  const loader = path.join(root, 'lib', 'src', 'cli', 'load-bundle.js');
  const asked = spawnSync(
    process.execPath,
    ['--input-type=module', '-e', `import { loadBundle } from ${JSON.stringify(loader)}; console.log(JSON.stringify(['check', 'build'].map((c) => loadBundle(c)?.codeCacheUsed ?? null)))`],
    { encoding: 'utf8' },
  );
  const [bundle, buildBundle] = JSON.parse(asked.stdout.trim() || '[null, null]') as (boolean | null)[];
  // Whether the builds render from the site compiled by npm run build:cli or fall back to Astro's full build.
  const compiled = precompiledSite(root);
  const out = mkdtempSync(path.join(opts.workDir, 'example-site-'));
  const build: number[] = [];
  for (let round = 0; round <= opts.buildRuns; round++) {
    discard(out, opts.workDir);
    const ms = await runCommand(process.execPath, [cli, 'build', plans, '--out', out], root, env);
    if (round > 0) build.push(ms);
    opts.log(`[example] ${round === 0 ? 'warm-up' : `round ${round}`}: sparbar build ${num(ms)} ms`);
  }
  const timing = (label: string, samples: number[]): Timing => ({ label, runs: samples.length, samples, median: median(samples), min: Math.min(...samples) });
  const rows = [
    timing('node -e 0', node),
    timing('sparbar check plans --no-cache (cold)', cold),
    timing('sparbar check plans (cached)', check),
    timing('sparbar build plans', build),
  ];
  const perRound = check.map((c, i) => c / node[i]!);
  const checkRatio = median(perRound);
  const coldPerRound = cold.map((c, i) => c / node[i]!);
  const buildMedian = median(build);
  const checkOk = checkRatio <= opts.checkRatio;
  const buildOk = buildMedian <= opts.buildMs;
  return {
    title: 'example: the example plan (plans/) as a pull-request job runs it (ms wall time)',
    tables: [{ columns: ['command', 'runs', 'median ms', 'min ms'], rows: rows.map((t) => [t.label, num(t.runs), num(t.median), num(t.min)]) }],
    notes: [
      `sparbar check (cached) / node -e 0: ${num(checkRatio, 2)} (median of rounds: ${perRound.map((x) => num(x, 2)).join(' ')}); target ≤ ${num(opts.checkRatio, 2)}: ${checkOk ? 'OK' : 'ABOVE TARGET'}`,
      `sparbar check --no-cache (cold) / node -e 0: ${num(median(coldPerRound), 2)} (median of rounds: ${coldPerRound.map((x) => num(x, 2)).join(' ')}), for comparison`,
      bundle === null
        ? '  The checks did not run from the bundle of check (lib/src/cli/check-bundle.cjs is missing or older than the modules): run npm run build:cli.'
        : `  The checks ran from the bundle of check (lib/src/cli/check-bundle.cjs)${bundle ? " with V8's code cache" : ", without V8's code cache (it was made by another Node or is missing)"}, as an installed Spårbar does.`,
      buildBundle === null || buildBundle === undefined
        ? '  The builds did not run from the bundle of build (lib/src/cli/build-bundle.cjs is missing or older than the modules): run npm run build:cli.'
        : `  The builds ran from the bundle of build (lib/src/cli/build-bundle.cjs)${buildBundle ? " with V8's code cache" : ", without V8's code cache"}.`,
      `sparbar build of the example: ${num(buildMedian / 1000, 2)} s (median), ${num(buildMedian / opts.buildMs, 2)} times the target ≤ ${num(opts.buildMs / 1000, 2)} s: ${buildOk ? 'OK' : 'ABOVE TARGET'}`,
      compiled.fresh
        ? `  The pages are rendered from the site compiled by npm run build:cli (lib/site-render), ${compiled.renderer.endsWith('.mjs') ? 'by the renderer bundled with it (render.js, with its code cache)' : 'by the renderer loaded module by module (its bundle is missing or holds packages of other versions)'}, as an installed Spårbar does.`
        : `  The compiled site is not used (${compiled.reason}): these builds ran Astro's full build; run npm run build:cli first.`,
      'Each command is a child process (node lib/src/cli/main.js …) as a user runs it; node -e 0, the cold check and the',
      '  cached check alternate in rounds after one untimed round (which fills the cache). The cached check is the default:',
      '  every file unchanged since the last run comes from the check cache. The build writes the whole example site each',
      '  time (no cache between builds).',
    ],
    ok: checkOk && buildOk,
  };
}
