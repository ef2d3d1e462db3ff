// Rollups: each action's effective status per period, and status counts summed up the chain.
import { AKTIVITET_STATUS, BEDOMNING } from '../../../schemas/plan-files.js';
import type { GraphIndex } from '../graph-index.js';
import type { ActionStatus, Derived, FollowUp, GraphNode, Rollup, StatusCounts } from '../types.js';
import { goalsRealising } from './coverage.js';
import { periodEnd } from './periods.js';

const FINISHED: ReadonlySet<ActionStatus> = new Set(['klar', 'avbruten']);

type ActionStatusRow = Derived['actionStatus'][number];

/**
 * The status of every action of a plan in every period of that plan in which it has started or has a follow-up:
 * the period's follow-up, else the latest before it, else the file's status; null when none of these gives one
 * (status saknas: counted apart, never as ej påbörjad).
 */
export function deriveActionStatus(index: GraphIndex, periods: Record<string, string[]>): ActionStatusRow[] {
  const rows: ActionStatusRow[] = [];
  const ends = new Map<string, string>();
  for (const list of Object.values(periods)) for (const p of list) if (!ends.has(p)) ends.set(p, periodEnd(p));
  for (const action of index.ofType('aktivitet')) {
    const plan = action.document;
    const own = index.followUps(action.key);
    const followUps = own.length === 0 ? NO_FOLLOW_UPS : own;
    const planPeriods = plan ? (periods[plan] ?? NO_PERIODS) : NO_PERIODS;
    // An action whose fields and follow-ups are the very same objects as last time, in plan periods that are the
    // same, has the same rows.
    const last = statusRowsOf.get(action);
    if (last !== undefined && last.fields === action.fields && sameItems(last.followUps, followUps) && sameItems(last.periods, planPeriods)) {
      for (const row of last.rows) rows.push(row);
      continue;
    }
    const first = rows.length;
    for (const period of planPeriods) {
      const end = ends.get(period)!;
      const start = action.fields.start;
      if (start !== undefined && start > end && !followUps.some((f) => f.period <= period)) continue;
      let status: ActionStatus | null = action.fields.status ?? null;
      for (const f of followUps) if (f.period <= period && f.status) status = f.status;
      const due = action.fields.slut;
      // An action whose status nobody gave is not called late: whether it is done is unknown.
      const overdue = status !== null && due !== undefined && due < end && !FINISHED.has(status);
      rows.push({ node: action.key, period, status, overdue });
    }
    statusRowsOf.set(action, { fields: action.fields, followUps, periods: planPeriods, rows: rows.slice(first) });
  }
  return rows;
}

const NO_PERIODS: readonly string[] = [];

/** True when two lists hold the same items (the same objects or strings) in the same order. */
function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
const NO_FOLLOW_UPS: readonly FollowUp[] = [];

/** Each action's rows from the last deriveActionStatus, with what they were made from (check --watch derives them after every save). */
const statusRowsOf = new WeakMap<GraphNode, { fields: GraphNode['fields']; followUps: readonly FollowUp[]; periods: readonly string[]; rows: ActionStatusRow[] }>();

function emptyCounts(): StatusCounts {
  const byStatus = {} as Record<ActionStatus, number>;
  for (const s of AKTIVITET_STATUS) byStatus[s] = 0;
  return { total: 0, byStatus, missing: 0, startsLater: 0, overdue: 0 };
}

function emptyAssessments(): Rollup['assessments'] {
  const counts = {} as Rollup['assessments'];
  for (const s of BEDOMNING) counts[s] = 0;
  counts.saknas = 0;
  counts['ej inlämnad'] = 0;
  return counts;
}

/**
 * Rollups for focus areas, goals, principles and plans, for every period of their plan(s). A plan several
 * organisations adopted that has follow-ups written for one of them (`organisation:`) also gets, for each of its
 * organisations, the rollups of the plan, its goals and focus areas with `organisation` set: a child's assessment is
 * that organisation's own follow-up where there is one, else the whole plan's; the actions are the plan's, counted
 * as for the whole plan. `structure` stands for `index`'s nodes and edges: which actions count under which node is
 * worked out once per such object (pass the same one only while nodes and edges are unchanged).
 */
export function deriveRollups(index: GraphIndex, periods: Record<string, string[]>, statusRows: readonly ActionStatusRow[], structure: object = {}): Rollup[] {
  const { actionIndex, indices, actionsOfFocusArea, focusAreasOfGoal, union, actionsOfGoal } = shapeOf(index, structure);
  const NONE = -1;
  const statusCodes = new Map<string, Int8Array>();
  // The rows come action by action, each action's in period order: the lookups are made once per action and period.
  let lastNode: string | undefined;
  let i: number | undefined;
  let lastPeriod: string | undefined;
  let codes: Int8Array | undefined;
  for (const r of statusRows) {
    if (r.period !== lastPeriod) {
      lastPeriod = r.period;
      codes = statusCodes.get(r.period);
      if (!codes) statusCodes.set(r.period, (codes = new Int8Array(actionIndex.size).fill(NONE)));
    }
    if (r.node !== lastNode) {
      lastNode = r.node;
      i = actionIndex.get(r.node);
    }
    // Overdue actions count as försenad; the overdue flag is kept in the high bit.
    if (i === undefined) continue;
    codes![i] = r.status === null ? MISSING : STATUS_CODE.get(r.overdue && r.status !== 'försenad' ? 'försenad' : r.status)! | (r.overdue ? OVERDUE_BIT : 0);
  }
  // A follow-up opened and not filled in is counted apart (ej inlämnad), never as an assessment.
  // For one organisation of a shared plan, its own follow-up of the child counts before the whole plan's.
  const assessmentOf = (key: string, period: string, organisation?: string) => {
    const own = organisation === undefined ? undefined : index.organisationFollowUps(key).find((f) => f.period === period && f.organisation === organisation);
    const f = own ?? index.followUps(key).find((f) => f.period === period);
    return f && !f.submitted ? 'ej inlämnad' : (f?.assessment ?? null);
  };
  const rollup = (node: string, period: string, actions: readonly number[], children: readonly string[], organisation?: string): Rollup => {
    const counts = emptyCounts();
    const codes = statusCodes.get(period);
    if (codes) {
      const byCode = new Uint32Array(AKTIVITET_STATUS.length + 1);
      for (let j = 0; j < actions.length; j++) {
        const code = codes[actions[j]!]!;
        if (code === NONE) {
          counts.startsLater++;
          continue;
        }
        counts.total++;
        byCode[code & STATUS_MASK]!++;
        if (code & OVERDUE_BIT) counts.overdue++;
      }
      for (let c = 0; c < AKTIVITET_STATUS.length; c++) counts.byStatus[AKTIVITET_STATUS[c]!] = byCode[c]!;
      counts.missing = byCode[MISSING]!;
    }
    const assessments = emptyAssessments();
    for (const c of children) {
      const a = assessmentOf(c, period, organisation);
      assessments[a ?? 'saknas']++;
    }
    return organisation === undefined ? { node, period, actions: counts, assessments } : { node, period, organisation, actions: counts, assessments };
  };
  const out: Rollup[] = [];
  for (const plan of index.ofType('plan')) {
    const planPeriods = periods[plan.key] ?? [];
    const members = index.in(plan.key, 'part-of');
    const goals = members.filter((k) => index.node(k)?.type === 'mål');
    const planActions = indices(members);
    // A plan several organisations adopted, with follow-ups written for one of them: a rollup per organisation too.
    const perOrganisation = plan.organisations.length > 1 && members.some((k) => index.organisationFollowUps(k).length > 0);
    for (const period of planPeriods) {
      for (const organisation of [undefined, ...(perOrganisation ? plan.organisations : [])]) {
        out.push(rollup(plan.key, period, planActions, goals, organisation));
        for (const goal of goals) {
          out.push(rollup(goal, period, actionsOfGoal(goal), focusAreasOfGoal(goal), organisation));
          for (const fa of focusAreasOfGoal(goal)) out.push(rollup(fa, period, actionsOfFocusArea(fa), [], organisation));
        }
      }
    }
  }
  const allPeriods = [...new Set(Object.values(periods).flat())].sort();
  // A principle, and an area that goals realise directly (a policy with areas and goals, without principles).
  for (const principle of [...index.ofType('styrprincip'), ...index.ofType('område')]) {
    const goals = goalsRealising(index, principle.key);
    if (goals.length === 0) continue;
    for (const period of allPeriods) {
      const goalsInPeriod = goals.filter((g) => (periods[index.node(g)?.document ?? ''] ?? []).includes(period));
      if (goalsInPeriod.length === 0) continue;
      out.push(rollup(principle.key, period, union(goalsInPeriod.map(actionsOfGoal)), goalsInPeriod));
    }
  }
  const org = (r: Rollup) => r.organisation ?? '';
  return out.sort((a, b) => (a.node < b.node ? -1 : a.node > b.node ? 1 : a.period < b.period ? -1 : a.period > b.period ? 1 : org(a) < org(b) ? -1 : org(a) > org(b) ? 1 : 0));
}

/** Which actions count toward each focus area and goal: read from the nodes and edges only, so kept per structure. */
interface RollupShape {
  /** Actions as small integers, in key order. */
  actionIndex: Map<string, number>;
  indices(keys: readonly string[]): number[];
  actionsOfFocusArea(key: string): number[];
  focusAreasOfGoal(key: string): string[];
  /** The distinct actions of several lists. */
  union(lists: readonly (readonly number[])[]): number[];
  actionsOfGoal(key: string): number[];
}

const shapes = new WeakMap<object, RollupShape>();

/** The rollup shape of `index`'s nodes and edges, made once per `structure` (an object that stands for them). */
function shapeOf(index: GraphIndex, structure: object): RollupShape {
  const known = shapes.get(structure);
  if (known !== undefined) return known;
  // Actions as small integers, and each period's status per action in a typed array: the counting loops
  // run over every action several times (plan, goals, focus areas, principles), so they must not allocate.
  const actionIndex = new Map<string, number>();
  for (const a of index.ofType('aktivitet')) actionIndex.set(a.key, actionIndex.size);
  const memo = <T>(f: (key: string) => T) => {
    const cache = new Map<string, T>();
    return (key: string): T => {
      let v = cache.get(key);
      if (v === undefined) cache.set(key, (v = f(key)));
      return v;
    };
  };
  const indices = (keys: readonly string[]): number[] => {
    const out: number[] = [];
    for (const k of keys) {
      const i = actionIndex.get(k);
      if (i !== undefined) out.push(i);
    }
    return out;
  };
  const actionsOfFocusArea = memo((fa: string) => indices(index.in(fa, 'contributes-to')));
  const focusAreasOfGoal = memo((goal: string) => index.in(goal, 'part-of').filter((k) => index.node(k)?.type === 'fokusområde'));
  const seen = new Uint32Array(actionIndex.size);
  let stamp = 0;
  const union = (lists: readonly (readonly number[])[]): number[] => {
    stamp++;
    const out: number[] = [];
    for (const list of lists) for (const i of list) if (seen[i] !== stamp) { seen[i] = stamp; out.push(i); }
    return out;
  };
  const actionsOfGoal = memo((goal: string) => union([indices(index.in(goal, 'contributes-to')), ...focusAreasOfGoal(goal).map(actionsOfFocusArea)]));
  const shape = { actionIndex, indices, actionsOfFocusArea, focusAreasOfGoal, union, actionsOfGoal };
  shapes.set(structure, shape);
  return shape;
}

const STATUS_CODE = new Map<ActionStatus, number>(AKTIVITET_STATUS.map((s, i) => [s, i]));
const STATUS_MASK = 0x3f;
/** The code of an action whose status is not given (status saknas). */
const MISSING = AKTIVITET_STATUS.length;
const OVERDUE_BIT = 0x40;
