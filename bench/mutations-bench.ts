// Bench section `mutations`: many more seeded mutations of the example plan than `npm test` runs (bench/mutations.ts),
// with how long one mutated check takes and any mutation that broke the property.
import { performance } from 'node:perf_hooks';
import { prng } from './generate-plan.js';
import { MutationRun, readPlanFolder } from './mutations.js';
import { num, type Section } from './table.js';

export interface MutationBenchOptions {
  count: number;
  seed: number;
  log: (line: string) => void;
}

/** Runs `count` mutations from `seed` over `plans/`; the section fails when any mutation broke the property. */
export async function benchMutations({ count, seed, log }: MutationBenchOptions): Promise<Section> {
  const run = new MutationRun(readPlanFolder('plans'));
  const rng = prng(seed);
  const kinds = new Map<string, { runs: number; messages: number; ms: number; failures: number }>();
  const failures: string[] = [];
  const started = performance.now();
  for (let step = 0; step < count; step++) {
    const t = performance.now();
    const outcome = run.mutate(rng);
    const ms = performance.now() - t;
    const k = kinds.get(outcome.kind) ?? { runs: 0, messages: 0, ms: 0, failures: 0 };
    k.runs++;
    k.messages += outcome.messages;
    k.ms += ms;
    if (outcome.violations.length > 0) {
      k.failures++;
      if (failures.length < 10) failures.push(`step ${step}, ${outcome.kind} of ${outcome.file}: ${outcome.violations[0]}`);
    }
    kinds.set(outcome.kind, k);
    if ((step + 1) % 2000 === 0) log(`[bench] mutations: ${step + 1} of ${count}`);
  }
  const total = performance.now() - started;
  const rows = [...kinds.entries()]
    .sort((a, b) => (a[0] < b[0] ? -1 : 1))
    .map(([kind, k]) => [kind, num(k.runs), num(k.messages / k.runs, 1), num(k.ms / k.runs, 1), num(k.failures)]);
  const failed = [...kinds.values()].reduce((n, k) => n + k.failures, 0);
  return {
    title: `mutations: ${num(count)} seeded mutations of the example plan (seed ${seed})`,
    tables: [{ columns: ['mutation', 'runs', 'messages/run', 'ms/run', 'failures'], rows }],
    notes: [
      `total ${num(total / 1000, 1)} s, ${num(total / count, 1)} ms per mutated check (parse of the mutated file and the whole graph again)`,
      failed === 0 ? 'property held for every mutation' : `property broken ${failed} times:`,
      ...failures,
    ],
    ok: failed === 0,
  };
}
