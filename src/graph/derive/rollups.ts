// Rollups: each action's effective status per period, and status counts summed up the chain.
import { AKTIVITET_STATUS, BEDOMNING } from '../../../schemas/plan-files.js';
import type { GraphIndex } from '../graph-index.js';
import type { ActionStatus, Assessment, Derived, Rollup, StatusCounts } from '../types.js';
import { periodEnd } from './periods.js';

const FINISHED: ReadonlySet<ActionStatus> = new Set(['klar', 'avbruten']);

type ActionStatusRow = Derived['actionStatus'][number];

/** The status of every action of a plan in every period of that plan in which it has started or has a follow-up: the period's follow-up, else the latest before it, else the file's status. */
export function deriveActionStatus(index: GraphIndex, periods: Record<string, string[]>): ActionStatusRow[] {
  const rows: ActionStatusRow[] = [];
  for (const action of index.ofType('aktivitet')) {
    const plan = action.document;
    const followUps = index.followUps(action.key);
    for (const period of plan ? (periods[plan] ?? []) : []) {
      const end = periodEnd(period);
      const start = action.fields['start'] as string | undefined;
      if (start !== undefined && start > end && !followUps.some((f) => f.period <= period)) continue;
      let status = (action.fields['status'] as ActionStatus | undefined) ?? 'ej påbörjad';
      for (const f of followUps) if (f.period <= period && f.status) status = f.status;
      const due = action.fields['slut'] as string | undefined;
      const overdue = due !== undefined && due < end && !FINISHED.has(status);
      rows.push({ node: action.key, period, status, overdue });
    }
  }
  return rows;
}

function emptyCounts(): StatusCounts {
  return { total: 0, byStatus: Object.fromEntries(AKTIVITET_STATUS.map((s) => [s, 0])) as Record<ActionStatus, number>, overdue: 0 };
}

function emptyAssessments(): Rollup['assessments'] {
  return { ...(Object.fromEntries(BEDOMNING.map((s) => [s, 0])) as Record<Assessment, number>), saknas: 0 };
}

/** Rollups for focus areas, goals, principles and plans, for every period of their plan(s). */
export function deriveRollups(index: GraphIndex, periods: Record<string, string[]>, statusRows: readonly ActionStatusRow[]): Rollup[] {
  const statusByPeriod = new Map<string, Map<string, ActionStatusRow>>();
  for (const r of statusRows) {
    let rows = statusByPeriod.get(r.period);
    if (!rows) statusByPeriod.set(r.period, (rows = new Map()));
    rows.set(r.node, r);
  }
  const memo = <T>(f: (key: string) => T) => {
    const cache = new Map<string, T>();
    return (key: string): T => {
      let v = cache.get(key);
      if (v === undefined) cache.set(key, (v = f(key)));
      return v;
    };
  };
  const actionsOfFocusArea = memo((fa: string) => index.in(fa, 'contributes-to').filter((k) => index.node(k)?.type === 'aktivitet'));
  const focusAreasOfGoal = memo((goal: string) => index.in(goal, 'part-of').filter((k) => index.node(k)?.type === 'fokusområde'));
  const actionsOfGoal = memo((goal: string) => {
    const set = new Set(index.in(goal, 'contributes-to'));
    for (const fa of focusAreasOfGoal(goal)) for (const a of actionsOfFocusArea(fa)) set.add(a);
    return [...set].sort();
  });
  const assessmentOf = (key: string, period: string) => index.followUps(key).find((f) => f.period === period)?.assessment ?? null;
  const rollup = (node: string, period: string, actions: string[], children: string[]): Rollup => {
    const counts = emptyCounts();
    const rows = statusByPeriod.get(period);
    for (const a of actions) {
      const row = rows?.get(a);
      if (!row) continue;
      counts.total++;
      counts.byStatus[row.overdue && row.status !== 'försenad' ? 'försenad' : row.status]++;
      if (row.overdue) counts.overdue++;
    }
    const assessments = emptyAssessments();
    for (const c of children) {
      const a = assessmentOf(c, period);
      if (a) assessments[a]++;
      else assessments.saknas++;
    }
    return { node, period, actions: counts, assessments };
  };
  const out: Rollup[] = [];
  for (const plan of index.ofType('plan')) {
    const planPeriods = periods[plan.key] ?? [];
    const goals = index.in(plan.key, 'part-of').filter((k) => index.node(k)?.type === 'mål');
    const planActions = index.in(plan.key, 'part-of').filter((k) => index.node(k)?.type === 'aktivitet');
    for (const period of planPeriods) {
      out.push(rollup(plan.key, period, planActions, goals));
      for (const goal of goals) {
        out.push(rollup(goal, period, actionsOfGoal(goal), focusAreasOfGoal(goal)));
        for (const fa of focusAreasOfGoal(goal)) out.push(rollup(fa, period, actionsOfFocusArea(fa), []));
      }
    }
  }
  const allPeriods = [...new Set(Object.values(periods).flat())].sort();
  for (const principle of index.ofType('styrprincip')) {
    const goals = index.in(principle.key, 'realises');
    if (goals.length === 0) continue;
    for (const period of allPeriods) {
      const goalsInPeriod = goals.filter((g) => (periods[index.node(g)?.document ?? ''] ?? []).includes(period));
      if (goalsInPeriod.length === 0) continue;
      const actions = [...new Set(goalsInPeriod.flatMap(actionsOfGoal))].sort();
      out.push(rollup(principle.key, period, actions, goalsInPeriod));
    }
  }
  return out.sort((a, b) => (a.node < b.node ? -1 : a.node > b.node ? 1 : a.period < b.period ? -1 : a.period > b.period ? 1 : 0));
}
