// Round trip: the example plan written as a Word document by `sparbar dokument`, imported again by
// `sparbar importera`, gives the same areas, principles with sub-points, goals with their principles, focus
// areas, expected results and target years, and actions with their links, owners, dates, status and budgets.
import { describe, expect, it } from 'vitest';
import { checkPlans } from '../../src/check/check-plans.js';
import { planDocument } from '../../src/document/decision-document.js';
import { writeDocx } from '../../src/document/write-docx.js';
import { expectMissingFacts, importAndCheck, summarise } from './import-check.js';

describe('dokument --docx, then importera', () => {
  const original = checkPlans('plans').graph;
  const imported = writeDocx(planDocument(original, 'ekby-digplan-2024-2027')).then((bytes) => importAndCheck('plan.docx', bytes));

  it('gives the same principles, goals, focus areas, links and actions, node by node', async () => {
    const before = summarise(original);
    const after = summarise((await imported).check.graph);
    expect(after.areas).toEqual(before.areas);
    for (const [i, p] of before.principles.entries()) expect(after.principles[i], p.id).toEqual(p);
    expect(after.principles).toHaveLength(before.principles.length);
    for (const [i, g] of before.goals.entries()) expect(after.goals[i], g.id).toEqual(g);
    expect(after.goals).toHaveLength(before.goals.length);
    for (const [i, a] of before.actions.entries()) expect(after.actions[i], a.id).toEqual(a);
    expect(after.actions).toHaveLength(before.actions.length);
  });

  it('keeps the plan’s own facts and its organisation', async () => {
    const { check, result } = await imported;
    const plan = check.graph.nodes.find((n) => n.type === 'plan')!;
    expect(plan.title).toBe('Strategisk plan för digitalisering 2024–2027');
    expect(plan.fields).toMatchObject({ antagen_av: 'Kommunstyrelsen', antagen: '2024-02-14', period: { från: 2024, till: 2027 }, diarienummer: 'KS 2024/38' });
    expect(plan.organisations).toEqual(['ekby']);
    expect(result.policy?.title).toBe('IT- och digitaliseringspolicy för Ekby kommun');
  });

  it('lacks only the policy’s decision, which the plan document does not print, and the indicators, whose table the importer does not read', async () => {
    const noIndicator = ['M1', 'M2', 'M3', 'M4'].map((goal) => `plan/mal/${goal}.md no-indicator`);
    expectMissingFacts(await imported, ['policy/policy.md antagen_av', 'policy/policy.md antagen', 'policy/policy.md giltighet'], noIndicator);
  });
});
