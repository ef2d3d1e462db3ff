// "Att uppmärksamma": what in a follow-up period needs the board's attention, each thing named. Every goal, focus
// area and principle assessed as not or partly met; every action delayed, paused or cancelled, or past its due
// date without being done; every indicator whose outcome missed its target. Each with how many periods in a row
// it has been so, its owner and the follow-up's own explanation. A status no follow-up of the period gives (not
// submitted, or not written) is the last one reported, carried forward as the graph carries it, and says so; an
// action is past its due date against the date the plan adopted, with the revised one beside it. Pure: reads only
// the site model.
import type { ActionStatus, Assessment, FollowUp, NodeOf } from '../graph/types.js';
import { NO_OWNER, type SiteModel } from './model.js';
import { dueDates, indicatorRow, stateIn } from './follow-up-rows.js';
import type { Unit } from '../words/units.js';

/** An assessment that needs attention. */
export type ShortfallAssessment = Exclude<Assessment, 'uppfyllt'>;
/** An action status that needs attention. */
export type DeviationStatus = Extract<ActionStatus, 'försenad' | 'pausad' | 'avbruten'>;

export type AttentionReason =
  /** Assessed as not or partly met; `streak` periods in a row with this assessment (1: this period only). */
  | { kind: 'bedömning'; assessment: ShortfallAssessment; streak: number; previous: Assessment | null }
  /**
   * Delayed, paused or cancelled; `streak` periods in a row with this status. `reportedIn` is the period whose
   * follow-up gave it (null: the action's file); when it is not the list's period, no follow-up of the period
   * reported a status and this one is carried forward from then.
   */
  | { kind: 'status'; status: DeviationStatus; streak: number; previous: ActionStatus | null; reportedIn: string | null }
  /** Past its adopted due date (`due`, YYYY-MM-DD) without being done; `revised` when a follow-up moved it, `moves` times. */
  | { kind: 'slutdatum'; due: string; revised: string | null; moves: number }
  /** The outcome for the period's year missed the target. */
  | { kind: 'målvärde'; year: number; target: number; actual: number; unit: Unit | undefined };

export interface AttentionItem {
  node: NodeOf<'mål' | 'fokusområde' | 'styrprincip' | 'aktivitet' | 'indikator'>;
  /** For a focus area, its goal. */
  goal: NodeOf<'mål'> | undefined;
  /** Who answers for it: the node's `ansvarig`, a focus area's goal's; null when none is written. */
  owner: string | null;
  /** Why it is on the list; an action can be both delayed and past its due date. */
  reasons: AttentionReason[];
  /** The follow-up for the period: its text is the explanation. */
  followUp: FollowUp | null;
  /** The follow-up for the period is opened and not filled in (ej inlämnad): it explains nothing yet. */
  unsubmitted: boolean;
}

export interface AttentionList {
  period: string;
  /** Goals, each followed by its focus areas, then principles, in the plan's order. */
  assessments: AttentionItem[];
  actions: AttentionItem[];
  indicators: AttentionItem[];
  /** Number of items in all. */
  total: number;
  /** How many of the plan's goals, focus areas, principles and actions have a follow-up for the period that is not submitted. */
  notSubmitted: number;
}

const DEVIATIONS: readonly ActionStatus[] = ['försenad', 'pausad', 'avbruten'];

/** The latest period up to `period` whose submitted follow-up of `action` gives a status; null when none does (the file's status holds). */
function reportedIn(model: SiteModel, action: string, period: string): string | null {
  let found: string | null = null;
  for (const f of model.followUps(action)) if (f.period <= period && f.status !== null && (found === null || f.period > found)) found = f.period;
  return found;
}

/** How many periods in a row, ending with `periods[at]`, `value(period)` has been `current`. */
function streakOf<T>(periods: readonly string[], at: number, current: T, value: (period: string) => T): number {
  let n = 0;
  for (let i = at; i >= 0 && value(periods[i]!) === current; i--) n++;
  return n;
}

function ownerOf(node: AttentionItem['node'], goal: NodeOf<'mål'> | undefined): string | null {
  const own = 'ansvarig' in node.fields && typeof node.fields.ansvarig === 'string' ? node.fields.ansvarig.trim() : '';
  if (own !== '') return own;
  const ofGoal = goal?.fields.ansvarig?.trim() ?? '';
  return ofGoal !== '' ? ofGoal : null;
}

/** An indicator's owner: the owners of the goals and focus areas it measures, when they agree on one. */
function measuredOwner(model: SiteModel, indicator: NodeOf<'indikator'>): string | null {
  const measured = [indicator, ...model.membersOf(indicator.key)].flatMap((i) => model.measuredBy(i.key));
  const owners = new Set<string>();
  for (const n of measured) {
    if (n.type === 'mål') owners.add(ownerOf(n, undefined) ?? '');
    else if (n.type === 'fokusområde') owners.add(ownerOf(n, model.goalOfFocusArea(n.key)) ?? '');
  }
  owners.delete('');
  return owners.size === 1 ? [...owners][0]! : null;
}

/**
 * What needs attention in `plan`'s follow-up for `period`: its goals and focus areas (and the principles of its
 * policies) with a written assessment of `delvis uppfyllt` or `ej uppfyllt`; its actions whose effective status
 * in the period is försenad, pausad or avbruten, or that are past their due date without being done (the
 * graph's `overdue`); its indicators whose outcome for the period's year missed the target. Empty lists when
 * nothing does. Throws when the plan has no follow-up for `period`.
 */
export function attentionList(model: SiteModel, planKey: string, period: string): AttentionList {
  const periods = model.periods(planKey);
  const at = periods.indexOf(period);
  if (at < 0) throw new Error(`Planen ${planKey} har ingen uppföljning för ${period}.`);
  const previous = periods[at - 1] ?? null;

  const assessed = (node: NodeOf<'mål' | 'fokusområde' | 'styrprincip'>, goal: NodeOf<'mål'> | undefined): AttentionItem[] => {
    const followUp = model.followUp(node.key, period) ?? null;
    const assessment = followUp?.assessment ?? null;
    if (assessment === null || assessment === 'uppfyllt') return [];
    const streak = streakOf(periods, at, assessment, (p) => model.followUp(node.key, p)?.assessment ?? null);
    const before = previous !== null ? (model.followUp(node.key, previous)?.assessment ?? null) : null;
    return [{ node, goal, owner: ownerOf(node, goal), reasons: [{ kind: 'bedömning', assessment, streak, previous: before }], followUp, unsubmitted: false }];
  };

  const assessments: AttentionItem[] = [];
  for (const goal of model.goalsOfPlan(planKey)) {
    assessments.push(...assessed(goal, undefined));
    for (const fa of model.focusAreasOfGoal(goal.key)) assessments.push(...assessed(fa, goal));
  }
  for (const { principle } of model.planCoverage(planKey)) assessments.push(...assessed(principle, undefined));

  const actions: AttentionItem[] = [];
  for (const action of model.actionsOfPlan(planKey)) {
    const state = stateIn(model, action.key, period);
    if (state === null) continue;
    const reasons: AttentionReason[] = [];
    if (state.status !== null && DEVIATIONS.includes(state.status)) {
      const streak = streakOf(periods, at, state.status, (p) => stateIn(model, action.key, p)?.status ?? null);
      const before = stateIn(model, action.key, previous)?.status ?? null;
      reasons.push({ kind: 'status', status: state.status as DeviationStatus, streak, previous: before, reportedIn: reportedIn(model, action.key, period) });
    }
    if (state.overdue && action.fields.slut !== undefined) {
      const due = dueDates(model, action, period);
      reasons.push({ kind: 'slutdatum', due: action.fields.slut, revised: due.revised, moves: due.moves });
    }
    if (reasons.length > 0) {
      const followUp = model.followUp(action.key, period) ?? null;
      actions.push({ node: action, goal: undefined, owner: ownerOf(action, undefined), reasons, followUp, unsubmitted: followUp?.submitted === false });
    }
  }

  const indicators: AttentionItem[] = [];
  for (const indicator of model.indicatorsOfPlan(planKey)) {
    const row = indicatorRow(model, indicator, period, previous);
    const p = row.point;
    if (p === null || p.targetMet !== false || p.target === null || p.actual === null) continue;
    indicators.push({
      node: indicator,
      goal: undefined,
      owner: measuredOwner(model, indicator),
      reasons: [{ kind: 'målvärde', year: row.year, target: p.target, actual: p.actual, unit: row.unit }],
      followUp: row.followUp,
      unsubmitted: false,
    });
  }

  const followedUp = [
    ...model.goalsOfPlan(planKey).flatMap((g) => [g, ...model.focusAreasOfGoal(g.key)]),
    ...model.planCoverage(planKey).map((c) => c.principle),
    ...model.actionsOfPlan(planKey),
  ];
  const notSubmitted = new Set(followedUp.filter((n) => model.unsubmitted(n.key, period)).map((n) => n.key)).size;
  return { period, assessments, actions, indicators, total: assessments.length + actions.length + indicators.length, notSubmitted };
}

/** The owner as the site writes it: the text, or `Ansvarig saknas`. */
export function ownerText(item: AttentionItem): string {
  return item.owner ?? NO_OWNER;
}
