// Test helpers for imports: write an import into a temporary folder, check it with the same pipeline as
// `sparbar check`, summarise the plan it gives, and assert that check reports exactly the facts the document
// does not give.
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { checkPlans, type CheckResult } from '../../src/check/check-plans.js';
import { indexGraph } from '../../src/graph/graph-index.js';
import type { Graph, GraphNode } from '../../src/graph/types.js';
import { importDocument } from '../../src/import/import-document.js';
import type { ImportResult } from '../../src/import/model.js';
import { planImport, type ImportOptions, type PlannedImport } from '../../src/import/to-files.js';
import { writeNewFolder } from '../../src/import/write-folder.js';
import { tempFolder } from '../helpers/temp-folder.js';

/**
 * The warning rule `check` gives for each fact the format lets a document lack (issue 12, "Unknown is a
 * value"); a fact the format still requires (a plan's policy or organisation) is a missing-key error.
 */
const FACT_RULES: Record<string, string> = {
  antagen: 'document-without-adoption-date',
  antagen_av: 'document-without-adopting-body',
  giltighet: 'policy-without-validity',
  period: 'plan-without-period',
  målår: 'goal-without-target-year',
  förväntat_resultat: 'goal-without-expected-result',
  'budget.slag': 'budget-without-kind',
  ansvarig: 'action-without-owner',
  slut: 'action-without-due-date',
};

/** The organisation and policy already in the plans that a plan document is imported under (`--organisation`, `--policy`). */
export const EXISTING = { organisation: 'testkommun', policy: 'testpolicy' } as const;

export interface Imported {
  result: ImportResult;
  planned: PlannedImport;
  /** The new plan folder the import wrote. */
  dir: string;
  /** `sparbar check` of the plans: the new folder, and the existing policy beside it when imported under one. */
  check: CheckResult;
  /**
   * `sparbar check` after a person filled in what the report lists as errors: the organisation of a plan
   * shared by several (the format holds one per plan; the first adopter here). `check` itself when the
   * report lists no error.
   */
  filled: CheckResult;
}

/** A copy of the imported plans with each required fact the report lists filled in, checked. */
function fillRequired(plans: string, dir: string, planned: PlannedImport): CheckResult {
  const required = planned.missing.filter((m) => m.required);
  if (required.length === 0) return checkPlans(plans);
  const copy = `${plans}-ifylld`;
  cpSync(plans, copy, { recursive: true });
  for (const m of required) {
    if (m.key !== 'organisation') throw new Error(`the test cannot fill in ${m.key} of ${m.file}`);
    const full = path.join(copy, path.relative(plans, dir), m.file);
    const text = readFileSync(full, 'utf8');
    const org = planned.nodes.find((n) => n.type === 'organisation')!.id;
    writeFileSync(full, text.replace(/^(titel: .*\n)/m, `$1organisation: ${org}\n`));
  }
  return checkPlans(copy);
}

/**
 * Writes `bytes` as `name` in a temporary folder, imports it, writes the new plan folder and checks the plans
 * as `sparbar check` would. With `options.policy` (a plan document without its policy) the new folder is
 * written as `plans/import` beside an existing, complete organisation and policy (`plans/befintlig`), as
 * `sparbar importera plan.pdf plans/import --organisation … --policy …` does; message files are then given
 * relative to the new folder.
 */
export async function importAndCheck(name: string, bytes: string | Uint8Array, options: ImportOptions = {}): Promise<Imported> {
  const work = tempFolder('sparbar-import-test-');
  const file = path.join(work, name);
  writeFileSync(file, bytes);
  const result = await importDocument(file);
  const planned = planImport(result, options);
  const plans = path.join(work, 'plans');
  const dir = options.policy === undefined ? plans : path.join(plans, 'import');
  if (options.policy !== undefined) {
    mkdirSync(path.join(plans, 'befintlig'), { recursive: true });
    writeFileSync(path.join(plans, 'befintlig', 'organisation.md'), `---\ntyp: organisation\nid: ${options.organisation ?? EXISTING.organisation}\ntitel: Testkommun\n---\n`);
    writeFileSync(
      path.join(plans, 'befintlig', 'policy.md'),
      `---\ntyp: policy\nid: ${options.policy}\ntitel: Testpolicy\norganisationer: [${options.organisation ?? EXISTING.organisation}]\nantagen_av: Testorganet\nantagen: 2000-01-01\ngiltighet: { från: 2000-01-01, till: 2099-12-31 }\nområden: [{ id: T1, titel: Testområde }]\n---\n`,
    );
  }
  writeNewFolder(dir, planned.files);
  const prefix = options.policy === undefined ? '' : 'import/';
  const relative = (check: CheckResult): CheckResult => ({ ...check, messages: check.messages.map((m) => (m.file.startsWith(prefix) ? { ...m, file: m.file.slice(prefix.length) } : m)) });
  return { result, planned, dir, check: relative(checkPlans(plans)), filled: relative(fillRequired(plans, dir, planned)) };
}

/** The check's messages as `file ruleId`, with the missing key of a missing-key message after it. */
function described(check: CheckResult, fatal: boolean): string[] {
  return check.messages
    .filter((m) => (m.fatal === true) === fatal)
    .map((m) => `${m.file} ${m.ruleId}${m.ruleId === 'missing-key' ? ` ${/"([^"]+)"/.exec(m.reason)?.[1] ?? ''}` : ''}`)
    .sort();
}

/**
 * Asserts that `check` of the imported folder reports exactly what the document lacks: `facts` (`file key`,
 * in the report's order) are the report's missing facts; each is a warning of its rule, or a missing-key
 * error where the format still requires the key; `warnings` (`file ruleId`) are the other warnings, about
 * what is really missing from the plan (a goal without focus areas). Nothing else. A file with a missing
 * required key is left out of the graph, so with such an error the warnings are asserted after it is filled
 * in (`filled`), where check must report 0 errors.
 */
export function expectMissingFacts(imported: Imported, facts: readonly string[], warnings: readonly string[]): void {
  const { check, planned } = imported;
  expect(planned.missing.map((m) => `${m.file} ${m.key}`)).toEqual(facts);
  const required = new Set(planned.missing.filter((m) => m.required).map((m) => `${m.file} ${m.key}`));
  const errors = facts.filter((f) => required.has(f)).map((f) => f.replace(' ', ' missing-key '));
  const factWarnings = facts.filter((f) => !required.has(f)).map((f) => {
    const [file, key] = f.split(' ');
    return `${file} ${FACT_RULES[key!] ?? `(ingen regel för ${key})`}`;
  });
  expect(described(check, true)).toEqual(errors.sort());
  expect(described(imported.filled, true)).toEqual([]);
  expect(described(imported.filled, false)).toEqual([...factWarnings, ...warnings].sort());
}

const field = (node: GraphNode, key: string): unknown => (node.fields as Record<string, unknown>)[key];
const ids = (index: ReturnType<typeof indexGraph>, keys: string[]) => keys.map((k) => index.node(k)?.id ?? k).sort();
const byId = (a: GraphNode, b: GraphNode) => a.id.localeCompare(b.id, 'sv', { numeric: true });

/** The plan as a comparable summary: principles, goals with links and focus areas, actions with their facts. */
export function summarise(graph: Graph) {
  const index = indexGraph(graph.nodes, graph.edges);
  const of = (type: GraphNode['type']) => index.ofType(type).sort(byId);
  return {
    areas: of('område').map((a) => ({ id: a.id, title: a.title, principles: ids(index, index.in(a.key, 'part-of')) })),
    principles: of('styrprincip').map((p) => ({ id: p.id, title: p.title, subPoints: (field(p, 'underpunkter') as string[] | undefined) ?? [] })),
    goals: of('mål').map((g) => ({
      id: g.id,
      title: g.title,
      principles: ids(index, index.out(g.key, 'realises')),
      focusAreas: index
        .in(g.key, 'part-of')
        .map((k) => index.node(k)!)
        .filter((n) => n.type === 'fokusområde')
        .sort(byId)
        .map((f) => `${f.id} ${f.title}`),
      expectedResult: (field(g, 'förväntat_resultat') as string | undefined) ?? null,
      targetYear: (field(g, 'målår') as number | undefined) ?? null,
    })),
    actions: of('aktivitet').map((a) => ({
      id: a.id,
      title: a.title,
      contributesTo: ids(index, index.out(a.key, 'contributes-to')),
      owner: (field(a, 'ansvarig') as string | undefined) ?? null,
      end: (field(a, 'slut') as string | undefined) ?? null,
      status: (field(a, 'status') as string | undefined) ?? null,
      budget: field(a, 'budget') ?? null,
    })),
  };
}
