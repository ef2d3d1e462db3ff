// Bench section "watch": how long `sparbar check --watch` takes to re-check the plan after one file is saved,
// on the largest generated plan. Each change is written to disk first (not timed), then CheckSession.update
// re-reads and re-validates that file, brings the graph up to date (kept, patched, relinked or rebuilt, see
// GraphStep) and works out the new and resolved messages. Before each timed run the heap is collected and left
// to settle for a moment, as it is between two saves; a second pass times the slowest kind right after a forced
// full collection, the worst case.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { checkPlans } from '../src/check/check-plans.js';
import { CheckSession } from '../src/check/check-session.js';
import { assertCleanPlan, listMarkdown } from './check-bench.js';
import { generatePlan } from './generate-plan.js';
import { gc, median } from './measure.js';
import { setTimeout as sleep } from 'node:timers/promises';
import { num, type Section } from './table.js';

export interface WatchBenchOptions {
  /** Plan size in files (the largest bench size). */
  size: number;
  /** The graph nodes the plan must have at least (the bench fails, saying so, when it has fewer). */
  minNodes?: number;
  /** Timed re-checks per kind of change (after one warm-up). */
  runs: number;
  /** Folder to generate the plan in; the caller removes it. */
  workDir: string;
  /** The target for one single-file re-check, in ms (median). */
  targetMs: number;
  /** Idle time after the forced GC before each timed run, in ms (the pause between saves, --watch's debounce). */
  settleMs: number;
  log: (line: string) => void;
}

interface Kind {
  label: string;
  /** The file's text for run `i` (i = 0 is the warm-up). */
  text: (original: string, i: number) => string;
  /** Checks the update, so a wrong result can never be timed as a fast one. */
  verify: (u: ReturnType<CheckSession['update']>, i: number) => void;
}

interface KindResult {
  label: string;
  files: number[];
  total: number[];
  graphStep: string;
}

/** Runs the watch section and returns it as a report section. */
export async function benchWatch(opts: WatchBenchOptions): Promise<Section> {
  const dir = path.join(opts.workDir, `watch-${opts.size}`);
  mkdirSync(dir, { recursive: true });
  opts.log(`[watch] generating ${num(opts.size)} files in ${dir}`);
  const plan = generatePlan(dir, opts.size);

  const session = new CheckSession(dir);
  let t0 = performance.now();
  const first = session.start();
  const startMs = performance.now() - t0;
  assertCleanPlan(plan, first);
  if (opts.minNodes !== undefined && first.graph.nodes.length < opts.minNodes) {
    throw new Error(`watch bench: the ${num(plan.files)}-file plan has ${num(first.graph.nodes.length)} graph nodes, fewer than ${num(opts.minNodes)}; raise WATCH_NODES_FILES in bench/bench.ts`);
  }
  const nodes = num(first.graph.nodes.length);

  // One action file in the middle of the plan, and the one status line it has.
  const actions = listMarkdown(dir)
    .filter((f) => f.includes(`${path.sep}aktiviteter${path.sep}`))
    .sort();
  const file = actions[Math.floor(actions.length / 2)]!;
  const rel = path.relative(dir, file).split(path.sep).join('/');
  const original = readFileSync(file, 'utf8');
  if (!/^status: .+$/m.test(original)) throw new Error(`${rel} has no status line; pick another file in bench/watch-bench.ts`);
  const withStatus = (s: string) => original.replace(/^status: .+$/m, `status: ${s}`);

  const expect = (ok: boolean, what: string) => {
    if (!ok) throw new Error(`watch bench: ${what} (file ${rel}). The incremental check is wrong; no figure is reported.`);
  };
  const kinds: Kind[] = [
    {
      label: 'body text edited',
      text: (o, i) => `${o}\nTillägg ${i}: ${'x'.repeat(i % 7)}.\n`,
      verify: (u) => expect(u.reread === 1 && u.graphStep === 'kept' && u.added.length === 0 && u.resolved.length === 0, 'a body edit changed messages or rebuilt the graph'),
    },
    {
      label: 'frontmatter edited (status)',
      text: (_o, i) => withStatus(i % 2 === 0 ? 'pausad' : 'pågår'),
      verify: (u) => expect(u.reread === 1 && u.graphStep === 'patched' && !u.added.some((m) => m.fatal === true), 'a status edit was not re-checked through the kept structure, or gave errors'),
    },
    {
      label: 'error made or fixed',
      text: (_o, i) => withStatus(i % 2 === 0 ? 'pågående' : 'pågår'),
      verify: (u, i) =>
        expect(
          i % 2 === 0 ? u.added.some((m) => m.ruleId === 'invalid-value' && m.file === rel) : u.resolved.some((m) => m.ruleId === 'invalid-value' && m.file === rel),
          'the bad status value was not reported new, or not reported resolved',
        ),
    },
  ];

  const results: KindResult[] = [];
  const timeKind = async (kind: Kind, settleMs: number): Promise<KindResult> => {
    opts.log(`[watch] ${num(opts.size)}: ${kind.label}, 1 warm-up + ${opts.runs} runs, ${settleMs} ms settle after GC`);
    const r: KindResult = { label: kind.label, files: [], total: [], graphStep: '' };
    // Start every kind from the original file, so the error kind starts clean.
    writeFileSync(file, original);
    session.update([rel]);
    for (let i = 0; i <= opts.runs; i++) {
      writeFileSync(file, kind.text(original, i));
      gc();
      if (settleMs > 0) await sleep(settleMs);
      t0 = performance.now();
      const files = session.updateFiles([rel]);
      const t1 = performance.now();
      const graph = session.updateGraph(files);
      const t2 = performance.now();
      kind.verify({ result: graph.result, added: [...files.added, ...graph.added], resolved: [...files.resolved, ...graph.resolved], reread: files.reread, graphStep: graph.graphStep }, i);
      if (i === 0) continue;
      r.files.push(t1 - t0);
      r.total.push(t2 - t0);
      r.graphStep = graph.graphStep;
    }
    return r;
  };
  for (const kind of kinds) results.push(await timeKind(kind, opts.settleMs));
  const slowest = results.reduce((a, b) => (median(a.total) >= median(b.total) ? a : b));
  const afterGc = await timeKind(kinds[results.indexOf(slowest)]!, 0);

  // The session must agree with a full check of the same folder.
  opts.log(`[watch] ${num(opts.size)}: comparing the session with a full check`);
  t0 = performance.now();
  const full = checkPlans(dir);
  const fullMs = performance.now() - t0;
  const key = (m: { file: string; line: number; column: number; ruleId: string; reason: string }) => `${m.file}:${m.line}:${m.column} ${m.ruleId} ${m.reason}`;
  const last = session.update([rel]).result;
  expect(JSON.stringify(last.messages.map(key)) === JSON.stringify(full.messages.map(key)), 'the session and a full check disagree');
  writeFileSync(file, original);

  const ok = results.every((r) => median(r.total) <= opts.targetMs);
  const rows = results.map((r) => [
    r.label,
    num(r.total.length),
    '1',
    r.graphStep,
    num(median(r.files), 1),
    num(median(r.total), 1),
    num(Math.min(...r.total), 1),
    median(r.total) <= opts.targetMs ? 'OK' : 'ABOVE TARGET',
  ]);
  const worstCase = median(afterGc.total) <= opts.targetMs ? 'OK' : 'ABOVE TARGET';
  rows.push([`${afterGc.label}, right after a full GC`, num(afterGc.total.length), '1', afterGc.graphStep, num(median(afterGc.files), 1), num(median(afterGc.total), 1), num(Math.min(...afterGc.total), 1), `${worstCase} (worst case)`]);
  rows.push(['full check, for comparison', '1', num(plan.files), 'built', '', num(fullMs, 1), num(fullMs, 1), '']);
  return {
    title: `watch: re-check after one file is saved, ${num(plan.files)}-file plan, ${nodes} graph nodes (ms wall time)`,
    tables: [
      {
        columns: [`change (${num(plan.files)} files, ${nodes} graph nodes)`, 'runs', 'files read', 'graph', 'file step median ms', 'total median ms', 'total min ms', `target ≤ ${num(opts.targetMs)} ms`],
        rows,
      },
    ],
    notes: [
      `single-file re-check at ${num(plan.files)} files (${nodes} graph nodes): ${results.map((r) => `${r.label} ${num(median(r.total), 1)} ms`).join('; ')}; ` +
        `slowest ${slowest.label}: ${ok ? 'OK' : 'ABOVE TARGET'} (target ≤ ${num(opts.targetMs)} ms); right after a full GC ${num(median(afterGc.total), 1)} ms: ${worstCase}`,
      `the plan: ${num(plan.files)} files, ${num(first.graph.nodes.length)} graph nodes, ${num(first.graph.edges.length)} edges, ${num(first.graph.followUps.length)} follow-ups`,
      `first check of the session (every file read): ${num(startMs, 0)} ms; a full checkPlans: ${num(fullMs, 0)} ms`,
      'file step = the saved file read, decoded, YAML-parsed and validated, and its own messages compared (what --watch prints first);',
      'total = file step + the graph brought up to date + all messages compared. graph: kept (only the markdown body changed), patched (fields only:',
      'the structure is kept, field checks and derived facts run again), relinked (the file\'s nodes and links replaced, the links the change can affect resolved again).',
      `Each timed run follows a forced full GC and ${num(opts.settleMs)} ms of idle time, as a save follows a pause; the worst-case row has no pause.`,
      'Not timed: the write itself, the file-system event and --watch\'s 40 ms debounce.',
      'Every timed re-check is verified (files read, how the graph was updated, the expected message new or resolved), and the session is compared with a full check at the end.',
    ],
    ok,
  };
}
