// The yearly follow-up as the site shows it: the report of one period (summary, goals and focus areas with
// their written assessment and actions, principles, what changed since the previous period), the history
// of every goal, focus area, action and indicator over all periods, and two periods side by side. Pure:
// reads only the site model (the graph), so that the pages render it and the tests check it.
import { activeNodes, UNFILLED_MARKER } from '../followup/active.js';
import type { ActionStatus, Assessment, FollowUp, GraphNode, NodeOf, IndicatorPoint, Rollup, StatusCounts } from '../graph/types.js';
import { naturalCompare } from '../util/natural-compare.js';
import { PLAN_SEGMENTS, type SiteModel } from './model.js';

/** An action's effective state in a period: its status, and whether it is past its due date without being done. */
export interface PeriodState {
  status: ActionStatus;
  overdue: boolean;
}

export interface ActionRow {
  node: NodeOf<'aktivitet'>;
  /** The state in the period; null when the action had not started and had no follow-up then. */
  state: PeriodState | null;
  /** The state in the previous period (null when there is none or the action was not active then). */
  previous: PeriodState | null;
  /** The action's own follow-up for the period, if written. */
  followUp: FollowUp | null;
}

/** A goal's or focus area's assessment in a period. */
export interface AssessedRow<T extends 'mål' | 'fokusområde' = 'mål' | 'fokusområde'> {
  node: NodeOf<T>;
  followUp: FollowUp | null;
  assessment: Assessment | null;
  forecast: Assessment | null;
  /** The assessment in the previous period. */
  previousAssessment: Assessment | null;
  rollup: Rollup | undefined;
}

export interface IndicatorRow {
  node: NodeOf<'indikator'>;
  unit: string | undefined;
  /** The year the period is in (a period 2026-08 reports the outcome for 2026). */
  year: number;
  /** Target and outcome for `year` (null when the series has neither). */
  point: IndicatorPoint | null;
  /** The latest point up to `year` with an outcome: what to show when `year` has none yet. */
  latest: IndicatorPoint | null;
  /** The previous period's year and its outcome, for the change. */
  previousYear: number | null;
  previousActual: number | null;
  /** Outcome now minus outcome in the previous period's year. */
  change: number | null;
  trend: 'bättre' | 'sämre' | 'oförändrad' | null;
  /** The indicator's follow-up for the period (its comment). */
  followUp: FollowUp | null;
  /** The group the indicator is a question of, if any. */
  group: NodeOf<'indikator'> | undefined;
  /** Labels of an ordinal scale (1: inte alls, …), when the indicator has them. */
  labels: Record<string, string> | undefined;
}

export interface FocusAreaSection extends AssessedRow<'fokusområde'> {
  actions: ActionRow[];
  indicators: IndicatorRow[];
}

export interface GoalSection extends AssessedRow<'mål'> {
  focusAreas: FocusAreaSection[];
  /** Actions that contribute to the goal directly, not through a focus area. */
  directActions: ActionRow[];
  /** Every action below the goal, each once. */
  actions: ActionRow[];
  /** Indicators of the goal and its focus areas, a group's questions left out when the group is shown. */
  keyIndicators: IndicatorRow[];
  /** Actions below the goal that are late, paused or cancelled in the period: what the board asks about. */
  deviations: ActionRow[];
  /** Counts of the focus areas' assessments. */
  focusAreaAssessments: Record<Assessment | 'saknas', number>;
}

export interface PrincipleRow {
  node: NodeOf<'styrprincip'>;
  area: NodeOf<'område'> | undefined;
  /** The plan's goals that realise the principle, with their assessment in the period. */
  goals: { node: NodeOf<'mål'>; assessment: Assessment | null }[];
  /** The principle's rollup (every plan's goals realising it that have the period). */
  rollup: Rollup | undefined;
  /** True when goals of other plans count in the rollup. */
  otherPlans: boolean;
  followUp: FollowUp | null;
}

export type AssessmentChange = 'bättre' | 'sämre' | 'ny bedömning' | 'bedömning saknas' | 'oförändrad';

export interface ReassessedRow {
  node: NodeOf<'mål' | 'fokusområde'>;
  /** The goal of a focus area. */
  goal: NodeOf<'mål'> | undefined;
  before: Assessment | null;
  after: Assessment | null;
  change: AssessmentChange;
}

export type ActionChangeKind = 'ny' | 'klar' | 'avbruten' | 'försenad' | 'pausad' | 'ändrad' | 'oförändrad';

export interface ActionChange extends ActionRow {
  kind: ActionChangeKind;
  /** For a late action: it was late in the previous period too. */
  stillLate: boolean;
}

export interface PeriodChanges {
  previous: string;
  /** Actions that were not active in the previous period. */
  added: ActionChange[];
  finished: ActionChange[];
  cancelled: ActionChange[];
  /** Late now (försenad, or past the due date); `stillLate` when they were late before too. */
  late: ActionChange[];
  paused: ActionChange[];
  /** Other changes of status (started, resumed, no longer late). */
  changed: ActionChange[];
  unchanged: number;
  reassessed: ReassessedRow[];
  indicators: IndicatorRow[];
}

export interface OutstandingFollowUp {
  node: NodeOf<'mål' | 'fokusområde' | 'aktivitet'>;
  state: 'saknas' | 'ej ifylld';
}

export interface PeriodReport {
  plan: NodeOf<'plan'>;
  organisations: NodeOf<'organisation'>[];
  period: string;
  /** The plan's periods, oldest first; the one before and after this one. */
  periods: string[];
  previous: string | null;
  next: string | null;
  /** The latest date written on the period's follow-ups: the date of the follow-up. */
  date: string | null;
  followUpCount: number;
  authors: string[];
  /** Active goals, focus areas and actions whose follow-up is missing or not filled in. */
  outstanding: OutstandingFollowUp[];
  planRollup: Rollup | undefined;
  goals: GoalSection[];
  /** Indicators of the plan whose outcome for the year reached its target, of those with both. */
  indicatorsMet: { met: number; of: number };
  principles: PrincipleRow[];
  changes: PeriodChanges | null;
}

const ASSESSMENT_RANK: Record<Assessment, number> = { uppfyllt: 3, 'delvis uppfyllt': 2, 'ej uppfyllt': 1 };

/** How an assessment moved between two periods. */
export function assessmentChange(before: Assessment | null, after: Assessment | null): AssessmentChange {
  if (before === after) return 'oförändrad';
  if (before === null) return 'ny bedömning';
  if (after === null) return 'bedömning saknas';
  return ASSESSMENT_RANK[after] > ASSESSMENT_RANK[before] ? 'bättre' : 'sämre';
}

/** Late in the sense of the rollups: status försenad, or past the due date without being done. */
export function isLate(state: PeriodState | null): boolean {
  return state !== null && (state.status === 'försenad' || state.overdue);
}

/** How an action's state changed from one period to the next. */
export function actionChange(before: PeriodState | null, after: PeriodState | null): ActionChangeKind {
  if (after === null) return 'oförändrad';
  if (before === null) return 'ny';
  if (after.status === 'klar' && before.status !== 'klar') return 'klar';
  if (after.status === 'avbruten' && before.status !== 'avbruten') return 'avbruten';
  if (isLate(after)) return 'försenad';
  if (after.status === 'pausad' && before.status !== 'pausad') return 'pausad';
  if (after.status !== before.status || isLate(before)) return 'ändrad';
  return 'oförändrad';
}

// ---- Addresses -----------------------------------------------------------------------------------

/** The report of a period: `/<plan>/uppfoljning/2026-08/`. */
export function reportUrl(model: SiteModel, plan: string, period: string): string {
  return model.docUrl(plan, `${PLAN_SEGMENTS.followUp}/${period}/`);
}

export function followUpIndexUrl(model: SiteModel, plan: string): string {
  return model.docUrl(plan, `${PLAN_SEGMENTS.followUp}/`);
}

export function historyUrl(model: SiteModel, plan: string): string {
  return model.docUrl(plan, `${PLAN_SEGMENTS.history}/`);
}

/** The comparison's path segment of two periods: `2025-08-och-2026-08`. */
export function pairSlug(older: string, newer: string): string {
  return `${older}-och-${newer}`;
}

/** Every pair of the plan's periods (older first), newest pair first. */
export function periodPairs(model: SiteModel, plan: string): [string, string][] {
  const periods = model.periods(plan);
  const pairs: [string, string][] = [];
  for (let j = periods.length - 1; j >= 1; j--) for (let i = j - 1; i >= 0; i--) pairs.push([periods[i]!, periods[j]!]);
  return pairs;
}

/** The comparison page of two periods; the latest two are the comparison's own start page. */
export function comparisonUrl(model: SiteModel, plan: string, older?: string, newer?: string): string {
  const latest = periodPairs(model, plan)[0];
  if (older === undefined || newer === undefined || (latest && latest[0] === older && latest[1] === newer)) return model.docUrl(plan, `${PLAN_SEGMENTS.comparison}/`);
  return model.docUrl(plan, `${PLAN_SEGMENTS.comparison}/${pairSlug(older, newer)}/`);
}

// ---- Rows ----------------------------------------------------------------------------------------

function stateIn(model: SiteModel, action: string, period: string | null): PeriodState | null {
  if (period === null) return null;
  return model.actionStateIn(action, period) ?? null;
}

function actionRow(model: SiteModel, action: NodeOf<'aktivitet'>, period: string, previous: string | null): ActionRow {
  return {
    node: action,
    state: stateIn(model, action.key, period),
    previous: stateIn(model, action.key, previous),
    followUp: model.followUp(action.key, period) ?? null,
  };
}

function assessedRow<T extends 'mål' | 'fokusområde'>(model: SiteModel, node: NodeOf<T>, period: string, previous: string | null): AssessedRow<T> {
  const f = model.followUp(node.key, period) ?? null;
  return {
    node,
    followUp: f,
    assessment: f?.assessment ?? null,
    forecast: f?.forecast ?? null,
    previousAssessment: previous !== null ? (model.followUp(node.key, previous)?.assessment ?? null) : null,
    rollup: model.rollup(node.key, period),
  };
}

function yearOf(period: string): number {
  return Number(period.slice(0, 4));
}

/** An indicator's target, outcome and change for the year of `period`, against the year of `previous`. */
export function indicatorRow(model: SiteModel, indicator: NodeOf<'indikator'>, period: string, previous: string | null): IndicatorRow {
  const year = yearOf(period);
  const points = model.seriesOf(indicator.key)?.points ?? [];
  const point = points.find((p) => p.year === year) ?? null;
  const latest = [...points].reverse().find((p) => p.year <= year && p.actual !== null) ?? null;
  const previousYear = previous !== null ? yearOf(previous) : null;
  const previousActual = previousYear !== null ? (points.find((p) => p.year === previousYear)?.actual ?? null) : null;
  const actual = point?.actual ?? null;
  const change = actual !== null && previousActual !== null ? Math.round((actual - previousActual) * 1e9) / 1e9 : null;
  const higherIsBetter = indicator.fields.riktning !== 'lägre';
  const trend = change === null ? null : change === 0 ? 'oförändrad' : change > 0 === higherIsBetter ? 'bättre' : 'sämre';
  const scale = indicator.fields.skala;
  return {
    node: indicator,
    unit: indicator.fields.enhet,
    year,
    point,
    latest,
    previousYear,
    previousActual,
    change,
    trend,
    followUp: model.followUp(indicator.key, period) ?? null,
    group: model.groupOf(indicator.key),
    labels: scale?.etiketter,
  };
}

/** Indicators of a goal and its focus areas; a group's questions are left out when the group itself is there. */
export function keyIndicatorsOfGoal(model: SiteModel, goal: string): NodeOf<'indikator'>[] {
  const seen = new Map<string, NodeOf<'indikator'>>();
  for (const i of model.indicatorsMeasuring(goal)) seen.set(i.key, i);
  for (const fa of model.focusAreasOfGoal(goal)) for (const i of model.indicatorsMeasuring(fa.key)) seen.set(i.key, i);
  const list = [...seen.values()].filter((i) => {
    const group = model.groupOf(i.key);
    return !(group && seen.has(group.key));
  });
  return list.sort((a, b) => naturalCompare(a.id, b.id));
}

function countAssessments(rows: readonly AssessedRow[]): Record<Assessment | 'saknas', number> {
  const counts: Record<Assessment | 'saknas', number> = { uppfyllt: 0, 'delvis uppfyllt': 0, 'ej uppfyllt': 0, saknas: 0 };
  for (const r of rows) counts[r.assessment ?? 'saknas']++;
  return counts;
}

// ---- The report of a period ----------------------------------------------------------------------

/** The report of `plan` for `period`. Throws when the plan has no follow-up for the period. */
export function periodReport(model: SiteModel, planKey: string, period: string): PeriodReport {
  const plan = model.index.nodeOf(planKey, 'plan');
  if (!plan) throw new Error(`Planen ${planKey} finns inte.`);
  const periods = model.periods(planKey);
  const at = periods.indexOf(period);
  if (at < 0) throw new Error(`Planen ${plan.id} har ingen uppföljning för ${period}.`);
  const previous = periods[at - 1] ?? null;
  const next = periods[at + 1] ?? null;

  const goals: GoalSection[] = model.goalsOfPlan(planKey).map((goal) => {
    const focusAreas = model.focusAreasOfGoal(goal.key).map((fa) => ({
      ...assessedRow(model, fa, period, previous),
      actions: model
        .actionsContributingTo(fa.key)
        .map((a) => actionRow(model, a, period, previous))
        .filter((r) => r.state !== null),
      indicators: model.indicatorsMeasuring(fa.key).map((i) => indicatorRow(model, i, period, previous)),
    }));
    const actions = model
      .actionsBelowGoal(goal.key)
      .map((a) => actionRow(model, a, period, previous))
      .filter((r) => r.state !== null);
    return {
      ...assessedRow(model, goal, period, previous),
      focusAreas,
      directActions: model
        .actionsContributingTo(goal.key)
        .map((a) => actionRow(model, a, period, previous))
        .filter((r) => r.state !== null),
      actions,
      keyIndicators: keyIndicatorsOfGoal(model, goal.key).map((i) => indicatorRow(model, i, period, previous)),
      deviations: actions.filter((r) => isLate(r.state) || r.state!.status === 'pausad' || r.state!.status === 'avbruten'),
      focusAreaAssessments: countAssessments(focusAreas),
    };
  });

  const planGoals = new Set(model.goalsOfPlan(planKey).map((g) => g.key));
  const principles: PrincipleRow[] = model.planCoverage(planKey).map(({ principle, goals: realising }) => ({
    node: principle,
    area: model.areaOf(principle.key),
    goals: realising.map((g) => ({ node: g, assessment: model.followUp(g.key, period)?.assessment ?? null })),
    rollup: model.rollup(principle.key, period),
    otherPlans: model.goalsRealising(principle.key).some((g) => !planGoals.has(g.key) && model.periods(g.document).includes(period)),
    followUp: model.followUp(principle.key, period) ?? null,
  }));

  const members = [plan, ...model.goalsOfPlan(planKey), ...model.focusAreasOfPlan(planKey), ...model.actionsOfPlan(planKey), ...model.indicatorsOfPlan(planKey)];
  const followUps = members.flatMap((n) => model.followUps(n.key).filter((f) => f.period === period));
  const dates = followUps.map((f) => f.date).filter((d): d is string => d !== null).sort();
  const authors = [...new Set(followUps.map((f) => f.author.trim()).filter((a) => a !== ''))].sort(naturalCompare);

  const outstanding: OutstandingFollowUp[] = [];
  for (const active of activeNodes(model.index, plan, period)) {
    const f = model.followUp(active.node.key, period);
    if (!f) outstanding.push({ node: active.node, state: 'saknas' });
    else if (f.body.includes(UNFILLED_MARKER)) outstanding.push({ node: active.node, state: 'ej ifylld' });
  }

  const indicatorRows = model.indicatorsOfPlan(planKey).map((i) => indicatorRow(model, i, period, previous));
  const withTarget = indicatorRows.filter((r) => r.point?.targetMet !== null && r.point?.targetMet !== undefined);

  return {
    plan,
    organisations: model.organisationsOf(planKey),
    period,
    periods,
    previous,
    next,
    date: dates[dates.length - 1] ?? null,
    followUpCount: followUps.length,
    authors,
    outstanding,
    planRollup: model.rollup(planKey, period),
    goals,
    indicatorsMet: { met: withTarget.filter((r) => r.point!.targetMet === true).length, of: withTarget.length },
    principles,
    changes: previous !== null ? periodChanges(model, planKey, previous, period) : null,
  };
}

/** What changed in the plan from `previous` to `period`: actions by kind of change, new assessments, indicators. */
export function periodChanges(model: SiteModel, planKey: string, previous: string, period: string): PeriodChanges {
  const changes: ActionChange[] = model.actionsOfPlan(planKey).flatMap((a) => {
    const row = actionRow(model, a, period, previous);
    if (row.state === null) return [];
    const kind = actionChange(row.previous, row.state);
    return [{ ...row, kind, stillLate: kind === 'försenad' && isLate(row.previous) }];
  });
  const of = (kind: ActionChangeKind) => changes.filter((c) => c.kind === kind);
  const reassessed: ReassessedRow[] = [];
  for (const goal of model.goalsOfPlan(planKey)) {
    for (const node of [goal, ...model.focusAreasOfGoal(goal.key)]) {
      const before = model.followUp(node.key, previous)?.assessment ?? null;
      const after = model.followUp(node.key, period)?.assessment ?? null;
      const change = assessmentChange(before, after);
      if (change !== 'oförändrad') reassessed.push({ node, goal: node.type === 'fokusområde' ? goal : undefined, before, after, change });
    }
  }
  return {
    previous,
    added: of('ny'),
    finished: of('klar'),
    cancelled: of('avbruten'),
    late: of('försenad'),
    paused: of('pausad'),
    changed: of('ändrad'),
    unchanged: of('oförändrad').length,
    reassessed,
    indicators: model.indicatorsOfPlan(planKey).map((i) => indicatorRow(model, i, period, previous)),
  };
}

// ---- History -------------------------------------------------------------------------------------

export interface HistoryRow<T, N extends GraphNode = GraphNode> {
  node: N;
  /** One cell per period (or year for indicators), in the order of the columns. */
  cells: T[];
  /** For focus areas: the goal; for indicators: the group. */
  parent?: GraphNode | undefined;
}

type AssessmentCell = { assessment: Assessment | null; forecast: Assessment | null };

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
      return { assessment: f?.assessment ?? null, forecast: f?.forecast ?? null };
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

// ---- Two periods side by side --------------------------------------------------------------------

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
  principles: { node: NodeOf<'styrprincip'>; area: NodeOf<'område'> | undefined; older: Rollup | undefined; newer: Rollup | undefined }[];
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
    principles: model.planCoverage(planKey).map(({ principle }) => ({
      node: principle,
      area: model.areaOf(principle.key),
      older: model.rollup(principle.key, older),
      newer: model.rollup(principle.key, newer),
    })),
  };
}
