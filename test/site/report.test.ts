// The follow-up report, history and comparison (src/site/period-report.ts, follow-up-history.ts, period-comparison.ts) over the example plan, checked against
// what the plan files say; and how `sparbar rapport` chooses its plan.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkPlans } from '../../src/check/check-plans.js';
import type { Graph } from '../../src/graph/types.js';
import { choosePlan } from '../../src/cli/commands/rapport.js';
import { SiteModel } from '../../src/site/model.js';
import { comparisonUrl, historyUrl, pairSlug, periodPairs, reportUrl } from '../../src/site/follow-up-addresses.js';
import { planHistory } from '../../src/site/follow-up-history.js';
import { actionChange, assessmentChange } from '../../src/site/follow-up-rows.js';
import { comparePeriods } from '../../src/site/period-comparison.js';
import { periodReport } from '../../src/site/period-report.js';
import { indicatorCoverage } from '../../src/graph/derive/indicator-coverage.js';

const root = path.resolve(import.meta.dirname, '../..');
const PLAN = 'ekby-digplan-2024-2027';
const model = new SiteModel(checkPlans(path.join(root, 'plans')).graph);
const ids = (rows: { node: { id: string } }[]) => rows.map((r) => r.node.id);

describe('the report of a period: summary', () => {
  const r = periodReport(model, PLAN, '2026-08');

  it('knows its place among the periods and its date (the latest on any follow-up), with nothing outstanding', () => {
    expect(r.periods).toEqual(['2025-08', '2026-08']);
    expect(r.previous).toBe('2025-08');
    expect(r.next).toBeNull();
    expect(r.date).toBe('2026-08-24');
    expect(r.organisations.map((o) => o.title)).toEqual(['Ekby kommun']);
    expect(r.outstanding).toEqual([]);
    expect(r.followUpCount).toBe(89);
  });

  it('gives each goal its assessment, forecast and rollup', () => {
    expect(r.goals.map((g) => [g.node.id, g.assessment, g.forecast])).toEqual([
      ['M1', 'uppfyllt', 'uppfyllt'],
      ['M2', 'delvis uppfyllt', 'uppfyllt'],
      ['M3', 'delvis uppfyllt', 'delvis uppfyllt'],
      ['M4', 'delvis uppfyllt', 'delvis uppfyllt'],
    ]);
    expect(r.goals.map((g) => g.rollup!.actions.total)).toEqual([5, 19, 6, 7]);
    const m3 = r.goals[2]!;
    expect(m3.rollup!.actions.byStatus).toMatchObject({ klar: 4, pågår: 1, försenad: 1 });
    expect(m3.focusAreaAssessments).toEqual({ uppfyllt: 3, 'delvis uppfyllt': 1, 'ej uppfyllt': 1, saknas: 0, 'ej inlämnad': 0 });
    // The plan: 36 actions, A23 late (past its due date), A18 cancelled; one goal met, three partly.
    expect(r.planRollup!.actions).toMatchObject({ total: 36, overdue: 1, byStatus: { klar: 25, pågår: 9, försenad: 1, avbruten: 1, pausad: 0, 'ej påbörjad': 0 } });
    expect(r.planRollup!.assessments).toEqual({ uppfyllt: 1, 'delvis uppfyllt': 3, 'ej uppfyllt': 0, saknas: 0, 'ej inlämnad': 0 });
  });

  it('takes the key indicators of a goal from the goal and its focus areas, the group instead of its questions', () => {
    expect(r.goals.map((g) => ids(g.keyIndicators))).toEqual([
      ['I6', 'I7', 'I8'],
      ['I1', 'I5', 'I9', 'I10', 'I11', 'I12', 'I13', 'I14', 'I15'],
      ['I16', 'I17', 'I18'],
      ['I2', 'I3', 'I4', 'I19', 'I20'],
    ]);
    const i6 = r.goals[0]!.keyIndicators[0]!;
    // I6 is the equal-weight mean of I6.1–I6.4 in 2026: (4 + 3 + 4 + 3) / 4.
    expect(i6.point).toMatchObject({ year: 2026, actual: 3.5, target: 3.25, targetMet: true });
    expect(i6).toMatchObject({ previousYear: 2025, previousActual: 2.75, change: 0.75, trend: 'bättre' });
    const i4 = r.goals[3]!.keyIndicators.find((i) => i.node.id === 'I4')!;
    expect(i4.point).toMatchObject({ actual: 92, target: 93, targetMet: false });
    // A group is one indicator (I6, of I6.1–I6.4), so 20 indicators, not 24; I4 and I18 missed their targets.
    expect(r.indicatorsMet).toEqual({ met: 18, of: 20 });
  });

  it('lists per goal and focus area the written assessment and the actions active in the period', () => {
    const m1 = r.goals[0]!;
    expect(m1.followUp!.body).toMatch(/IT-rådet prövar\s+alla investeringar/);
    expect(m1.previousAssessment).toBe('delvis uppfyllt');
    expect(ids(m1.focusAreas)).toEqual(['FO1.1', 'FO1.2', 'FO1.3', 'FO1.4', 'FO1.5']);
    expect(m1.focusAreas.every((fa) => fa.followUp !== null)).toBe(true);
    expect(ids(m1.focusAreas[0]!.actions)).toEqual(['A01']);
    // Deviations: late, paused or cancelled actions below the goal.
    expect(r.goals.map((g) => ids(g.deviations))).toEqual([[], [], ['A23'], ['A18']]);
  });

  it('lists each action in full once per goal, under its first focus area, and names it under the others', () => {
    // A25 contributes to FO2.5 and FO2.6 of M2: its row is under FO2.5, FO2.6 names it and points there.
    const m2 = r.goals[1]!;
    const fo25 = m2.focusAreas.find((fa) => fa.node.id === 'FO2.5')!;
    const fo26 = m2.focusAreas.find((fa) => fa.node.id === 'FO2.6')!;
    expect(ids(fo25.listedActions)).toContain('A25');
    expect(ids(fo26.actions)).toContain('A25');
    expect(ids(fo26.listedActions)).not.toContain('A25');
    expect(fo26.actionsListedAbove.map((x) => [x.action.node.id, x.under.id])).toEqual([['A25', 'FO2.5']]);
    // Every goal lists each of its actions exactly once; an action of two goals (A28: FO2.9 and FO3.2) is in both.
    for (const g of r.goals) {
      const listed = [...g.focusAreas.flatMap((fa) => ids(fa.listedActions)), ...ids(g.listedDirectActions)];
      expect(new Set(listed).size, g.node.id).toBe(listed.length);
      expect([...listed].sort(), g.node.id).toEqual(ids(g.actions).sort());
    }
    const listedIn = (goal: number) => r.goals[goal]!.focusAreas.flatMap((fa) => ids(fa.listedActions));
    expect(listedIn(1)).toContain('A28');
    expect(listedIn(2)).toContain('A28');
  });

  it('has an indicator for every goal and focus area of the example (no-indicator finds none)', () => {
    expect(indicatorCoverage(model.index)).toEqual({ goals: [], focusAreas: [] });
    expect(r.goals.filter((g) => g.keyIndicators.length === 0)).toEqual([]);
    expect(r.goals.flatMap((g) => ids(g.focusAreas.filter((fa) => fa.indicators.length === 0)))).toEqual([]);
    // M3's key indicator is I16, which measures the goal and three of its focus areas.
    expect(ids(r.goals[2]!.keyIndicators)).toEqual(['I16', 'I17', 'I18']);
  });

  it('gives each principle its plan goals and its rollup from the graph', () => {
    expect(r.principles).toHaveLength(12);
    const sp8 = r.principles.find((p) => p.node.id === 'SP8')!;
    expect(sp8.area!.id).toBe('O2');
    expect(sp8.goals.map((g) => [g.node.id, g.assessment])).toEqual([
      ['M1', 'uppfyllt'],
      ['M3', 'delvis uppfyllt'],
      ['M4', 'delvis uppfyllt'],
    ]);
    expect(sp8.rollup).toBe(model.rollup('ekby-it-policy:SP8', '2026-08'));
    expect(sp8.rollup!.actions.total).toBe(18);
    expect(sp8.otherPlans).toBe(false);
  });
});

describe('the report of a period: changes since the previous period (2025-08 → 2026-08)', () => {
  const c = periodReport(model, PLAN, '2026-08').changes!;

  it('sorts every action into one kind of change', () => {
    expect(c.previous).toBe('2025-08');
    expect(ids(c.cancelled)).toEqual(['A18']);
    expect(c.cancelled[0]!.previous!.status).toBe('pausad');
    expect(ids(c.late)).toEqual(['A23']);
    expect(c.late[0]!.stillLate).toBe(true);
    expect(c.late[0]!.state).toEqual({ status: 'försenad', overdue: true });
    expect(ids(c.added)).toEqual(['A13', 'A34', 'A36']);
    expect(c.added.every((a) => a.previous === null)).toBe(true);
    expect(ids(c.finished)).toEqual(['A04', 'A05', 'A06', 'A09', 'A11', 'A14', 'A20', 'A22', 'A25', 'A26', 'A28', 'A29', 'A30', 'A32']);
    expect(c.finished.find((a) => a.node.id === 'A05')!.previous!.status).toBe('försenad');
    expect(c.paused).toEqual([]);
    expect(c.changed).toEqual([]);
    // Every action active in 2026-08 is counted once.
    const counted = c.added.length + c.finished.length + c.cancelled.length + c.late.length + c.paused.length + c.changed.length + c.unchanged;
    expect(counted).toBe(36);
  });

  it('lists the goals and focus areas that were reassessed, with the direction', () => {
    const m1 = c.reassessed.find((x) => x.node.id === 'M1')!;
    expect(m1).toMatchObject({ before: 'delvis uppfyllt', after: 'uppfyllt', change: 'bättre', goal: undefined });
    const fo22 = c.reassessed.find((x) => x.node.id === 'FO2.2')!;
    expect(fo22).toMatchObject({ before: 'ej uppfyllt', after: 'delvis uppfyllt', change: 'bättre' });
    expect(fo22.goal!.id).toBe('M2');
    expect(ids(c.reassessed)).toEqual(['M1', 'FO1.2', 'FO1.3', 'FO1.4', 'FO1.5', 'FO2.2', 'FO2.3', 'FO2.6', 'FO2.9', 'FO3.2', 'FO3.3', 'FO4.1', 'FO4.2']);
    expect(ids(c.reassessed)).not.toContain('M2');
  });

  it('gives each indicator its outcome in both years, the change and the trend (lower is better for I3)', () => {
    const row = (id: string) => c.indicators.find((i) => i.node.id === id)!;
    expect(row('I1')).toMatchObject({ previousActual: 61, change: 21, trend: 'bättre' });
    expect(row('I1').point!.actual).toBe(82);
    expect(row('I3')).toMatchObject({ previousActual: 6, change: -3, trend: 'bättre' });
    expect(row('I6.2')).toMatchObject({ change: 0, trend: 'oförändrad' });
    expect(row('I2').change).toBe(0.26);
  });
});

describe('the first period', () => {
  const r = periodReport(model, PLAN, '2025-08');

  it('is complete and has nothing to compare with', () => {
    expect(r.previous).toBeNull();
    expect(r.next).toBe('2026-08');
    expect(r.changes).toBeNull();
    expect(r.outstanding).toEqual([]);
    expect(r.date).toBe('2025-08-25');
    expect(r.goals.map((g) => g.assessment)).toEqual(['delvis uppfyllt', 'delvis uppfyllt', 'delvis uppfyllt', 'delvis uppfyllt']);
    expect(r.goals.every((g) => g.followUp !== null && g.focusAreas.every((fa) => fa.followUp !== null))).toBe(true);
    expect(r.planRollup!.actions.total).toBe(33);
  });

  it('refuses a period the plan has no follow-up for', () => {
    expect(() => periodReport(model, PLAN, '2027-08')).toThrow(/ingen uppföljning för 2027-08/);
  });
});

describe('changes, by hand', () => {
  it('orders assessments uppfyllt > delvis uppfyllt > ej uppfyllt', () => {
    expect(assessmentChange('ej uppfyllt', 'uppfyllt')).toBe('bättre');
    expect(assessmentChange('uppfyllt', 'delvis uppfyllt')).toBe('sämre');
    expect(assessmentChange(null, 'ej uppfyllt')).toBe('ny bedömning');
    expect(assessmentChange('uppfyllt', null)).toBe('bedömning saknas');
    expect(assessmentChange('uppfyllt', 'uppfyllt')).toBe('oförändrad');
  });

  it('classifies an action by its states in two periods', () => {
    const s = (status: 'pågår' | 'klar' | 'avbruten' | 'försenad' | 'pausad' | 'ej påbörjad', overdue = false) => ({ status, overdue });
    expect(actionChange(null, s('pågår'))).toBe('ny');
    expect(actionChange(s('pågår'), s('klar'))).toBe('klar');
    expect(actionChange(s('klar'), s('klar'))).toBe('oförändrad');
    expect(actionChange(s('pausad'), s('avbruten'))).toBe('avbruten');
    expect(actionChange(s('pågår'), s('pågår', true))).toBe('försenad');
    expect(actionChange(s('försenad'), s('försenad'))).toBe('försenad');
    expect(actionChange(s('pågår'), s('pausad'))).toBe('pausad');
    expect(actionChange(s('pausad'), s('pausad'))).toBe('oförändrad');
    expect(actionChange(s('ej påbörjad'), s('pågår'))).toBe('ändrad');
    expect(actionChange(s('försenad'), s('pågår'))).toBe('ändrad');
    expect(actionChange(s('pågår'), null)).toBe('oförändrad');
  });
});

describe('history and comparison', () => {
  it('puts every goal, focus area, action and indicator over all periods side by side', () => {
    const h = planHistory(model, PLAN);
    expect(h.periods).toEqual(['2025-08', '2026-08']);
    expect(h.goals.find((g) => g.node.id === 'M1')!.cells.map((c) => c.assessment)).toEqual(['delvis uppfyllt', 'uppfyllt']);
    expect(h.focusAreas.map((g) => g.rows.length)).toEqual([5, 11, 5, 5]);
    const action = (id: string) => h.actions.find((a) => a.node.id === id)!.cells;
    expect(action('A18').map((c) => c?.status)).toEqual(['pausad', 'avbruten']);
    expect(action('A13')).toEqual([null, { status: 'pågår', overdue: false }]);
    expect(action('A23')).toEqual([{ status: 'försenad', overdue: false }, { status: 'försenad', overdue: true }]);
    expect(h.years).toEqual([2023, 2024, 2025, 2026, 2027]);
    // A group is followed by its questions.
    const order = ids(h.indicators);
    expect(order.slice(order.indexOf('I6'), order.indexOf('I6') + 5)).toEqual(['I6', 'I6.1', 'I6.2', 'I6.3', 'I6.4']);
    const i1 = h.indicators.find((i) => i.node.id === 'I1')!;
    expect(i1.cells.map((c) => c.actual)).toEqual([41, 52, 61, 82, null]);
    expect(i1.cells[3]).toEqual({ target: 80, actual: 82, targetMet: true });
  });

  it('compares two periods for the whole plan', () => {
    const cmp = comparePeriods(model, PLAN, '2025-08', '2026-08');
    expect(cmp.counts.older!.total).toBe(33);
    expect(cmp.counts.newer!.total).toBe(36);
    expect(cmp.assessed).toHaveLength(30);
    expect(cmp.assessed.filter((a) => a.change !== 'oförändrad')).toHaveLength(13);
    expect(cmp.actions).toHaveLength(36);
    expect(cmp.actions.find((a) => a.node.id === 'A18')!.kind).toBe('avbruten');
    expect(cmp.actions.find((a) => a.node.id === 'A23')).toMatchObject({ kind: 'försenad', stillLate: true });
    expect(cmp.actions.filter((a) => a.kind !== 'oförändrad' && !a.stillLate)).toHaveLength(18);
    expect(cmp.principles).toHaveLength(12);
  });

  it('gives readable addresses; the latest two periods are the comparison page itself', () => {
    expect(reportUrl(model, PLAN, '2026-08')).toBe('/ekby-digplan-2024-2027/uppfoljning/2026-08/');
    expect(historyUrl(model, PLAN)).toBe('/ekby-digplan-2024-2027/historik/');
    expect(periodPairs(model, PLAN)).toEqual([['2025-08', '2026-08']]);
    expect(comparisonUrl(model, PLAN)).toBe('/ekby-digplan-2024-2027/jamforelse/');
    expect(comparisonUrl(model, PLAN, '2025-08', '2026-08')).toBe('/ekby-digplan-2024-2027/jamforelse/');
    expect(pairSlug('2024-08', '2026-08')).toBe('2024-08-och-2026-08');
  });

  it('makes a page for every pair of periods, newest pair first', () => {
    const graph = structuredClone(model.graph) as Graph;
    graph.derived.periods[PLAN] = ['2024-08', '2025-08', '2026-08'];
    const three = new SiteModel(graph);
    expect(periodPairs(three, PLAN)).toEqual([
      ['2025-08', '2026-08'],
      ['2024-08', '2026-08'],
      ['2024-08', '2025-08'],
    ]);
    expect(comparisonUrl(three, PLAN, '2024-08', '2025-08')).toBe('/ekby-digplan-2024-2027/jamforelse/2024-08-och-2025-08/');
  });
});

describe('sparbar rapport: which plan', () => {
  const multi = checkPlans(path.join(root, 'test/fixtures/site/multi')).graph;

  it('takes the only plan with a follow-up for the period', () => {
    const m = new SiteModel(multi);
    const chosen = choosePlan(m, '2025-08', undefined);
    expect('plan' in chosen && chosen.plan.id).toBe('norrby-plan-2024');
    const none = choosePlan(m, '2019-08', undefined);
    expect('error' in none && none.error).toMatch(/ingen plan har en uppföljning för 2019-08/);
  });

  it('asks for --plan when several plans have the period, and checks the one given', () => {
    const graph = structuredClone(multi) as Graph;
    graph.derived.periods['sodervik-plan-2024'] = ['2025-08'];
    const m = new SiteModel(graph);
    const ambiguous = choosePlan(m, '2025-08', undefined);
    expect('error' in ambiguous && ambiguous.error).toMatch(/2 planer har en uppföljning för 2025-08; välj en med --plan/);
    expect('error' in ambiguous && ambiguous.error).toMatch(/norrby-plan-2024[\s\S]*sodervik-plan-2024|sodervik-plan-2024[\s\S]*norrby-plan-2024/);
    const chosen = choosePlan(m, '2025-08', 'sodervik-plan-2024');
    expect('plan' in chosen && chosen.plan.id).toBe('sodervik-plan-2024');
    expect(choosePlan(m, '2025-08', 'finns-inte')).toMatchObject({ error: expect.stringMatching(/ingen plan har id "finns-inte"/) });
    expect(choosePlan(m, '2026-08', 'norrby-plan-2024')).toMatchObject({ error: expect.stringMatching(/ingen uppföljning för 2026-08/) });
  });
});

describe('the report of a plan that lacks indicators (the multi fixture)', () => {
  // Norrby's 2024 plan: I1 measures goal M1 itself, nothing measures its focus areas FO1.1 and FO1-1.
  const multi = new SiteModel(checkPlans(path.join(root, 'test/fixtures/site/multi')).graph);
  const r = periodReport(multi, 'norrby-plan-2024', '2025-08');

  it('flags exactly the goals and focus areas that the graph\'s indicator coverage (and so no-indicator) names', () => {
    const coverage = indicatorCoverage(multi.index);
    const inPlan = new Set(r.goals.flatMap((g) => [g.node.key, ...g.focusAreas.map((fa) => fa.node.key)]));
    expect(r.goals.map((g) => [g.node.id, ids(g.keyIndicators)])).toEqual([['M1', ['I1']]]);
    expect(coverage.goals.filter((k) => inPlan.has(k))).toEqual([]);
    const unmeasured = r.goals.flatMap((g) => g.focusAreas.filter((fa) => fa.indicators.length === 0).map((fa) => fa.node.key));
    expect(unmeasured).toEqual(['norrby-plan-2024:FO1-1', 'norrby-plan-2024:FO1.1']);
    expect([...unmeasured].sort()).toEqual(coverage.focusAreas.filter((k) => inPlan.has(k)));
    // The other plans' goals have no indicator at all: the goal is named, not each focus area.
    expect(coverage.goals).toEqual(['norrby-plan-2020:M1', 'sodervik-plan-2024:M1', 'vastra-plan-2025:M1']);
  });
});
