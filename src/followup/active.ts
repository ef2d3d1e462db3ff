// Which goals, focus areas and actions of a plan are to be followed up in a period, and what they were last time.
import type { GraphIndex } from '../graph/graph-index.js';
import { periodEnd } from '../graph/derive/periods.js';
import { coversYear } from '../graph/derive/document-years.js';
import type { ActionStatus, Assessment, DocumentYears, FollowUp, NodeOf } from '../graph/types.js';
import { naturalCompare } from '../util/natural-compare.js';

export interface ActiveNode {
  node: NodeOf<'mål' | 'fokusområde' | 'aktivitet'>;
  /** The owner whose folder the follow-up goes in: the action's ansvarig, or the goal's for goals and focus areas. */
  owner: string;
  /** The latest follow-up before the period, if any. */
  previous: FollowUp | undefined;
  /** For actions: the status before the period (latest follow-up, else the file's). */
  statusBefore: ActionStatus | undefined;
  /** For goals and focus areas: the assessment before the period. */
  assessmentBefore: Assessment | undefined;
}

/** Marks a follow-up written by `uppfoljning ny` that its owner has not yet filled in. */
export const UNFILLED_MARKER = 'sparbar: ej ifylld';

const DONE: ReadonlySet<ActionStatus> = new Set(['klar', 'avbruten']);
const NO_OWNER = 'Utan ansvarig';

/**
 * True unless the plan's known years (`documentYears`, the graph's derived.documentYears) exclude the period's
 * year: a plan whose period the documents do not give is not said to be outside any period.
 */
export function planCoversPeriod(documentYears: Readonly<Record<string, DocumentYears>>, plan: NodeOf<'plan'>, period: string): boolean {
  return coversYear(documentYears[plan.key], Number(period.slice(0, 4)));
}

/**
 * The goals, focus areas and actions of `plan` active in `period`, in natural order of their ids (FO2.2 before
 * FO2.10, as `sparbar ny` numbers them); actions done or cancelled earlier and not yet started are left out.
 */
export function activeNodes(index: GraphIndex, plan: NodeOf<'plan'>, period: string): ActiveNode[] {
  const end = periodEnd(period);
  const before = (key: string) => index.followUps(key).filter((f) => f.period < period).at(-1);
  const out: ActiveNode[] = [];
  const members = index.in(plan.key, 'part-of').map((k) => index.node(k)!);
  for (const goal of members.filter((n) => n.type === 'mål')) {
    const owner = goal.fields.ansvarig ?? NO_OWNER;
    for (const node of [goal, ...index.in(goal.key, 'part-of').map((k) => index.node(k)!).filter((n) => n.type === 'fokusområde')]) {
      const previous = before(node.key);
      out.push({ node, owner, previous, statusBefore: undefined, assessmentBefore: previous?.assessment ?? undefined });
    }
  }
  for (const action of members.filter((n) => n.type === 'aktivitet')) {
    const start = action.fields.start;
    if (start !== undefined && start > end) continue;
    const previous = before(action.key);
    const statusBefore = previous?.status ?? action.fields.status ?? 'ej påbörjad';
    if (DONE.has(statusBefore)) continue;
    const owner = action.fields.ansvarig ?? NO_OWNER;
    out.push({ node: action, owner, previous, statusBefore, assessmentBefore: undefined });
  }
  return out.sort((a, b) => naturalCompare(a.node.key, b.node.key));
}
