// The rows the follow-up pages share: an action's state in a period and how it changed, a goal's or focus
// area's assessment and how it moved, an indicator's outcome against its target. Pure: read from the site model.
import type { ActionStatus, Assessment, FollowUp, IndicatorPoint, NodeOf, Rollup } from '../graph/types.js';
import type { SiteModel } from './model.js';
import { indicatorUnit, type Unit } from '../words/units.js';

/** An action's effective state in a period: its status, and whether it is past its due date without being done. */
export interface PeriodState {
  /** null when no file or follow-up gives it (status saknas). */
  status: ActionStatus | null;
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
  unit: Unit | undefined;
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
/** An action's effective state in `period` (null for none, or when it had not started and had no follow-up). */
export function stateIn(model: SiteModel, action: string, period: string | null): PeriodState | null {
  if (period === null) return null;
  return model.actionStateIn(action, period) ?? null;
}

/** An action's state in `period` and `previous`, with its follow-up for `period`. */
export function actionRow(model: SiteModel, action: NodeOf<'aktivitet'>, period: string, previous: string | null): ActionRow {
  return {
    node: action,
    state: stateIn(model, action.key, period),
    previous: stateIn(model, action.key, previous),
    followUp: model.followUp(action.key, period) ?? null,
  };
}

/** A goal's or focus area's assessment and forecast in `period`, the assessment in `previous`, the rollup. */
export function assessedRow<T extends 'mål' | 'fokusområde'>(model: SiteModel, node: NodeOf<T>, period: string, previous: string | null): AssessedRow<T> {
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
    unit: indicatorUnit(indicator.fields),
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

/** An action's due date as adopted and as revised by its follow-ups up to a period. */
export interface DueDates {
  /** `slut` in the action's file: the date the plan adopted. */
  adopted: string | null;
  /** The latest `nytt_slutdatum` of a follow-up up to the period, when it differs from the adopted date; else null. */
  revised: string | null;
  /** How many times the due date has moved: each follow-up up to the period whose new date differs from the one before. */
  moves: number;
}

/** The action's adopted due date, its revised one up to `period` and how many times it has moved. */
export function dueDates(model: SiteModel, action: NodeOf<'aktivitet'>, period: string): DueDates {
  const adopted = action.fields.slut ?? null;
  let current = adopted;
  let moves = 0;
  for (const f of model.followUps(action.key)) {
    if (f.period > period || f.revisedDue === null || f.revisedDue === current) continue;
    current = f.revisedDue;
    moves++;
  }
  return { adopted, revised: current !== adopted ? current : null, moves };
}
