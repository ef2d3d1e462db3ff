// The history of a plan's follow-up (the page Historik): every goal's and focus area's assessment, every
// action's status and every indicator's outcome and target at every follow-up, side by side. Pure.
import type { Assessment, GraphNode, NodeOf } from '../graph/types.js';
import { stateIn, type PeriodState } from './follow-up-rows.js';
import type { SiteModel } from './model.js';

export interface HistoryRow<T, N extends GraphNode = GraphNode> {
  node: N;
  /** One cell per period (or year for indicators), in the order of the columns. */
  cells: T[];
  /** For focus areas: the goal; for indicators: the group. */
  parent?: GraphNode | undefined;
}

/** `unsubmitted`: the follow-up is opened and not filled in (ej inlämnad). */
type AssessmentCell = { assessment: Assessment | null; forecast: Assessment | null; unsubmitted: boolean };

export interface PlanHistory {
  plan: NodeOf<'plan'>;
  periods: string[];
  goals: HistoryRow<AssessmentCell, NodeOf<'mål'>>[];
  /** Focus areas grouped by goal. */
  focusAreas: { goal: NodeOf<'mål'>; rows: HistoryRow<AssessmentCell, NodeOf<'fokusområde'>>[] }[];
  actions: HistoryRow<PeriodState | null, NodeOf<'aktivitet'>>[];
  /** Years of the indicator columns: every year with a target or an outcome. */
  years: number[];
  indicators: HistoryRow<{ target: number | null; actual: number | null; targetMet: boolean | null }, NodeOf<'indikator'>>[];
}

/** Every goal's, focus area's, action's and indicator's state at every follow-up of the plan. */
export function planHistory(model: SiteModel, planKey: string): PlanHistory {
  const plan = model.index.nodeOf(planKey, 'plan')!;
  const periods = model.periods(planKey);
  const assessed = <N extends NodeOf<'mål' | 'fokusområde'>>(node: N) => ({
    node,
    cells: periods.map((p) => {
      const f = model.followUp(node.key, p);
      return { assessment: f?.assessment ?? null, forecast: f?.forecast ?? null, unsubmitted: f?.submitted === false };
    }),
  });
  const indicators = model.indicatorsOfPlan(planKey);
  const years = [...new Set(indicators.flatMap((i) => (model.seriesOf(i.key)?.points ?? []).map((p) => p.year)))].sort((a, b) => a - b);
  // Groups first, each followed by its questions; then the rest, in id order.
  const ordered: NodeOf<'indikator'>[] = [];
  for (const i of indicators) {
    if (model.groupOf(i.key) && indicators.some((g) => g.key === model.groupOf(i.key)!.key)) continue;
    ordered.push(i);
    for (const m of model.membersOf(i.key)) if (indicators.some((x) => x.key === m.key)) ordered.push(m);
  }
  return {
    plan,
    periods,
    goals: model.goalsOfPlan(planKey).map(assessed),
    focusAreas: model.goalsOfPlan(planKey).map((goal) => ({ goal, rows: model.focusAreasOfGoal(goal.key).map((fa) => ({ ...assessed(fa), parent: goal })) })),
    actions: model.actionsOfPlan(planKey).map((a) => ({ node: a, cells: periods.map((p) => stateIn(model, a.key, p)) })),
    years,
    indicators: ordered.map((i) => {
      const points = model.seriesOf(i.key)?.points ?? [];
      return {
        node: i,
        parent: model.groupOf(i.key),
        cells: years.map((y) => {
          const p = points.find((x) => x.year === y);
          return { target: p?.target ?? null, actual: p?.actual ?? null, targetMet: p?.targetMet ?? null };
        }),
      };
    }),
  };
}
