// Which goals, focus areas and actions of a plan are to be followed up in a period, and what they were last time.
import type { GraphIndex } from '../graph/graph-index.js';
import { periodEnd } from '../graph/derive/periods.js';
import { coversYear, formatYears } from '../graph/derive/document-years.js';
import type { ActionStatus, Assessment, DocumentYears, FollowUp, Graph, NodeOf } from '../graph/types.js';
import { naturalCompare } from '../util/natural-compare.js';

export interface ActiveNode<T extends 'område' | 'styrprincip' | 'effektmål' | 'mål' | 'fokusområde' | 'aktivitet' = 'mål' | 'fokusområde' | 'aktivitet'> {
  node: NodeOf<T>;
  /** The owner whose folder the follow-up goes in: the action's ansvarig, the goal's for goals and focus areas, the policy's for principles, areas and effects. */
  owner: string;
  /** The latest follow-up before the period, if any. */
  previous: FollowUp | undefined;
  /** For actions: the status before the period (latest follow-up, else the file's). */
  statusBefore: ActionStatus | undefined;
  /** For goals and focus areas: the assessment before the period. */
  assessmentBefore: Assessment | undefined;
}

export { UNFILLED_MARKER } from '../graph/follow-ups.js';

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

/**
 * What the policies `plan` carries out are followed up on, for a period the policy covers (or whose validity is not
 * given), in natural order: the policy is followed up broadly on its principles; an area without principles (a
 * policy of areas and goals) on the area itself; and on the effects (effektmål) the policy lists. The owner is the
 * policy's ansvarig.
 */
export function activePrinciples(
  index: GraphIndex,
  plan: NodeOf<'plan'>,
  period: string,
  documentYears: Readonly<Record<string, DocumentYears>>,
): ActiveNode<'område' | 'styrprincip' | 'effektmål'>[] {
  const before = (key: string) => index.followUps(key).filter((f) => f.period < period).at(-1);
  const out: ActiveNode<'område' | 'styrprincip' | 'effektmål'>[] = [];
  const year = Number(period.slice(0, 4));
  const push = (node: NodeOf<'område' | 'styrprincip' | 'effektmål'>, owner: string) => {
    const previous = before(node.key);
    out.push({ node, owner, previous, statusBefore: undefined, assessmentBefore: previous?.assessment ?? undefined });
  };
  for (const policyKey of index.out(plan.key, 'implements')) {
    const policy = index.node(policyKey);
    if (policy?.type !== 'policy' || !coversYear(documentYears[policy.key], year)) continue;
    const owner = policy.fields.ansvarig ?? NO_OWNER;
    for (const part of index.in(policy.key, 'part-of').map((k) => index.node(k)!)) {
      if (part.type === 'effektmål') push(part, owner);
      if (part.type !== 'område') continue;
      const principles = index.in(part.key, 'part-of').map((k) => index.node(k)!).filter((n) => n.type === 'styrprincip');
      if (principles.length === 0) push(part, owner);
      for (const principle of principles) push(principle, owner);
    }
  }
  return out.sort((a, b) => naturalCompare(a.node.key, b.node.key));
}

/**
 * The effects (effektmål) a plan lists itself, in natural order; the owner is the plan's (none is written, so they
 * go in the folder for follow-ups without an owner).
 */
export function activePlanEffects(index: GraphIndex, plan: NodeOf<'plan'>, period: string): ActiveNode<'effektmål'>[] {
  const before = (key: string) => index.followUps(key).filter((f) => f.period < period).at(-1);
  return index
    .in(plan.key, 'part-of')
    .map((k) => index.nodeOf(k, 'effektmål'))
    .filter((n) => n !== undefined)
    .map((node) => {
      const previous = before(node.key);
      return { node, owner: NO_OWNER, previous, statusBefore: undefined, assessmentBefore: previous?.assessment ?? undefined };
    })
    .sort((a, b) => naturalCompare(a.node.key, b.node.key));
}

/**
 * When `period` lies outside the period of every plan in `graph` (as far as the documents give it), a Swedish
 * sentence saying so and naming each plan's years; null when some plan covers it, or when there is no plan.
 */
export function periodOutsideEveryPlan(graph: Graph, period: string): string | null {
  const plans = graph.nodes.filter((n): n is NodeOf<'plan'> => n.type === 'plan');
  if (plans.length === 0 || plans.some((p) => planCoversPeriod(graph.derived.documentYears, p, period))) return null;
  const spans = plans.map((p) => `${p.title}: ${formatYears(graph.derived.documentYears[p.key]!)}`).join('; ');
  return `Perioden ${period} ligger utanför varje plans period (${spans}), så det finns inget att följa upp för den. Ange en period inom en plans period.`;
}
