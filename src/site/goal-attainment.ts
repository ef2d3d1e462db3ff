// Måluppfyllelse: one period's assessment of each goal and focus area next to what supports it, for the
// auditors who judge whether the goals were followed up and evaluated (kommunallagen 12 kap.): the written
// assessment, the indicators' targets and outcomes, the actions' rollup, the evidence (underlag), and whether
// the assessment agrees with the rollup (the check's rule assessment-disagrees-with-rollup, in plain words).
// Pure: reads the site model through the period report.
import { assessmentAgreement, type AssessmentAgreement } from '../followup/assessment-agreement.js';
import type { NodeOf, Rollup } from '../graph/types.js';
import type { AssessedRow, IndicatorRow } from './follow-up-rows.js';
import type { SiteModel } from './model.js';
import { periodReport } from './period-report.js';

export interface AttainmentRow {
  row: AssessedRow;
  /** For a focus area, its goal. */
  goal: NodeOf<'mål'> | undefined;
  /** The follow-up is opened and not filled in (ej inlämnad). */
  unsubmitted: boolean;
  /** The assessment against the actions' rollup; null without a written assessment. */
  agreement: AssessmentAgreement | null;
  /** The indicators measuring it (a goal: its own and its focus areas', a group's questions under the group). */
  indicators: IndicatorRow[];
  /** The actions' counts in the period (overdue counted as försenad). */
  actions: Rollup['actions'] | null;
}

export interface GoalAttainment {
  period: string;
  /** Each goal followed by its focus areas, in the plan's order. */
  rows: AttainmentRow[];
  /** How many written assessments agree, disagree, have nothing to compare with, and how many have evidence listed. */
  counts: { assessed: number; agrees: number; disagrees: number; noActions: number; withEvidence: number };
}

/** The Måluppfyllelse of `planKey` in `period`. Throws as periodReport does when the plan has no such period. */
export function goalAttainment(model: SiteModel, planKey: string, period: string): GoalAttainment {
  const report = periodReport(model, planKey, period);
  const rows: AttainmentRow[] = [];
  const make = (row: AssessedRow, goal: NodeOf<'mål'> | undefined, indicators: IndicatorRow[]): AttainmentRow => {
    const unsubmitted = row.followUp?.submitted === false;
    const actions = row.rollup?.actions ?? null;
    const agreement = row.assessment !== null && !unsubmitted ? assessmentAgreement(row.assessment, actions ?? emptyActions()) : null;
    return { row, goal, unsubmitted, agreement, indicators, actions };
  };
  for (const g of report.goals) {
    rows.push(make(g, undefined, g.keyIndicators));
    for (const fa of g.focusAreas) rows.push(make(fa, g.node, fa.indicators));
  }
  const assessed = rows.filter((r) => r.agreement !== null);
  return {
    period,
    rows,
    counts: {
      assessed: assessed.length,
      agrees: assessed.filter((r) => r.agreement!.kind === 'stämmer').length,
      disagrees: assessed.filter((r) => r.agreement!.kind === 'uppfyllt men efter' || r.agreement!.kind === 'ej uppfyllt men klart').length,
      noActions: assessed.filter((r) => r.agreement!.kind === 'inga aktiviteter').length,
      withEvidence: assessed.filter((r) => (r.row.followUp?.evidence.length ?? 0) > 0).length,
    },
  };
}

function emptyActions(): Rollup['actions'] {
  return { total: 0, byStatus: { 'ej påbörjad': 0, pågår: 0, klar: 0, försenad: 0, pausad: 0, avbruten: 0 }, missing: 0, startsLater: 0, overdue: 0 };
}
