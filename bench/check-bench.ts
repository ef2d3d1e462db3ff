// Bench section "check": how long `checkPlans` takes on generated plans, against the floor any checker
// must pay (read every file, split off the frontmatter, parse the YAML with positions) and, for context,
// a full markdown parse of every file with unified + remark-parse + remark-frontmatter.
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { LineCounter, parseDocument } from 'yaml';
import { checkPlans, type CheckResult } from '../src/check/check-plans.js';
import { generatePlan, type GeneratedPlan } from './generate-plan.js';
import { gc, memory, ratios, timeInterleaved, timeRuns, median, type MemorySnapshot, type Timing } from './measure.js';
import { num, type Section } from './table.js';

export interface CheckBenchOptions {
  /** Plan sizes in files, e.g. [1000, 10000]. */
  sizes: readonly number[];
  /** Timed runs of floor and check for a size (after one warm-up); small plans are cheap and noisier, so give them more. */
  runs: (size: number) => number;
  /** Timed runs of the remark parse per size; 0 skips it for that size. */
  remarkRuns: (size: number) => number;
  /** Folder to generate plans in (one subfolder per size); the caller removes it. */
  workDir: string;
  /** The check/floor ratio (medians) the largest size must stay within. */
  targetRatio: number;
  /** Progress lines (stderr), so stdout keeps only the report. */
  log: (line: string) => void;
}

/** Every .md file under `root`, depth first; dot-folders skipped, like the checker. */
export function listMarkdown(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const abs = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(abs);
      else if (entry.isFile() && entry.name.endsWith('.md')) out.push(abs);
    }
  };
  walk(root);
  return out;
}

/** The floor: find and read every file, split off the frontmatter, parse it with `yaml` keeping positions. */
export function floorPass(root: string): { files: number; yamlErrors: number; keys: number } {
  let yamlErrors = 0;
  let keys = 0;
  const files = listMarkdown(root);
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    if (!text.startsWith('---\n')) continue;
    const end = text.indexOf('\n---\n', 3);
    if (end === -1) continue;
    const lineCounter = new LineCounter();
    const doc = parseDocument(text.slice(4, end + 1), { lineCounter });
    yamlErrors += doc.errors.length;
    const contents = doc.contents as { items?: unknown[] } | null;
    keys += contents?.items?.length ?? 0;
  }
  return { files: files.length, yamlErrors, keys };
}

const remark = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).freeze();

/** Context only: a full markdown parse (mdast) of every whole file. */
export function remarkPass(root: string): { files: number; blocks: number } {
  let blocks = 0;
  const files = listMarkdown(root);
  for (const file of files) blocks += remark.parse(readFileSync(file, 'utf8')).children.length;
  return { files: files.length, blocks };
}

/** Fails loudly unless the generated plan checks with zero errors; returns its warnings by rule. */
export function assertCleanPlan(plan: GeneratedPlan, result: CheckResult): Map<string, number> {
  const errors = result.messages.filter((m) => m.fatal === true);
  if (errors.length > 0 || result.fileCount !== plan.files) {
    const lines = errors.slice(0, 20).map((m) => `  ${m.file}:${m.line}:${m.column} ${m.ruleId}: ${m.reason}`);
    throw new Error(
      `The generated plan of ${plan.files} files in ${plan.root} does not check clean: ${errors.length} errors, ` +
        `${result.fileCount} files read.\n${lines.join('\n')}${errors.length > 20 ? `\n  … and ${errors.length - 20} more` : ''}\n` +
        'Fix bench/generate-plan.ts (or the checker) before trusting any figure.',
    );
  }
  const warnings = new Map<string, number>();
  for (const m of result.messages) warnings.set(m.ruleId, (warnings.get(m.ruleId) ?? 0) + 1);
  return warnings;
}

interface SizeResult {
  size: number;
  plan: GeneratedPlan;
  nodes: number;
  edges: number;
  warnings: Map<string, number>;
  floor: Timing;
  check: Timing;
  /** check/floor per interleaved round. */
  ratios: number[];
  remark: Timing | undefined;
  memory: CheckMemory;
}

interface CheckMemory {
  /** Heap after a full GC with nothing from the bench alive. */
  base: MemorySnapshot;
  /** Right after one checkPlans, before any GC (its garbage included). */
  after: MemorySnapshot;
  /** Heap the result (graph + messages) keeps alive, after a full GC. */
  retainedMB: number;
}

/** Holds a result where the optimiser cannot drop it while memory is measured. */
const holder: { result?: CheckResult } = {};

function measureCheckMemory(dir: string): CheckMemory {
  holder.result = undefined;
  gc();
  const base = memory();
  holder.result = checkPlans(dir);
  const after = memory();
  gc();
  const held = memory();
  holder.result = undefined;
  gc();
  const released = memory();
  return { base, after, retainedMB: held.heapUsedMB - released.heapUsedMB };
}

/** First check of a fresh plan: asserts zero errors and returns the shape of the graph (the result is dropped). */
function verifyPlan(plan: GeneratedPlan): { nodes: number; edges: number; warnings: Map<string, number> } {
  const result = checkPlans(plan.root);
  const warnings = assertCleanPlan(plan, result);
  return { nodes: result.graph.nodes.length, edges: result.graph.edges.length, warnings };
}

function benchSize(size: number, opts: CheckBenchOptions): SizeResult {
  const dir = path.join(opts.workDir, `plan-${size}`);
  mkdirSync(dir, { recursive: true });
  opts.log(`[check] generating ${num(size)} files in ${dir}`);
  const plan = generatePlan(dir, size);

  opts.log(`[check] ${num(size)}: verifying that the generated plan checks with zero errors`);
  const { nodes, edges, warnings } = verifyPlan(plan);

  const runs = opts.runs(size);
  opts.log(`[check] ${num(size)}: floor and check, interleaved, 1 warm-up + ${runs} runs each`);
  const [floor, check] = timeInterleaved(
    [
      {
        label: 'floor',
        fn: () => floorPass(dir),
        check: (r) => {
          const f = r as ReturnType<typeof floorPass>;
          if (f.files !== plan.files || f.yamlErrors !== 0) throw new Error(`floor read ${f.files} files with ${f.yamlErrors} YAML errors`);
        },
      },
      {
        label: 'check',
        fn: () => checkPlans(dir),
        check: (r) => {
          const c = r as CheckResult;
          if (c.fileCount !== plan.files || c.messages.some((m) => m.fatal === true)) throw new Error(`check read ${c.fileCount} files, or found errors`);
        },
      },
    ],
    { runs },
  ) as [Timing, Timing];

  const mem = measureCheckMemory(dir);

  const remarkRuns = opts.remarkRuns(size);
  let remarkTiming: Timing | undefined;
  if (remarkRuns > 0) {
    opts.log(`[check] ${num(size)}: remark parse × ${remarkRuns} (slow, context only)`);
    remarkTiming = timeRuns('remark', () => remarkPass(dir), { runs: remarkRuns, warmup: size <= 2000 ? 1 : 0 });
  }
  return { size, plan, nodes, edges, warnings, floor, check, ratios: ratios(check, floor), remark: remarkTiming, memory: mem };
}

/** Runs the check section for every size and returns it as a report section. */
export async function benchCheck(opts: CheckBenchOptions): Promise<Section> {
  const results: SizeResult[] = [];
  for (const size of opts.sizes) results.push(benchSize(size, opts));

  const timeRows: string[][] = [];
  for (const r of results) {
    const mb = r.plan.bytes / 1024 / 1024;
    const row = (t: Timing, first: boolean, perRound?: number[]): string[] => [
      first ? num(r.size) : '',
      first ? num(r.plan.files) : '',
      first ? num(mb, 2) : '',
      first ? num(r.plan.bytes / r.plan.files / 1024, 2) : '',
      t.label,
      num(t.runs),
      num(t.median, 1),
      num(t.min, 1),
      num((t.median * 1000) / r.plan.files, 1),
      `${num(t.median / r.floor.median, 2)}×`,
      `${num(t.min / r.floor.min, 2)}×`,
      perRound ? `${num(median(perRound), 2)}×` : '',
    ];
    timeRows.push(row(r.floor, true), row(r.check, false, r.ratios));
    if (r.remark) timeRows.push(row(r.remark, false));
  }
  const memRows = results.map((r) => [
    num(r.size),
    num(r.nodes),
    num(r.edges),
    num(r.memory.base.heapUsedMB, 1),
    num(r.memory.after.heapUsedMB, 1),
    num(r.memory.retainedMB, 1),
    num(r.memory.after.rssMB, 1),
    num(r.memory.after.peakRssMB, 1),
  ]);

  const largest = results[results.length - 1]!;
  // The verdict uses the per-round ratio: on a shared machine the ratio of medians swings with background load.
  const ratio = median(largest.ratios);
  const ok = ratio <= opts.targetRatio;
  const notes = [
    `check/floor at ${num(largest.size)} files: ${num(ratio, 2)} (median of rounds: ${largest.ratios.map((x) => num(x, 2)).join(' ')}); ` +
      `${num(largest.check.median / largest.floor.median, 2)} (medians); ${num(largest.check.min / largest.floor.min, 2)} (mins); ` +
      `target ≤ ${num(opts.targetRatio, 2)}: ${ok ? 'OK' : 'ABOVE TARGET'}`,
    ...results.map(
      (r) =>
        `${num(r.size)}: 0 errors, ${[...r.warnings.values()].reduce((a, b) => a + b, 0)} warnings` +
        (r.warnings.size ? ` (${[...r.warnings].map(([k, v]) => `${k} ${v}`).join(', ')})` : '') +
        `; files by typ: ${Object.entries(r.plan.byType)
          .map(([k, v]) => `${k} ${v}`)
          .join(', ')}`,
    ),
    'floor  = list files + readFileSync + split off frontmatter + yaml parseDocument with a LineCounter (the minimum for any checker)',
    'check  = checkPlans(dir): discover, read, decode, YAML + toJS, zod, graph, checks, derived facts',
    'remark = list files + readFileSync + unified/remark-parse/remark-frontmatter parse of each whole file (context only)',
    'floor and check run interleaved (floor, check, floor, …) after one warm-up each, with a forced GC before every run;',
    '× floor per round = median over rounds of check/floor in the same round (robust to a noisy, shared machine).',
    'Memory: heap after check = heapUsed right after one checkPlans (garbage included); retained = heap its result keeps',
    'after a full GC; RSS after check is the process RSS then; peak RSS is the whole process so far (earlier sizes included).',
  ];
  return {
    title: 'check: whole plans folder, in-process (ms wall time)',
    tables: [
      {
        columns: ['plan', 'files', 'MB', 'KB/file', 'measurement', 'runs', 'median ms', 'min ms', 'µs/file', '× floor', '× floor min', '× floor per round'],
        rows: timeRows,
      },
      {
        columns: ['plan', 'graph nodes', 'edges', 'heap base MB', 'heap after check MB', 'retained by result MB', 'RSS after check MB', 'peak RSS MB'],
        rows: memRows,
      },
    ],
    notes,
    ok,
  };
}
