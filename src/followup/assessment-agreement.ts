// Whether a goal's or focus area's written assessment agrees with the status of the actions below it: the one
// judgement behind the check's rule assessment-disagrees-with-rollup and the site's Måluppfyllelse page, so the
// warning a strategist sees and the words an auditor reads never differ.
import type { Assessment, StatusCounts } from '../graph/types.js';

export type AssessmentAgreement =
  /** No actions below it in the period: nothing to compare with. */
  | { kind: 'inga aktiviteter' }
  /** Agrees: the assessment does not contradict the actions. */
  | { kind: 'stämmer'; done: number; total: number }
  /** `uppfyllt`, with more than half the actions not started or late (a late one counts as försenad). */
  | { kind: 'uppfyllt men efter'; behind: number; total: number }
  /** `ej uppfyllt`, with every action done. */
  | { kind: 'ej uppfyllt men klart'; done: number; total: number };

/**
 * `assessment` against the action counts of its rollup for the same period (`byStatus`, with overdue actions
 * already counted as försenad, and `total`). Counts of actions not yet started (startsLater) are not in `total`.
 */
export function assessmentAgreement(assessment: Assessment, actions: StatusCounts): AssessmentAgreement {
  const total = actions.total;
  if (total === 0) return { kind: 'inga aktiviteter' };
  const behind = actions.byStatus['ej påbörjad'] + actions.byStatus['försenad'];
  const done = actions.byStatus['klar'];
  if (assessment === 'uppfyllt' && behind * 2 > total) return { kind: 'uppfyllt men efter', behind, total };
  if (assessment === 'ej uppfyllt' && done === total) return { kind: 'ej uppfyllt men klart', done, total };
  return { kind: 'stämmer', done, total };
}
