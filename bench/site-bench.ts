// Bench section "site": how long `sparbar build` takes for the generated plan of about 1,000 files, next to a
// plain Astro 5 build of the same markdown files, one page each (the glob content loader, a minimal layout,
// none of our graph), and the ratio of the two. Both run as child processes the way a user runs them, in
// interleaved rounds (ours, plain cold, plain warm, …) after one untimed round, so drift on a shared machine
// hits each alike.
//
// Cold and warm: the plain project keeps its content layer (every parsed and rendered markdown file) in its
// data store under cacheDir; "cold" removes that and .astro/ before the run, "warm" reuses what the cold run
// just left. `sparbar build` keeps its markdown texts' trees in the text cache (src/site/text-cache.ts) under the
// plans' package's node_modules/.cache; the plan here is in the temporary folder, outside any package, so the
// first row of ours is a cold build every time (with an empty SPARBAR_CACHE_DIR, so writing the cache is paid). Its warm row runs with a text cache (SPARBAR_CACHE_DIR) after one
// file changed. Ours is timed as a user runs it, in a git clone (history read from git) with an adopted revision
// configured (one comparison).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { siteRoot } from '../src/site/build-site.js';
import { precompiledSite } from '../src/site/precompiled-site.js';
import { discard } from './discard.js';
import { generatePlan } from './generate-plan.js';
import { median, ratios, type Timing } from './measure.js';
import { type CommandTime, runCommand, runMeasured } from './run-command.js';
import { num, type Section } from './table.js';

export interface SiteBenchOptions {
  /** Plan size in files (about 1,000). */
  size: number;
  /** Timed rounds (after one untimed round); each round runs every contender once. */
  runs: number;
  /** Folder for the generated plan and our output; the caller removes it. */
  workDir: string;
  /** Target for ours / plain cold (per-round median): the section's verdict. */
  targetRatio: number;
  /** Issue 17's targets, printed with their verdicts: ours / plain Astro cold, ours / Hugo. */
  fastTargets: { astro: number; hugo: number };
  /**
   * Plan sizes (files) built once each after the rounds, for issue 17's growth target: seconds per 1,000 files at
   * the largest size at most `growth` times that at the smallest, and neither process waiting on the other for
   * more than `maxWaitShare` of the build.
   */
  scale: { sizes: number[]; runs: number; growth: number; maxWaitShare: number };
  log: (line: string) => void;
}

const ASTRO_BIN = path.join(path.dirname(createRequire(import.meta.url).resolve('astro/package.json')), 'astro.js');

function countHtml(dir: string): number {
  let count = 0;
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(path.join(d, e.name));
      else if (e.name.endsWith('.html')) count++;
    }
  };
  if (existsSync(dir)) walk(dir);
  return count;
}

/** `hugo v0.111.3 …` when Hugo is on PATH, else null. */
function hugoVersion(): string | null {
  try {
    return execFileSync('hugo', ['version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim().split(' ').slice(0, 2).join(' ');
  } catch {
    return null;
  }
}

/** A throw-away Hugo site over `plansDir`: one template for every page, nothing else (no taxonomies, RSS or sitemap). */
function writeHugoProject(dir: string, plansDir: string): void {
  mkdirSync(path.join(dir, 'layouts', '_default'), { recursive: true });
  writeFileSync(
    path.join(dir, 'hugo.toml'),
    [`baseURL = "https://example.org/"`, `contentDir = ${JSON.stringify(plansDir)}`, `disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]`, ''].join('\n'),
  );
  const page = '<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>{{ .Title }}</title></head><body><main><h1>{{ .Title }}</h1>{{ .Content }}</main></body></html>\n';
  writeFileSync(path.join(dir, 'layouts', '_default', 'single.html'), page);
  writeFileSync(path.join(dir, 'layouts', '_default', 'list.html'), page);
}

/** The throw-away plain Astro project: glob loader over `plansDir`, one page per file, a minimal layout. */
function writePlainProject(dir: string, plansDir: string): void {
  const write = (rel: string, text: string) => {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  };
  write('package.json', JSON.stringify({ name: 'sparbar-bench-plain-astro', private: true, type: 'module' }, null, 2));
  write('tsconfig.json', JSON.stringify({ compilerOptions: { strict: true } }, null, 2));
  write(
    'astro.config.mjs',
    `import { defineConfig } from 'astro/config';
export default defineConfig({
  output: 'static',
  outDir: './dist',
  cacheDir: './.cache',
  trailingSlash: 'always',
  build: { format: 'directory' },
  devToolbar: { enabled: false },
});
`,
  );
  write(
    'src/content.config.ts',
    `import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';

export const collections = {
  plan: defineCollection({ loader: glob({ pattern: '**/*.md', base: ${JSON.stringify(plansDir)} }) }),
};
`,
  );
  write(
    'src/layouts/Layout.astro',
    `---
const { title } = Astro.props;
---
<!doctype html>
<html lang="sv">
  <head><meta charset="utf-8" /><meta name="viewport" content="width=device-width, initial-scale=1" /><title>{title}</title></head>
  <body><main><slot /></main></body>
</html>
`,
  );
  write(
    'src/pages/[...id].astro',
    `---
import { getCollection, render } from 'astro:content';
import Layout from '../layouts/Layout.astro';

export async function getStaticPaths() {
  const entries = await getCollection('plan');
  return entries.map((entry) => ({ params: { id: entry.id }, props: { entry } }));
}
const { entry } = Astro.props;
const { Content } = await render(entry);
const title = String(entry.data.titel ?? \`\${entry.data.avser ?? entry.id} \${entry.data.period ?? ''}\`);
---
<Layout title={title}>
  <h1>{title}</h1>
  <Content />
</Layout>
`,
  );
}

/** The first .md file under `dir` (in sorted order) that contains `text`. */
function firstFile(dir: string, text: string): string {
  for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const file = path.join(dir, e.name);
    if (e.isDirectory()) {
      const found = firstFile(file, text);
      if (found) return found;
    } else if (e.name.endsWith('.md') && readFileSync(file, 'utf8').includes(text)) return file;
  }
  return '';
}

interface ScaleRun {
  files: number;
  pages: number;
  ms: number;
  waitedMs: number;
  rendererWaitedMs: number | null;
}

/**
 * `runs` builds of a generated plan of `size` files by the command line (`cli`, with `env`), as a user runs it, each
 * with where its time went (SPARBAR_TIMINGS, src/cli/commands/build.ts); the plan is outside any package: no cache.
 * Returns the run of median build time, with its own waits: one run alone gave a verdict on whatever else the
 * machine did in those seconds (a 1,000-file build of 5.1 s, with the renderer waiting 12 %, beside rounds of 3.3 s).
 */
async function scaleRuns(workDir: string, size: number, runs: number, example: Record<string, unknown>, cli: string, env: NodeJS.ProcessEnv, log: (line: string) => void): Promise<ScaleRun> {
  const base = path.join(workDir, `site-scale-${size}`);
  const plansDir = path.join(base, 'plans');
  mkdirSync(plansDir, { recursive: true });
  const plan = generatePlan(plansDir, size);
  writeFileSync(path.join(plansDir, 'sparbar.config.json'), JSON.stringify(example));
  const timingsFile = path.join(base, 'timings.json');
  const out = path.join(base, 'dist');
  const done: ScaleRun[] = [];
  for (let run = 0; run < runs; run++) {
    const ms = await runCommand(process.execPath, [cli, 'build', plansDir, '--out', out], base, { ...env, SPARBAR_TIMINGS: timingsFile });
    const timings = JSON.parse(readFileSync(timingsFile, 'utf8')) as { waitedMs: number; rendererWaitedMs: number | null };
    done.push({ files: plan.files, pages: countHtml(out), ms, waitedMs: timings.waitedMs, rendererWaitedMs: timings.rendererWaitedMs });
    log(`[site] ${num(plan.files)} files: ${num(ms)} ms, this process waited ${num(timings.waitedMs)} ms, the renderer ${timings.rendererWaitedMs === null ? '–' : num(timings.rendererWaitedMs)} ms`);
    discard(out, workDir);
  }
  discard(base, workDir);
  return done.sort((a, b) => a.ms - b.ms)[Math.floor((runs - 1) / 2)]!;
}

/** Runs the site section and returns it as a report section. */
export async function benchSite(opts: SiteBenchOptions): Promise<Section> {
  const root = siteRoot();
  const cli = path.join(root, 'lib', 'src', 'cli', 'main.js');
  if (!existsSync(cli)) throw new Error(`site bench: ${cli} is missing; run npm run build:cli first.`);
  const compiled = precompiledSite(root);
  const base = path.join(opts.workDir, `site-${opts.size}`);
  const plansDir = path.join(base, 'plans');
  mkdirSync(plansDir, { recursive: true });
  opts.log(`[site] generating ${num(opts.size)} files in ${plansDir}`);
  const plan = generatePlan(plansDir, opts.size);
  // A git clone as CI has it: one commit, tagged as the adopted plan and configured as such.
  const gitEnv = { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', GIT_AUTHOR_NAME: 'Bench', GIT_AUTHOR_EMAIL: 'bench@example.org', GIT_COMMITTER_NAME: 'Bench', GIT_COMMITTER_EMAIL: 'bench@example.org', GIT_AUTHOR_DATE: '2026-01-01T12:00:00+01:00', GIT_COMMITTER_DATE: '2026-01-01T12:00:00+01:00' };
  const git = (...args: string[]) => execFileSync('git', args, { cwd: base, env: gitEnv, stdio: 'pipe' });
  // The example's configuration (its accessibility statement, which every build needs) and the adopted revision.
  const example = JSON.parse(readFileSync(path.join(root, 'plans', 'sparbar.config.json'), 'utf8')) as Record<string, unknown>;
  writeFileSync(path.join(plansDir, 'sparbar.config.json'), JSON.stringify({ ...example, antagen_revision: 'antagen' }));
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-q', '-m', 'Planen som antagen');
  git('tag', 'antagen');

  // The plain project lives inside the repository (git-ignored .bench-tmp/) so that it resolves astro from our node_modules.
  const plainDir = path.join(root, '.bench-tmp', `site-plain-${process.pid}`);
  rmSync(plainDir, { recursive: true, force: true });
  writePlainProject(plainDir, plansDir);
  const ourOut = path.join(base, 'dist');
  const env: NodeJS.ProcessEnv = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };
  for (const name of ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'SITE', 'ASSETS_PREFIX', 'SPARBAR_GRAPH', 'SPARBAR_TEXTS', 'SPARBAR_HISTORY', 'SPARBAR_CACHE', 'SPARBAR_CACHE_DIR']) delete env[name];
  const clearPlain = () => {
    for (const d of ['.cache', '.astro', 'dist', path.join('node_modules', '.astro')]) discard(path.join(plainDir, d), opts.workDir);
  };

  const coldCacheDir = path.join(base, 'textcache-cold');
  const contenders: { label: string; run: () => Promise<CommandTime> }[] = [
    {
      label: 'sparbar build',
      // Cold: an empty text cache each time (what a first build pays, writing the cache included), and no output folder
      // yet, as the plain Astro and Hugo rows start without theirs (a build that replaces an earlier site also removes
      // it: 0.2-0.5 s at 1,000 files on this machine's disk, which the warm row below still pays).
      run: () => {
        discard(coldCacheDir, opts.workDir);
        discard(ourOut, opts.workDir);
        return runMeasured(process.execPath, [cli, 'build', plansDir, '--out', ourOut], root, { ...env, SPARBAR_CACHE_DIR: coldCacheDir });
      },
    },
    {
      label: 'plain Astro, cold',
      run: () => {
        clearPlain();
        return runMeasured(process.execPath, [ASTRO_BIN, 'build', '--root', plainDir, '--silent'], plainDir, env);
      },
    },
    {
      label: 'plain Astro, warm',
      // Its data store kept; the site the cold run wrote moved aside, which Astro would otherwise delete first (emptyDir).
      run: () => {
        discard(path.join(plainDir, 'dist'), opts.workDir);
        return runMeasured(process.execPath, [ASTRO_BIN, 'build', '--root', plainDir, '--silent'], plainDir, env);
      },
    },
  ];

  // Hugo, the practical limit for a static site generator (issue 17), when it is installed: the same files as content.
  const hugo = hugoVersion();
  const hugoDir = path.join(base, 'hugo');
  if (hugo) {
    writeHugoProject(hugoDir, plansDir);
    contenders.push({
      label: 'Hugo',
      run: () => {
        discard(path.join(hugoDir, 'public'), opts.workDir);
        return runMeasured('hugo', ['--quiet', '--source', hugoDir], hugoDir, env);
      },
    });
  } else opts.log('[site] Hugo is not installed (apt-get install hugo): its row is skipped');
  // Ours again as a pull request's build: the text cache (SPARBAR_CACHE_DIR) filled by the run before, one action's
  // title and body changed before each run. Not a cold figure: the targets use the row above.
  const textCacheDir = path.join(base, 'textcache');
  const changedFile = firstFile(plansDir, 'typ: aktivitet');
  const original = readFileSync(changedFile, 'utf8');
  let edits = 0;
  contenders.push({
    label: 'sparbar build, warm',
    run: () => {
      edits++;
      writeFileSync(changedFile, original.replace(/^titel: (.*)$/m, `titel: $1 (ändrad ${edits})`).trimEnd() + `\n\nÄndrad i körning ${edits}.\n`);
      // A pull request's job checks out the plans without a built site: the cold run's site is moved aside.
      discard(ourOut, opts.workDir);
      return runMeasured(process.execPath, [cli, 'build', plansDir, '--out', ourOut], root, { ...env, SPARBAR_CACHE_DIR: textCacheDir });
    },
  });

  const samples = contenders.map(() => [] as number[]);
  const cpuSamples = contenders.map(() => [] as number[]);
  try {
    for (let round = 0; round <= opts.runs; round++) {
      for (const [k, c] of contenders.entries()) {
        const { ms, cpuMs } = await c.run();
        opts.log(`[site] ${round === 0 ? 'warm-up' : `round ${round}`}: ${c.label} ${num(ms)} ms`);
        if (round > 0) samples[k]!.push(ms);
        if (round > 0 && cpuMs !== null) cpuSamples[k]!.push(cpuMs);
      }
    }
    const pages = { ours: countHtml(ourOut), plain: countHtml(path.join(plainDir, 'dist')), hugo: countHtml(path.join(hugoDir, 'public')) };
    // Growth with the plan's size, and how long each process waits for the other (issue 17).
    const scaled = [];
    for (const size of opts.scale.sizes) {
      scaled.push(await scaleRuns(opts.workDir, size, opts.scale.runs, example, cli, env, opts.log));
    }
    const perThousand = scaled.map((r) => r.ms / (r.files / 1000));
    const growth = perThousand.length > 1 ? perThousand[perThousand.length - 1]! / perThousand[0]! : 1;
    const growthOk = growth <= opts.scale.growth;
    const worstWait = Math.max(...scaled.map((r) => Math.max(r.waitedMs, r.rendererWaitedMs ?? 0) / r.ms));
    const waitOk = scaled.every((r) => r.rendererWaitedMs !== null) && worstWait <= opts.scale.maxWaitShare;
    if (pages.plain < plan.files) throw new Error(`site bench: the plain Astro build wrote ${pages.plain} pages for ${plan.files} files`);
    const timings: Timing[] = contenders.map((c, k) => ({ label: c.label, runs: opts.runs, samples: samples[k]!, median: median(samples[k]!), min: Math.min(...samples[k]!) }));
    const [ours, cold, warm] = timings as [Timing, Timing, Timing];
    const hugoTiming = hugo ? timings[3] : undefined;
    const oursWarm = timings.at(-1)!;
    const perRoundCold = ratios(ours, cold);
    const perRoundWarm = ratios(ours, warm);
    const perRoundHugo = hugoTiming ? ratios(ours, hugoTiming) : null;
    const ratioCold = median(perRoundCold);
    const ok = ratioCold <= opts.targetRatio;
    // CPU time (user + system of the command and the processes it waited for), median of the rounds, in s.
    const cpuOf = (t: Timing) => {
      const cpu = cpuSamples[timings.indexOf(t)]!;
      return cpu.length === t.runs ? median(cpu) / 1000 : null;
    };
    const row = (t: Timing, pageCount: number, perRound: number[] | null) => [
      t.label,
      num(pageCount),
      num(t.runs),
      num(t.median / 1000, 2),
      num(t.min / 1000, 2),
      cpuOf(t) === null ? '–' : num(cpuOf(t)!, 2),
      perRound ? `${num(median(perRound), 2)}×` : '',
    ];
    // Issue 17's Hugo target against what the build's work costs: with every core busy all the time, a build that uses
    // C s of CPU cannot end in under C / cores s.
    const cores = availableParallelism();
    const oursCpu = cpuOf(ours);
    const floorNote =
      hugoTiming && oursCpu !== null
        ? [
            `  sparbar build used ${num(oursCpu, 2)} s of CPU (median; user + system of every process it started), Hugo ${num(cpuOf(hugoTiming) ?? 0, 2)} s: on this machine's ${cores} cores no build doing ` +
              `sparbar's work can end in under ${num(oursCpu / cores, 2)} s; ${num(opts.fastTargets.hugo, 0)} × Hugo's median is ${num((opts.fastTargets.hugo * hugoTiming.median) / 1000, 2)} s.`,
          ]
        : [];
    return {
      title: `site: build of the generated ${num(plan.files)}-file plan (s wall time)`,
      tables: [
        {
          columns: ['build', 'pages', 'runs', 'median s', 'min s', 'CPU s', 'sparbar / this, per round'],
          rows: [
            row(ours, pages.ours, null),
            row(cold, pages.plain, perRoundCold),
            row(warm, pages.plain, perRoundWarm),
            ...(hugoTiming && perRoundHugo ? [row(hugoTiming, pages.hugo, perRoundHugo)] : []),
            row(oursWarm, pages.ours, ratios(ours, oursWarm)),
          ],
        },
        {
          columns: ['plan files', 'pages', 'build s', 's per 1,000 files', 'sparbar waited s', 'renderer waited s'],
          rows: scaled.map((r, k) => [
            num(r.files),
            num(r.pages),
            num(r.ms / 1000, 2),
            num(perThousand[k]! / 1000, 2),
            `${num(r.waitedMs / 1000, 2)} (${num((100 * r.waitedMs) / r.ms, 0)} %)`,
            r.rendererWaitedMs === null ? '–' : `${num(r.rendererWaitedMs / 1000, 2)} (${num((100 * r.rendererWaitedMs) / r.ms, 0)} %)`,
          ]),
        },
      ],
      notes: [
        `sparbar build / plain Astro (both cold): ${num(ratioCold, 2)} (median of rounds: ${perRoundCold.map((x) => num(x, 2)).join(' ')}); ` +
          `${num(ours.median / cold.median, 2)} (medians); target ≤ ${num(opts.targetRatio, 2)}: ${ok ? 'OK' : 'ABOVE TARGET'}`,
        `sparbar build / plain Astro warm: ${num(median(perRoundWarm), 2)} (median of rounds; for context, plain Astro reuses its data store there).`,
        `issue 17's targets: sparbar / plain Astro cold ≤ ${num(opts.fastTargets.astro, 2)}: ${ratioCold <= opts.fastTargets.astro ? 'OK' : 'ABOVE TARGET'}; ` +
          (perRoundHugo
            ? `sparbar / Hugo ${num(median(perRoundHugo), 2)} (median of rounds), target ≤ ${num(opts.fastTargets.hugo, 2)}: ${median(perRoundHugo) <= opts.fastTargets.hugo ? 'OK' : 'ABOVE TARGET'} (${hugo}).`
            : 'Hugo is not installed (apt-get install hugo): no Hugo row.'),
        ...floorNote,
        `issue 17's growth: s per 1,000 files at ${num(opts.scale.sizes[opts.scale.sizes.length - 1] ?? 0)} files / at ${num(opts.scale.sizes[0] ?? 0)}: ${num(growth, 2)}, target ≤ ${num(opts.scale.growth, 2)}: ${growthOk ? 'OK' : 'ABOVE TARGET'}; ` +
          `longest wait of either process: ${num(100 * worstWait, 0)} % of the build, target ≤ ${num(100 * opts.scale.maxWaitShare, 0)} %: ${waitOk ? 'OK' : 'ABOVE TARGET'}.`,
        `  ${num(opts.scale.runs)} builds per size by the command line (no git history, no cache; the timings from SPARBAR_TIMINGS), the one of median time shown; sparbar waited = sparbar build idle for the renderer after its`,
        '  check, markdown, history and search index; renderer waited = the renderer child blocked for the graph, texts and history.',
        'sparbar build = node lib/src/cli/main.js build <plans> --out <dir>: check, graph, markdown, git history (a one-commit clone, antagen_revision set),',
        compiled.fresh
          ? `  search index, and every page rendered from the site compiled by npm run build:cli (lib/site-render, ${compiled.renderer.endsWith('.mjs') ? 'by the renderer bundled with it' : 'by the renderer loaded module by module: its bundle is missing or stale'}); an empty text cache and no output folder each run (as Hugo's public/), so each run is cold.`
          : `  search index and Astro's full build (the compiled site is not used: ${compiled.reason}; run npm run build:cli first).`,
        'plain Astro  = astro build of a throw-away Astro 5 project: glob loader over the same .md files, one page each, a minimal layout.',
        '  cold: its cacheDir (data store) and .astro/ moved aside before the run; warm: right after a cold run, data store kept, its dist/ moved aside.',
        'Hugo         = hugo --quiet over the same .md files as its content (a one-template theme, no taxonomies), public/ moved aside before each run.',
        'sparbar build, warm = the same command with the text cache (SPARBAR_CACHE_DIR) the run before filled, after one action file\'s title and body',
        '  changed, without an output folder (a pull request\'s job in CI, a fresh checkout); its last column is sparbar build (cold) / warm in the same round. The targets above use the cold row.',
        'Rounds run ours, plain cold, plain warm (and Hugo) and ours warm in turn, after one untimed round; the verdict uses the per-round ratio.',
        'Outputs and caches of earlier runs are moved aside, not deleted, until the bench ends (bench/discard.ts: on a disk without a journal, files made',
        '  right after thousands were deleted cost seconds of system time, so each row depended on the rows before it), also before the warm rows: no row deletes a site.',
        'CPU s = user + system time of the command and every process it waited for (POSIX times, through /bin/sh), median of the rounds.',
      ],
      ok: ok && growthOk && waitOk,
    };
  } finally {
    discard(plainDir, opts.workDir);
    writeFileSync(changedFile, original);
    const benchTmp = path.dirname(plainDir);
    if (existsSync(benchTmp) && readdirSync(benchTmp).length === 0) rmSync(benchTmp, { recursive: true, force: true });
  }
}
