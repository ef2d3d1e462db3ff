// The report of one follow-up period as the site shows it to kommunstyrelsen: the summary, each goal and focus
// area with its written assessment and its actions, the principles, and what changed since the previous period.
// Pure: reads only the site model (the graph), so that the page renders it and the tests check it.
import { activeNodes } from '../followup/active.js';
import type { Assessment, FollowUp, NodeOf, Rollup } from '../graph/types.js';
import { naturalCompare } from '../util/natural-compare.js';
import { actionChange, actionRow, assessedRow, assessmentChange, indicatorRow, isLate, type ActionChangeKind, type ActionRow, type AssessedRow, type IndicatorRow, type ReassessedRow } from './follow-up-rows.js';
import { attentionList, type AttentionList } from './attention.js';
import type { SiteModel } from './model.js';

export interface FocusAreaSection extends AssessedRow<'fokusområde'> {
  /** Every action active in the period that contributes to the focus area. */
  actions: ActionRow[];
  /** The actions the report lists in full here: those not already listed under an earlier focus area of the same goal. */
  listedActions: ActionRow[];
  /** The actions listed in full under an earlier focus area of the same goal (`under`), referred to here by name only. */
  actionsListedAbove: ListedAbove[];
  indicators: IndicatorRow[];
}

/** An action the report lists once per goal: here it is only named, with the focus area it is listed under. */
export interface ListedAbove {
  action: ActionRow;
  under: NodeOf<'fokusområde'>;
}

export interface GoalSection extends AssessedRow<'mål'> {
  focusAreas: FocusAreaSection[];
  /** Actions that contribute to the goal directly, not through a focus area. */
  directActions: ActionRow[];
  /** The direct actions not already listed under one of the goal's focus areas (those are in `directListedAbove`). */
  listedDirectActions: ActionRow[];
  directListedAbove: ListedAbove[];
  /** Every action below the goal, each once. */
  actions: ActionRow[];
  /** Indicators of the goal and its focus areas, a group's questions left out when the group is shown. */
  keyIndicators: IndicatorRow[];
  /** Actions below the goal that are late, paused or cancelled in the period: what the board asks about. */
  deviations: ActionRow[];
  /** Counts of the focus areas' assessments: `saknas` when no follow-up is written, `ej inlämnad` when it is opened and not submitted. */
  focusAreaAssessments: Record<Assessment | 'saknas' | 'ej inlämnad', number>;
}

export interface PrincipleRow {
  /** A principle; or an area without principles that goals realise directly (a policy of areas and goals). */
  node: NodeOf<'styrprincip'> | NodeOf<'område'>;
  area: NodeOf<'område'> | undefined;
  /** The plan's goals that realise the principle, with their assessment in the period. */
  goals: { node: NodeOf<'mål'>; assessment: Assessment | null }[];
  /** The principle's rollup (every plan's goals realising it that have the period). */
  rollup: Rollup | undefined;
  /** True when goals of other plans count in the rollup. */
  otherPlans: boolean;
  followUp: FollowUp | null;
}

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
  /** What needs the board's attention in the period, each thing named (./attention.ts). */
  attention: AttentionList;
  goals: GoalSection[];
  /** Indicators of the plan whose outcome for the year reached its target, of those with both; a group of questions is
   * one indicator (its questions are not counted apart). */
  indicatorsMet: { met: number; of: number };
  principles: PrincipleRow[];
  changes: PeriodChanges | null;
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

function countAssessments(rows: readonly AssessedRow[]): Record<Assessment | 'saknas' | 'ej inlämnad', number> {
  const counts: Record<Assessment | 'saknas' | 'ej inlämnad', number> = { uppfyllt: 0, 'delvis uppfyllt': 0, 'ej uppfyllt': 0, saknas: 0, 'ej inlämnad': 0 };
  for (const r of rows) counts[r.followUp?.submitted === false ? 'ej inlämnad' : (r.assessment ?? 'saknas')]++;
  return counts;
}
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
    // Each action is listed in full once per goal, under the first focus area (in the plan's order) it contributes to.
    const listedUnder = new Map<string, NodeOf<'fokusområde'>>();
    const once = (rows: ActionRow[], where: NodeOf<'fokusområde'> | null) => {
      const listed: ActionRow[] = [];
      const above: ListedAbove[] = [];
      for (const r of rows) {
        const under = listedUnder.get(r.node.key);
        if (under) above.push({ action: r, under });
        else {
          listed.push(r);
          if (where) listedUnder.set(r.node.key, where);
        }
      }
      return { listed, above };
    };
    const focusAreas = model.focusAreasOfGoal(goal.key).map((fa) => {
      const actions = model
        .actionsContributingTo(fa.key)
        .map((a) => actionRow(model, a, period, previous))
        .filter((r) => r.state !== null);
      const { listed, above } = once(actions, fa);
      return {
        ...assessedRow(model, fa, period, previous),
        actions,
        listedActions: listed,
        actionsListedAbove: above,
        indicators: model.indicatorsMeasuring(fa.key).map((i) => indicatorRow(model, i, period, previous)),
      };
    });
    const directActions = model
      .actionsContributingTo(goal.key)
      .map((a) => actionRow(model, a, period, previous))
      .filter((r) => r.state !== null);
    const direct = once(directActions, null);
    const actions = model
      .actionsBelowGoal(goal.key)
      .map((a) => actionRow(model, a, period, previous))
      .filter((r) => r.state !== null);
    return {
      ...assessedRow(model, goal, period, previous),
      focusAreas,
      directActions,
      listedDirectActions: direct.listed,
      directListedAbove: direct.above,
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
  // A policy of areas and goals, without principles: its areas take the principles' place.
  if (!model.planHasPrinciples(planKey)) {
    for (const policy of model.policiesOfPlan(planKey)) {
      for (const area of model.areasOfPolicy(policy.key)) {
        const realising = model.goalsRealisingArea(area.key);
        principles.push({
          node: area,
          area: undefined,
          goals: realising.filter((g) => planGoals.has(g.key)).map((g) => ({ node: g, assessment: model.followUp(g.key, period)?.assessment ?? null })),
          rollup: model.rollup(area.key, period),
          otherPlans: realising.some((g) => !planGoals.has(g.key) && model.periods(g.document).includes(period)),
          followUp: model.followUp(area.key, period) ?? null,
        });
      }
    }
  }

  const members = [plan, ...model.goalsOfPlan(planKey), ...model.focusAreasOfPlan(planKey), ...model.actionsOfPlan(planKey), ...model.indicatorsOfPlan(planKey)];
  // What the report rests on: the follow-ups written and submitted (one opened and not filled in is nobody's word).
  const followUps = members.flatMap((n) => model.followUps(n.key).filter((f) => f.period === period && f.submitted));
  const dates = followUps.map((f) => f.date).filter((d): d is string => d !== null).sort();
  const authors = [...new Set(followUps.map((f) => (f.author ?? '').trim()).filter((a) => a !== ''))].sort(naturalCompare);

  const outstanding: OutstandingFollowUp[] = [];
  for (const active of activeNodes(model.index, plan, period)) {
    const f = model.followUp(active.node.key, period);
    if (!f) outstanding.push({ node: active.node, state: 'saknas' });
    else if (!f.submitted) outstanding.push({ node: active.node, state: 'ej ifylld' });
  }

  // A group counts as one indicator (its value is the mean of its questions), never its questions one by one.
  const indicatorRows = model.indicatorsOfPlan(planKey).filter((i) => model.groupOf(i.key) === undefined).map((i) => indicatorRow(model, i, period, previous));
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
    attention: attentionList(model, planKey, period),
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
