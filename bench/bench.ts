// `npm run bench`: generates plans in a temp folder, runs each bench section and prints a plain-text report.
// Sections are independent functions returning a Section (see table.ts); add new ones (site build, watch
// re-check) to SECTIONS below.
// Options: node lib/bench/bench.js --help (usage() below).
// --runs is for the large plans; plans of up to 2,000 files get three times as many (they are cheap and noisy).
// --strict exits 1 when a section misses its target (the check/floor ratio).
import { cpus, tmpdir } from 'node:os';
import { mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { benchCheck } from './check-bench.js';
import { benchWatch } from './watch-bench.js';
import { benchSite } from './site-bench.js';
import { benchExample } from './example-bench.js';
import { benchMutations } from './mutations-bench.js';
import { benchImport } from './import-bench.js';
import { benchPathological } from './pathological-bench.js';
import { forceGc } from './measure.js';
import { renderSection, type Section } from './table.js';

const OPTIONS = {
  sizes: { type: 'string', default: '1000,10000' },
  runs: { type: 'string', default: '5' },
  'no-remark': { type: 'boolean', default: false },
  strict: { type: 'boolean', default: false },
  only: { type: 'string' },
  mutations: { type: 'string', default: '20000' },
  seed: { type: 'string', default: '1' },
  help: { type: 'boolean', default: false },
} as const;
let parsed: ReturnType<typeof parseArgs<{ options: typeof OPTIONS }>>;
try {
  parsed = parseArgs({ options: OPTIONS });
} catch (error) {
  process.stderr.write(`${(error as Error).message}; see node lib/bench/bench.js --help\n`);
  process.exit(2);
}
const { values } = parsed;
const sizes = values.sizes
  .split(',')
  .map((s) => Number(s.trim()))
  .filter((n) => Number.isFinite(n) && n > 0);
const runs = Math.max(1, Number(values.runs) || 5);

const log = (line: string): void => void process.stderr.write(`${line}\n`);

/** Files of the generated plan that has 10,000 graph nodes (the rest are follow-ups, which are no nodes). */
const WATCH_NODES_FILES = 17900;

const SECTIONS: { name: string; run: () => Promise<Section> }[] = [
  {
    name: 'check',
    run: () =>
      benchCheck({
        sizes,
        runs: (size) => (size <= 2000 ? 3 * runs : runs),
        remarkRuns: (size) => (values['no-remark'] ? 0 : size <= 2000 ? 3 : 2),
        workDir,
        targetRatio: 1.5,
        log,
      }),
  },
  {
    name: 'watch',
    // At the largest size in files, then at 10,000 graph nodes (issue 17's second watch target: 17,900 files).
    run: async () => {
      const byFiles = await benchWatch({ size: Math.max(...sizes), runs: Math.max(5, runs * 2), workDir, targetMs: 100, settleMs: 100, log });
      const byNodes = await benchWatch({ size: WATCH_NODES_FILES, minNodes: 10000, runs: Math.max(5, runs * 2), workDir, targetMs: 100, settleMs: 100, log });
      return { title: `${byFiles.title}; and at 10,000 graph nodes`, tables: [...byFiles.tables, ...byNodes.tables], notes: [...byFiles.notes, ...byNodes.notes], ok: byFiles.ok && byNodes.ok };
    },
  },
  { name: 'site', run: () => benchSite({ size: 1000, runs: 3, workDir, targetRatio: 1.3, fastTargets: { astro: 0.4, hugo: 8 }, scale: { sizes: [1000, 5000], runs: 3, growth: 1.1, maxWaitShare: 0.1 }, log }) },
  { name: 'example', run: () => benchExample({ checkRuns: 10, buildRuns: 3, workDir, checkRatio: 2.5, buildMs: 2000, log }) },
  { name: 'mutations', run: () => benchMutations({ count: Number(values.mutations) || 20000, seed: Number(values.seed) || 1, log }) },
  { name: 'import', run: () => benchImport({ pages: 40, runs: 5, workDir, targetSeconds: 5, log }) },
  { name: 'pathological', run: () => benchPathological({ log }) },
];

/** The usage line, from OPTIONS (with their defaults) and the sections' names. */
function usage(): string {
  const option = ([name, o]: [string, { type: string; default?: string | boolean }]) =>
    name === 'only' ? `[--only ${SECTIONS.map((s) => s.name).join(',')}]` : o.type === 'boolean' ? `[--${name}]` : `[--${name} ${o.default ?? '…'}]`;
  return `usage: node lib/bench/bench.js ${Object.entries(OPTIONS).map(option).join(' ')}\n`;
}

if (values.help) {
  process.stdout.write(usage());
  process.exit(0);
}
const only = values.only?.split(',').map((s) => s.trim());
const unknown = only?.filter((name) => !SECTIONS.some((section) => section.name === name)) ?? [];
if (unknown.length > 0) {
  process.stderr.write(`no bench section ${unknown.join(', ')}\n${usage()}`);
  process.exit(2);
}

// Made only once the arguments are known to be right: every run's plans and sites, removed at the end or on Ctrl+C.
const workDir = mkdtempSync(path.join(tmpdir(), 'sparbar-bench-'));
const cleanup = (): void => rmSync(workDir, { recursive: true, force: true });
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    cleanup();
    process.exit(130);
  });
}

const started = Date.now();
const sectionsOut: Section[] = [];
try {
  for (const section of SECTIONS) {
    if (only && !only.includes(section.name)) continue;
    log(`[bench] section ${section.name}`);
    sectionsOut.push(await section.run());
  }
} finally {
  cleanup();
}

const cpu = cpus();
const header = [
  'Spårbar benchmark',
  `node ${process.version}, ${process.platform}-${process.arch}, ${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}`,
  `forced GC between runs: ${forceGc ? 'yes' : 'no (figures are noisier)'}; total bench time ${((Date.now() - started) / 1000).toFixed(1)} s`,
].join('\n');
process.stdout.write(`${header}\n\n${sectionsOut.map(renderSection).join('\n\n')}\n`);
if (values.strict && sectionsOut.some((s) => !s.ok)) process.exitCode = 1;
