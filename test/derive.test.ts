import { describe, expect, it } from 'vitest';
import { checkPlans } from '../src/check/check-plans.js';
import { mean } from '../src/graph/derive/indicators.js';

// test/fixtures/derive: goal M1 (focus areas F1, F2; principle SP1, SP2), goal M2 (F3; SP2); actions:
// A1 F1 pågår, follow-up 2025-08 klar | A2 F1 pågår, due 2025-06-30 (overdue) | A3 F2 ej påbörjad
// A4 M1 directly, pausad | A5 F3 försenad 2025-08, klar 2026-08 | A6 F3 starts 2026-01-01.
const { graph, messages } = checkPlans('test/fixtures/derive');
const rollup = (node: string, period: string) => graph.derived.rollups.find((r) => r.node === node && r.period === period)!;
const series = (node: string) => graph.derived.indicators.find((s) => s.node === node)!;

describe('derived facts, against hand-computed values', () => {
  it('the fixture is a valid plan: no error, and no warning but no-indicator (its indicators all measure M1)', () => {
    expect(messages.map((m) => `${m.file}:${m.line}:${m.column} ${m.ruleId}`)).toEqual(['plan/m1.md:9:7 no-indicator', 'plan/m1.md:10:7 no-indicator', 'plan/m2.md:3:1 no-indicator']);
  });

  it('action status per period: the follow-up, else the latest earlier, else the file; overdue when past due and not done', () => {
    const rows = graph.derived.actionStatus.map((r) => `${r.node} ${r.period} ${r.status}${r.overdue ? ' overdue' : ''}`);
    expect(rows).toEqual([
      'plan:A1 2025-08 klar',
      'plan:A1 2026-08 klar',
      'plan:A2 2025-08 pågår overdue',
      'plan:A2 2026-08 pågår overdue',
      'plan:A3 2025-08 ej påbörjad',
      'plan:A3 2026-08 ej påbörjad',
      'plan:A4 2025-08 pausad',
      'plan:A4 2026-08 pausad',
      'plan:A5 2025-08 försenad',
      'plan:A5 2026-08 klar',
      'plan:A6 2026-08 ej påbörjad', // not active before its start
    ]);
  });

  it('a focus area counts its actions; an overdue action counts as försenad', () => {
    expect(rollup('plan:F1', '2025-08').actions).toEqual({
      total: 2,
      byStatus: { 'ej påbörjad': 0, pågår: 0, klar: 1, försenad: 1, pausad: 0, avbruten: 0 },
      missing: 0,
      startsLater: 0,
      overdue: 1,
    });
  });

  it('an action planned to start after the period is counted apart (startsLater), so total + startsLater is every action', () => {
    const f3 = rollup('plan:F3', '2025-08').actions;
    expect({ total: f3.total, startsLater: f3.startsLater }).toEqual({ total: 1, startsLater: 1 });
    expect(rollup('plan:F3', '2026-08').actions.startsLater).toBe(0);
  });

  it('a goal counts the actions of its focus areas and those linked to it directly, and the assessments of its focus areas', () => {
    const r = rollup('plan:M1', '2025-08');
    expect(r.actions.byStatus).toEqual({ 'ej påbörjad': 1, pågår: 0, klar: 1, försenad: 1, pausad: 1, avbruten: 0 });
    expect(r.actions.total).toBe(4);
    expect(r.assessments).toEqual({ uppfyllt: 1, 'delvis uppfyllt': 0, 'ej uppfyllt': 1, saknas: 0, 'ej inlämnad': 0 });
  });

  it('a principle rolls up from every goal that realises it, each action once', () => {
    // SP2 is realised by M1 (A1–A4) and M2 (A5, A6 from 2026).
    expect(rollup('pol:SP2', '2025-08').actions.total).toBe(5);
    expect(rollup('pol:SP2', '2026-08').actions.byStatus).toEqual({ 'ej påbörjad': 2, pågår: 0, klar: 2, försenad: 1, pausad: 1, avbruten: 0 });
    expect(rollup('pol:SP2', '2025-08').assessments).toEqual({ uppfyllt: 0, 'delvis uppfyllt': 1, 'ej uppfyllt': 0, saknas: 1, 'ej inlämnad': 0 });
  });

  it('a 1–4 group is the equal-weight mean of its members that have a value that year', () => {
    // 2025: Q1 1, Q2 3, Q3 4 → 8/3; 2026: Q1 2 (follow-up), Q2 4 → 3.
    const g = series('plan:G');
    expect(g.computed).toBe(true);
    expect(g.members).toEqual(['plan:Q1', 'plan:Q2', 'plan:Q3']);
    expect(g.points).toEqual([
      { year: 2025, target: 2.5, actual: 2.666666667, change: null, trend: null, targetMet: true },
      { year: 2026, target: 3.5, actual: 3, change: 0.333333333, trend: 'bättre', targetMet: false },
    ]);
  });

  it('lower-is-better indicators: a fall is better, target met when at or below it', () => {
    expect(series('plan:L').points).toEqual([
      { year: 2024, target: null, actual: 7, change: null, trend: null, targetMet: null },
      { year: 2025, target: 5, actual: 5, change: -2, trend: 'bättre', targetMet: true },
      { year: 2026, target: 4, actual: 5, change: 0, trend: 'oförändrad', targetMet: false },
    ]);
  });

  it('mean of nothing is undefined, and of 1–4 answers is exact to 9 decimals', () => {
    expect(mean([])).toBeUndefined();
    expect(mean([1, 2, 2])).toBe(1.666666667);
    expect(mean([4, 4, 3, 3])).toBe(3.5);
  });
});
