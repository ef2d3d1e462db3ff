// The property test of issue 9: the example plan mutated at random, one file at a time, as writers, editors, Macs,
// PDFs and moved Hugo sites break files. Every check must keep three promises: no crash; every message at a line
// and column inside its file; and in the files that were not mutated, only messages about what the mutation really
// took away (an unknown reference to an id it removed; a coverage gap, a rollup or a period it really changed).
// The seed is fixed so a failure can be replayed (bench/mutations.ts, `npm run bench -- --only mutations` for more).
import { describe, expect, it } from 'vitest';
import { judge, MUTATIONS, MutationRun, readPlanFolder, runMutations } from '../bench/mutations.js';
import { VFileMessage } from 'vfile-message';
import type { CheckMessage } from '../src/messages/report.js';

const SEED = 20260901;
const COUNT = 2000;

describe('seeded mutations of the example plan', () => {
  it(`${COUNT} mutations: no crash, every message inside its file, no echoes in files that were not mutated`, { timeout: 900_000 }, () => {
    const { failures, kinds } = runMutations('plans', SEED, COUNT);
    expect(failures.slice(0, 3).map((f) => `step ${f.step}, ${f.kind} of ${f.file}: ${f.violations.slice(0, 3).join(' | ')}`)).toEqual([]);
    // Every kind of mutation was tried.
    expect([...kinds.keys()].filter((k) => k !== 'none').sort()).toEqual(Object.keys(MUTATIONS).sort());
  });

  it('the judge catches what the property forbids (so the property test can fail)', () => {
    const run = new MutationRun(readPlanFolder('plans'));
    const message = (file: string, line: number, column: number, ruleId: string, actual?: string): CheckMessage => {
      const m = new VFileMessage('x', { ruleId, place: { line, column } }) as CheckMessage;
      m.file = file;
      if (actual !== undefined) m.actual = actual;
      return m;
    };
    const texts = new Map(readPlanFolder('plans').map((f) => [f.path, Buffer.from(f.bytes).toString('utf8')]));
    const A01 = 'ekby/plan-2024-2027/aktiviteter/digitaliseringsenheten/A01.md';
    const M1 = 'ekby/plan-2024-2027/mal/M1.md';
    const withMessages = (...messages: CheckMessage[]) => ({ ...run.baseline, messages });
    // A message in a file that was not mutated, about an id nobody removed.
    expect(judge(run.baseline, withMessages(message(M1, 5, 17, 'unknown-reference', 'SP7')), A01, texts)).toHaveLength(1);
    // A position past the end of its line, and past the end of the file.
    expect(judge(run.baseline, withMessages(message(A01, 2, 99, 'yaml-syntax')), A01, texts)).toHaveLength(1);
    expect(judge(run.baseline, withMessages(message(A01, 999, 1, 'yaml-syntax')), A01, texts)).toHaveLength(1);
    // The same messages in the mutated file itself, inside it, are fine.
    expect(judge(run.baseline, withMessages(message(A01, 2, 1, 'yaml-syntax')), A01, texts)).toEqual([]);
  });
});
