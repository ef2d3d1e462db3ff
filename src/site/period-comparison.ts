// Two follow-up periods of a plan side by side (the page Jämförelse): the counts, every goal and focus area,
// every action, every indicator and every principle, with what changed. Pure.
import type { Assessment, NodeOf, Rollup, StatusCounts } from '../graph/types.js';
import { actionChange, assessmentChange, indicatorRow, isLate, stateIn, type ActionChangeKind, type ActionRow, type IndicatorRow, type ReassessedRow } from './follow-up-rows.js';
import type { SiteModel } from './model.js';

export interface Comparison {
  plan: NodeOf<'plan'>;
  older: string;
  newer: string;
  counts: { older: StatusCounts | undefined; newer: StatusCounts | undefined };
  goalAssessments: { older: Rollup['assessments'] | undefined; newer: Rollup['assessments'] | undefined };
  /** Goals, each followed by its focus areas. */
  assessed: (ReassessedRow & { forecastBefore: Assessment | null; forecastAfter: Assessment | null })[];
  actions: (ActionRow & { kind: ActionChangeKind; stillLate: boolean })[];
  indicators: IndicatorRow[];
  /** Principles; or, for a policy of areas and goals without principles, its areas. */
  principles: { node: NodeOf<'styrprincip'> | NodeOf<'område'>; area: NodeOf<'område'> | undefined; older: Rollup | undefined; newer: Rollup | undefined }[];
}

/** The whole plan at `older` and at `newer`. */
export function comparePeriods(model: SiteModel, planKey: string, older: string, newer: string): Comparison {
  const plan = model.index.nodeOf(planKey, 'plan')!;
  const planRollup = (p: string) => model.rollup(planKey, p);
  const assessed: Comparison['assessed'] = [];
  for (const goal of model.goalsOfPlan(planKey)) {
    for (const node of [goal, ...model.focusAreasOfGoal(goal.key)]) {
      const a = model.followUp(node.key, older);
      const b = model.followUp(node.key, newer);
      const before = a?.assessment ?? null;
      const after = b?.assessment ?? null;
      assessed.push({
        node,
        goal: node.type === 'fokusområde' ? goal : undefined,
        before,
        after,
        change: assessmentChange(before, after),
        forecastBefore: a?.forecast ?? null,
        forecastAfter: b?.forecast ?? null,
      });
    }
  }
  return {
    plan,
    older,
    newer,
    counts: { older: planRollup(older)?.actions, newer: planRollup(newer)?.actions },
    goalAssessments: { older: planRollup(older)?.assessments, newer: planRollup(newer)?.assessments },
    assessed,
    actions: model
      .actionsOfPlan(planKey)
      .map((a) => {
        const row = { node: a, state: stateIn(model, a.key, newer), previous: stateIn(model, a.key, older), followUp: model.followUp(a.key, newer) ?? null };
        const kind = row.state === null ? ('oförändrad' as const) : actionChange(row.previous, row.state);
        return { ...row, kind, stillLate: kind === 'försenad' && isLate(row.previous) };
      })
      .filter((r) => r.state !== null || r.previous !== null),
    indicators: model.indicatorsOfPlan(planKey).map((i) => indicatorRow(model, i, newer, older)),
    principles: model.planHasPrinciples(planKey)
      ? model.planCoverage(planKey).map(({ principle }) => ({
          node: principle,
          area: model.areaOf(principle.key),
          older: model.rollup(principle.key, older),
          newer: model.rollup(principle.key, newer),
        }))
      : model.policiesOfPlan(planKey).flatMap((policy) =>
          model.areasOfPolicy(policy.key).map((area) => ({ node: area, area: undefined, older: model.rollup(area.key, older), newer: model.rollup(area.key, newer) })),
        ),
  };
}
