import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkPlans } from '../src/check/check-plans.js';
import { indexGraph } from '../src/graph/graph-index.js';

// test/fixtures/multi: a policy shared by five municipalities, one plan each (ids M1, FO1, A1 repeat in every plan),
// Anaby's 2025 plan replaces its 2021 plan, and Broby's action also contributes to Anaby's FO1 by an explicit reference.
const { graph, messages } = checkPlans('test/fixtures/multi');
const index = indexGraph(graph.nodes, graph.edges, graph.followUps);
const tmp = mkdtempSync(path.join(os.tmpdir(), 'sparbar-multi-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('several organisations and plans in one tree', () => {
  it('checks clean: the same ids in different plans do not collide', () => {
    // No plan has an indicator: no-indicator warns once in each plan, at its own M1, and nothing else is said.
    expect(messages.map((m) => `${m.file}:${m.line} ${m.ruleId}`)).toEqual(
      ['ana/plan-2021', 'ana/plan-2025', 'bro/plan-2025', 'cel/plan-2025', 'dal/plan-2025', 'eke/plan-2025'].map((plan) => `${plan}/M1.md:3 no-indicator`),
    );
    expect(index.ofType('plan').map((p) => p.key)).toEqual(['ana-plan-2021', 'ana-plan-2025', 'bro-plan-2025', 'cel-plan-2025', 'dal-plan-2025', 'eke-plan-2025']);
    expect(index.ofType('mål').map((n) => n.key)).toContain('bro-plan-2025:M1');
  });

  it('every plan realises the shared policy, and goals resolve principles in it', () => {
    for (const plan of index.ofType('plan')) expect(index.out(plan.key, 'implements')).toEqual(['gemensam-policy']);
    expect(index.in('gemensam-policy:SP2', 'realises')).toEqual(['ana-plan-2025:M1', 'bro-plan-2025:M1', 'cel-plan-2025:M1', 'dal-plan-2025:M1', 'eke-plan-2025:M1']);
  });

  it('nodes carry their plan and organisations', () => {
    expect(index.node('cel-plan-2025:A1')).toMatchObject({ plan: 'cel-plan-2025', document: 'cel-plan-2025', organisations: ['cel'] });
    expect(index.node('gemensam-policy:SP1')!.organisations).toEqual(['ana', 'bro', 'cel', 'dal', 'eke']);
  });

  it('a new plan period names the one it replaces', () => {
    expect(index.out('ana-plan-2025', 'replaces')).toEqual(['ana-plan-2021']);
  });

  it('a reference to another plan is explicit: dokument-id:id', () => {
    expect(index.out('bro-plan-2025:A1', 'contributes-to')).toEqual(['ana-plan-2025:FO1', 'bro-plan-2025:FO1']);
  });

  it('an unqualified id from another plan is not found, with the position of the reference', () => {
    const dir = path.join(tmp, 'unqualified');
    cpSync('test/fixtures/multi', dir, { recursive: true });
    const file = path.join(dir, 'cel/plan-2025/A2.md');
    writeFileSync(file, '---\ntyp: aktivitet\nid: A2\ntitel: Lånar ett mål\nbidrar_till: [FO1, FO9]\nansvarig: X\nslut: 2026-01-01\n---\n');
    const found = checkPlans(dir).messages.filter((m) => m.ruleId !== 'no-indicator');
    expect(found.map((m) => [m.ruleId, m.file, m.line, m.column])).toEqual([['unknown-reference', 'cel/plan-2025/A2.md', 5, 20]]);
    expect(found[0]!.reason).toContain('Menade du "FO1"?');
  });

  it('a qualified reference to a plan that does not exist says so', () => {
    const dir = path.join(tmp, 'qualified');
    cpSync('test/fixtures/multi', dir, { recursive: true });
    writeFileSync(path.join(dir, 'dal/plan-2025/A2.md'), '---\ntyp: aktivitet\nid: A2\ntitel: T\nbidrar_till: [an-plan-2025:FO1]\nansvarig: X\nslut: 2026-01-01\n---\n');
    const found = checkPlans(dir).messages.filter((m) => m.ruleId !== 'no-indicator');
    expect(found.map((m) => [m.ruleId, m.file, m.line, m.column])).toEqual([['unknown-reference', 'dal/plan-2025/A2.md', 5, 15]]);
    expect(found[0]!.reason).toContain('ingen policy eller plan med id "an-plan-2025". Menade du "ana-plan-2025"?');
  });
});
