// The site's view of the graph: lookups up and down the chain, status per period, owners and breadcrumbs, on top
// of the pages' addresses (./addresses.ts). Built once per build from the graph alone; every page reads it.
// Pure: no file system, no clock.
import { goalsRealising } from '../graph/derive/coverage.js';
import { indicatorCoverage, type IndicatorCoverage } from '../graph/derive/indicator-coverage.js';
import { indexGraph, type GraphIndex } from '../graph/graph-index.js';
import type { ActionStatus, Assessment, FollowUp, Graph, GraphNode, IndicatorSeries, NodeOf, NodeType, Rollup, StatusCounts } from '../graph/types.js';
import { naturalCompare } from '../util/natural-compare.js';
import { assignSlugs } from '../util/slug.js';
import { t } from '../words/ui.js';
import { SITE_SEGMENTS, SiteAddresses, TYPE_SEGMENT } from './addresses.js';

export interface Unit {
  /** The `ansvarig` text as written (or a placeholder when missing). */
  name: string;
  slug: string;
  plan: string;
  actions: NodeOf<'aktivitet'>[];
}

export interface ActionState {
  /** null when neither the file nor a follow-up gives the status (shown as "status saknas"). */
  status: ActionStatus | null;
  overdue: boolean;
  /** The follow-up period the state is for; null when it is the status written in the action file. */
  period: string | null;
}

export interface AssessmentState {
  assessment: Assessment | null;
  forecast: Assessment | null;
  period: string;
  followUp: FollowUp | null;
}

export interface Crumb {
  label: string;
  href: string;
}

export const NO_OWNER = t('owner.missing');

/**
 * The site's model of the graph: its nodes up and down the chain, status per period, owners, breadcrumbs; and
 * (from SiteAddresses) every page's address.
 */
export class SiteModel extends SiteAddresses {
  readonly graph: Graph;
  readonly index: GraphIndex;
  private readonly actionStates = new Map<string, { status: ActionStatus | null; overdue: boolean }>();
  private readonly rollups = new Map<string, Rollup>();
  private readonly rollupList = new Map<string, Rollup[]>();
  private readonly organisationRollups = new Map<string, Rollup>();
  private readonly series = new Map<string, IndicatorSeries>();
  private readonly units = new Map<string, Unit[]>();
  private readonly unitOfAction = new Map<string, Unit>();
  private readonly memo = new Map<string, GraphNode[]>();
  /** Goals and focus areas without an indicator, made on first use. */
  private coverage: IndicatorCoverage | undefined;

  constructor(graph: Graph, options: { base?: string } = {}) {
    super(graph.nodes, options.base ?? '/');
    this.graph = graph;
    this.index = indexGraph(graph.nodes, graph.edges, graph.followUps);

    for (const s of graph.derived.actionStatus) this.actionStates.set(`${s.node}\u0000${s.period}`, { status: s.status, overdue: s.overdue });
    for (const r of graph.derived.rollups) {
      if (r.organisation !== undefined) {
        // One organisation's rollup of a shared plan: kept apart, so that the whole plan's stay what every page shows.
        this.organisationRollups.set(`${r.node}\u0000${r.period}\u0000${r.organisation}`, r);
        continue;
      }
      this.rollups.set(`${r.node}\u0000${r.period}`, r);
      const list = this.rollupList.get(r.node) ?? [];
      list.push(r);
      this.rollupList.set(r.node, list);
    }
    for (const list of this.rollupList.values()) list.sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : 0));
    for (const s of graph.derived.indicators) this.series.set(s.node, s);

    for (const plan of this.ofType('plan')) {
      const byName = new Map<string, NodeOf<'aktivitet'>[]>();
      for (const action of this.actionsOfPlan(plan.key)) {
        const owner = action.fields.ansvarig !== undefined && action.fields.ansvarig.trim() !== '' ? action.fields.ansvarig.trim() : NO_OWNER;
        const list = byName.get(owner) ?? [];
        list.push(action);
        byName.set(owner, list);
      }
      const slugs = assignSlugs([...byName.keys()].map((name) => ({ key: name, text: name })));
      const units = [...byName.entries()]
        .map(([name, actions]) => ({ name, slug: slugs.get(name)!, plan: plan.key, actions }))
        .sort((a, b) => (a.name === NO_OWNER ? 1 : b.name === NO_OWNER ? -1 : naturalCompare(a.name, b.name)));
      this.units.set(plan.key, units);
      for (const unit of units) for (const a of unit.actions) this.unitOfAction.set(a.key, unit);
    }
  }

  // ---- Nodes ---------------------------------------------------------------------------------------

  node(key: string): GraphNode | undefined {
    return this.index.node(key);
  }

  /** Nodes of one type in natural order of document and id. */
  ofType<T extends NodeType>(type: T): NodeOf<T>[] {
    return this.cached(`type\u0000${type}`, () => sortNodes(this.index.ofType(type)));
  }

  organisations(): NodeOf<'organisation'>[] {
    return this.cached('orgs', () => [...this.index.ofType('organisation')].sort((a, b) => naturalCompare(a.title, b.title)));
  }

  /** Plans no other plan replaces, by organisation title and then id. */
  currentPlans(): NodeOf<'plan'>[] {
    return this.cached('current-plans', () => this.plansInOrder().filter((p) => this.index.in(p.key, 'replaces').length === 0));
  }

  /** All plans by organisation title and then id. */
  plansInOrder(): NodeOf<'plan'>[] {
    return this.cached('plans', () =>
      [...this.index.ofType('plan')].sort((a, b) => naturalCompare(this.orgTitle(a), this.orgTitle(b)) || naturalCompare(a.id, b.id)),
    );
  }

  private orgTitle(doc: GraphNode): string {
    return doc.organisations.map((o) => this.node(o)?.title ?? o).join(', ');
  }

  goalsOfPlan(plan: string): NodeOf<'mål'>[] {
    return this.related(plan, 'in', 'part-of', 'mål');
  }
  actionsOfPlan(plan: string): NodeOf<'aktivitet'>[] {
    return this.related(plan, 'in', 'part-of', 'aktivitet');
  }
  indicatorsOfPlan(plan: string): NodeOf<'indikator'>[] {
    return this.related(plan, 'in', 'part-of', 'indikator');
  }
  focusAreasOfPlan(plan: string): NodeOf<'fokusområde'>[] {
    return this.cached(`fa-of-plan\u0000${plan}`, () => this.goalsOfPlan(plan).flatMap((g) => this.focusAreasOfGoal(g.key)));
  }
  focusAreasOfGoal(goal: string): NodeOf<'fokusområde'>[] {
    return this.related(goal, 'in', 'part-of', 'fokusområde');
  }
  goalOfFocusArea(fa: string): NodeOf<'mål'> | undefined {
    return this.related(fa, 'out', 'part-of', 'mål')[0];
  }
  /** Actions that contribute directly to a focus area or goal. */
  actionsContributingTo(key: string): NodeOf<'aktivitet'>[] {
    return this.related(key, 'in', 'contributes-to', 'aktivitet');
  }
  /** Every action below a goal: directly and through its focus areas, each once. */
  actionsBelowGoal(goal: string): NodeOf<'aktivitet'>[] {
    return this.cached(`below\u0000${goal}`, () => {
      const seen = new Map<string, NodeOf<'aktivitet'>>();
      for (const a of this.actionsContributingTo(goal)) seen.set(a.key, a);
      for (const fa of this.focusAreasOfGoal(goal)) for (const a of this.actionsContributingTo(fa.key)) seen.set(a.key, a);
      return sortNodes([...seen.values()]);
    });
  }
  contributesTo(action: string): GraphNode[] {
    return this.related(action, 'out', 'contributes-to');
  }
  dependsOn(action: string): NodeOf<'aktivitet'>[] {
    return this.related(action, 'out', 'depends-on', 'aktivitet');
  }
  requiredBy(action: string): NodeOf<'aktivitet'>[] {
    return this.related(action, 'in', 'depends-on', 'aktivitet');
  }
  /** True when no indicator measures the goal or focus area `key` (for a goal: neither it nor any of its focus areas), as the rule no-indicator and the report judge it (src/graph/derive/indicator-coverage.ts). */
  lacksIndicator(key: string): boolean {
    this.coverage ??= indicatorCoverage(this.index);
    return this.coverage.goals.includes(key) || this.coverage.focusAreas.includes(key);
  }
  indicatorsMeasuring(key: string): NodeOf<'indikator'>[] {
    return this.related(key, 'in', 'measures', 'indikator');
  }
  measuredBy(indicator: string): GraphNode[] {
    return this.related(indicator, 'out', 'measures');
  }
  groupOf(indicator: string): NodeOf<'indikator'> | undefined {
    return this.related(indicator, 'out', 'member-of', 'indikator')[0];
  }
  membersOf(indicator: string): NodeOf<'indikator'>[] {
    return this.related(indicator, 'in', 'member-of', 'indikator');
  }
  /** Principles a goal names, itself or through one of their sub-points (SP12.a), each once. */
  principlesOfGoal(goal: string): NodeOf<'styrprincip'>[] {
    return this.cached(`principles-of-goal\u0000${goal}`, () => {
      const seen = new Map<string, NodeOf<'styrprincip'>>();
      for (const p of this.related(goal, 'out', 'realises', 'styrprincip')) seen.set(p.key, p);
      for (const u of this.related(goal, 'out', 'realises', 'underpunkt')) {
        const p = this.principleOfSubPoint(u.key);
        if (p) seen.set(p.key, p);
      }
      return sortNodes([...seen.values()]);
    });
  }
  /** Goals that realise a principle: naming it or one of its sub-points, themselves or through a focus area. */
  goalsRealising(principle: string): NodeOf<'mål'>[] {
    return this.cached(`realising\u0000${principle}`, () => sortNodes(goalsRealising(this.index, principle).map((k) => this.index.nodeOf(k, 'mål')!).filter(Boolean)));
  }
  /** A principle's sub-points that have ids (SP12.a), in the order they are written. */
  subPointsOf(principle: string): NodeOf<'underpunkt'>[] {
    return this.cached(`subpoints\u0000${principle}`, () =>
      [...this.related(principle, 'in', 'part-of', 'underpunkt')].sort((a, b) => a.source.line - b.source.line || a.source.column - b.source.column),
    );
  }
  /** Goals and focus areas that name a sub-point (or a principle) in their `styrprinciper`. */
  realisedBy(key: string): GraphNode[] {
    return this.related(key, 'in', 'realises').filter((n) => n.type === 'mål' || n.type === 'fokusområde');
  }
  /** Principles and sub-points a goal or focus area names in its `styrprinciper`. */
  principlesNamedBy(key: string): GraphNode[] {
    return this.related(key, 'out', 'realises').filter((n) => n.type === 'styrprincip' || n.type === 'underpunkt');
  }
  /** The principle a sub-point belongs to. */
  principleOfSubPoint(subPoint: string): NodeOf<'styrprincip'> | undefined {
    return this.related(subPoint, 'out', 'part-of', 'styrprincip')[0];
  }
  /** Effects (effektmål) a policy or plan lists, in the order it lists them. */
  effectsOf(doc: string): NodeOf<'effektmål'>[] {
    return this.cached(`effects\u0000${doc}`, () => inWrittenOrder(this.related(doc, 'in', 'part-of', 'effektmål')));
  }
  /** Critical success factors (framgångsfaktorer) a policy or plan lists, in the order it lists them. */
  successFactorsOf(doc: string): NodeOf<'framgångsfaktor'>[] {
    return this.cached(`success-factors\u0000${doc}`, () => inWrittenOrder(this.related(doc, 'in', 'part-of', 'framgångsfaktor')));
  }
  /**
   * Goals and focus areas that serve an effect (their `effektmål`) or rely on a success factor (`framgångsfaktorer`):
   * each goal followed by its focus areas that name it, goals in id order.
   */
  namedBy(key: string): GraphNode[] {
    return this.cached(`named-by\u0000${key}`, () => {
      const edge = this.index.node(key)?.type === 'framgångsfaktor' ? 'relies-on' : 'serves';
      const named = this.related(key, 'in', edge).filter((n) => n.type === 'mål' || n.type === 'fokusområde');
      const goalOf = (n: GraphNode) => (n.type === 'mål' ? n : this.goalOfFocusArea(n.key)) ?? n;
      return [...named].sort((a, b) => {
        const ga = goalOf(a);
        const gb = goalOf(b);
        if (ga.key !== gb.key) return sortNodes([ga, gb])[0] === ga ? -1 : 1;
        return a.type === b.type ? naturalCompare(a.id, b.id) : a.type === 'mål' ? -1 : 1;
      });
    });
  }
  /** Effects a goal or focus area names in its `effektmål`. */
  effectsServedBy(key: string): NodeOf<'effektmål'>[] {
    return this.related(key, 'out', 'serves', 'effektmål');
  }
  /** Success factors a goal or focus area names in its `framgångsfaktorer`. */
  successFactorsOfNode(key: string): NodeOf<'framgångsfaktor'>[] {
    return this.related(key, 'out', 'relies-on', 'framgångsfaktor');
  }
  /** Areas a goal realises directly (a policy with areas and goals, without principles). */
  areasOfGoal(goal: string): NodeOf<'område'>[] {
    return this.related(goal, 'out', 'realises', 'område');
  }
  /** Goals that realise an area directly. */
  goalsRealisingArea(area: string): NodeOf<'mål'>[] {
    return this.related(area, 'in', 'realises', 'mål');
  }
  areaOf(principle: string): NodeOf<'område'> | undefined {
    return this.related(principle, 'out', 'part-of', 'område')[0];
  }
  principlesOfArea(area: string): NodeOf<'styrprincip'>[] {
    return this.related(area, 'in', 'part-of', 'styrprincip');
  }
  areasOfPolicy(policy: string): NodeOf<'område'>[] {
    return this.related(policy, 'in', 'part-of', 'område');
  }
  principlesOfPolicy(policy: string): NodeOf<'styrprincip'>[] {
    return this.cached(`principles\u0000${policy}`, () => this.areasOfPolicy(policy).flatMap((a) => this.principlesOfArea(a.key)));
  }
  policyOfArea(area: string): NodeOf<'policy'> | undefined {
    return this.related(area, 'out', 'part-of', 'policy')[0];
  }
  policiesOfPlan(plan: string): NodeOf<'policy'>[] {
    return this.related(plan, 'out', 'implements', 'policy');
  }
  plansImplementing(policy: string): NodeOf<'plan'>[] {
    return this.related(policy, 'in', 'implements', 'plan');
  }
  organisationsOf(doc: string): NodeOf<'organisation'>[] {
    return this.related(doc, 'out', 'belongs-to', 'organisation');
  }
  documentsOf(org: string): GraphNode[] {
    return this.related(org, 'in', 'belongs-to');
  }
  replaces(plan: string): NodeOf<'plan'>[] {
    return this.related(plan, 'out', 'replaces', 'plan');
  }
  /** The policies or plans in the tree that `doc` replaces (its `ersätter` ids). */
  replacesDocuments(doc: string): GraphNode[] {
    return this.related(doc, 'out', 'replaces');
  }
  /** The policies or plans in the tree that replace `doc`. */
  replacedByDocuments(doc: string): GraphNode[] {
    return this.related(doc, 'in', 'replaces');
  }
  replacedBy(plan: string): NodeOf<'plan'>[] {
    return this.related(plan, 'in', 'replaces', 'plan');
  }

  /** Whether a plan's policies have principles; a policy of areas and goals has none, and the pages then speak of its areas. */
  planHasPrinciples(plan: string): boolean {
    return this.policiesOfPlan(plan).some((p) => this.principlesOfPolicy(p.key).length > 0);
  }

  /** Principles of the plan's policies with the plan's own goals that realise each. */
  planCoverage(plan: string): { principle: NodeOf<'styrprincip'>; goals: NodeOf<'mål'>[] }[] {
    const goals = new Set(this.goalsOfPlan(plan).map((g) => g.key));
    return this.policiesOfPlan(plan).flatMap((policy) =>
      this.principlesOfPolicy(policy.key).map((principle) => ({
        principle,
        goals: this.goalsRealising(principle.key).filter((g) => goals.has(g.key)),
      })),
    );
  }

  // ---- Status and follow-up ------------------------------------------------------------------------

  /** Follow-up periods of a document (plan or policy), oldest first. */
  periods(doc: string | null): string[] {
    if (doc === null) return [];
    return this.graph.derived.periods[doc] ?? [];
  }

  latestPeriod(doc: string | null): string | null {
    const list = this.periods(doc);
    return list[list.length - 1] ?? null;
  }

  followUps(key: string): FollowUp[] {
    return this.index.followUps(key);
  }

  followUp(key: string, period: string): FollowUp | undefined {
    return this.index.followUps(key).find((f) => f.period === period);
  }

  /** Effective status of an action in a period (carried forward by the graph), if known. */
  actionStateIn(action: string, period: string): { status: ActionStatus | null; overdue: boolean } | undefined {
    return this.actionStates.get(`${action}\u0000${period}`);
  }

  /** The action's state in the latest period of its plan, or the status written in its file (null: status saknas); null for a node that is no action. */
  latestActionState(action: GraphNode): ActionState | null {
    if (action.type !== 'aktivitet') return null;
    const period = this.latestPeriod(action.plan);
    if (period !== null) {
      const state = this.actionStateIn(action.key, period);
      if (state) return { ...state, period };
    }
    return { status: action.fields.status ?? null, overdue: false, period: null };
  }

  /** Whether the node's follow-up for `period` is opened and not filled in (ej inlämnad); false without a period or a follow-up. */
  unsubmitted(key: string, period: string | null | undefined): boolean {
    return period != null && this.followUp(key, period)?.submitted === false;
  }

  /** Assessment of a goal, focus area or principle in the latest period of its document. */
  latestAssessment(node: GraphNode): AssessmentState | null {
    const period = this.latestPeriod(node.document);
    if (period === null) return null;
    const f = this.followUp(node.key, period);
    return { assessment: f?.assessment ?? null, forecast: f?.forecast ?? null, period, followUp: f ?? null };
  }

  rollup(key: string, period: string): Rollup | undefined {
    return this.rollups.get(`${key}\u0000${period}`);
  }

  /** The rollup of a node of a shared plan for one of its organisations (see deriveRollups), when the plan has one. */
  organisationRollup(key: string, period: string, organisation: string): Rollup | undefined {
    return this.organisationRollups.get(`${key}\u0000${period}\u0000${organisation}`);
  }

  rollupsOf(key: string): Rollup[] {
    return this.rollupList.get(key) ?? [];
  }

  /** The newest rollup of a node (any period). */
  latestRollup(key: string): Rollup | undefined {
    const list = this.rollupsOf(key);
    return list[list.length - 1];
  }

  seriesOf(indicator: string): IndicatorSeries | undefined {
    return this.series.get(indicator);
  }

  /**
   * Status counts of some actions in a period (effective status), or by their latest state, as the graph's
   * rollups count them: every action is counted once, `total + startsLater` is the number of actions. One planned
   * to start after the period (it has no state in it) counts in `startsLater`, one whose status is not given in
   * `missing` (status saknas), and one past its due date as försenad.
   */
  countStatuses(actions: readonly GraphNode[], period: string | null): StatusCounts {
    const byStatus: Record<ActionStatus, number> = { 'ej påbörjad': 0, pågår: 0, klar: 0, försenad: 0, pausad: 0, avbruten: 0 };
    let overdue = 0;
    let missing = 0;
    let startsLater = 0;
    let total = 0;
    for (const a of actions) {
      if (a.type !== 'aktivitet') continue;
      const state = period !== null ? this.actionStateIn(a.key, period) : this.latestActionState(a);
      if (!state) {
        startsLater++;
        continue;
      }
      total++;
      if (state.status === null) missing++;
      else byStatus[state.overdue ? 'försenad' : state.status]++;
      if (state.overdue) overdue++;
    }
    return { total, byStatus, missing, startsLater, overdue };
  }

  // ---- Owners --------------------------------------------------------------------------------------

  unitsOfPlan(plan: string): Unit[] {
    return this.units.get(plan) ?? [];
  }

  unitOf(action: string): Unit | undefined {
    return this.unitOfAction.get(action);
  }

  // ---- Navigation ----------------------------------------------------------------------------------

  /** The trail from the start page to a node's page (the node itself last, without a link target). */
  breadcrumbs(key: string): Crumb[] {
    const node = this.node(key);
    const crumbs: Crumb[] = [{ label: t('menu.start'), href: this.href('') }];
    if (!node) return crumbs;
    const add = (n: GraphNode | undefined) => {
      if (n && this.pathOf(n.key) !== undefined) crumbs.push({ label: crumbLabel(n), href: this.url(n.key) });
    };
    if (node.type === 'organisation' || node.document === null) {
      crumbs.push({ label: t('menu.listing'), href: this.href(`${SITE_SEGMENTS.listing}/`) });
    } else if (node.type !== 'policy' && node.type !== 'plan') {
      add(this.node(node.document));
      if (node.type === 'styrprincip') add(this.areaOf(node.key));
      if (node.type === 'fokusområde') add(this.goalOfFocusArea(node.key));
      if (node.type === 'aktivitet') crumbs.push({ label: t('section.actions'), href: this.docUrl(node.document, `${TYPE_SEGMENT.aktivitet}/`) });
      if (node.type === 'indikator') {
        crumbs.push({ label: t('section.indicators'), href: this.docUrl(node.document, `${TYPE_SEGMENT.indikator}/`) });
        add(this.groupOf(node.key));
      }
    }
    add(node);
    return crumbs;
  }

  // ---- Helpers -------------------------------------------------------------------------------------

  /** The nodes linked to `key` by `edge` in direction `dir`, only those of `type` when it is given. */
  private related<T extends NodeType = NodeType>(key: string, dir: 'in' | 'out', edge: Parameters<GraphIndex['in']>[1], type?: T): NodeOf<T>[] {
    return this.cached(`${dir}\u0000${edge}\u0000${type ?? ''}\u0000${key}`, () => {
      const keys = dir === 'in' ? this.index.in(key, edge) : this.index.out(key, edge);
      const nodes: NodeOf<T>[] = [];
      for (const k of keys) {
        const n = this.index.node(k);
        if (n && (type === undefined || n.type === type)) nodes.push(n as NodeOf<T>);
      }
      return sortNodes(nodes);
    });
  }

  /** A list made once per key: every list of nodes the model hands out is made on first use and kept. */
  private cached<N extends GraphNode>(key: string, make: () => N[]): N[] {
    let list = this.memo.get(key);
    if (!list) {
      list = make();
      this.memo.set(key, list);
    }
    return list as N[];
  }
}

/** Short label of a node for breadcrumbs and compact lists: the id for nodes inside a document. */
export function crumbLabel(node: GraphNode): string {
  if (node.type === 'organisation' || node.type === 'policy' || node.type === 'plan') return node.title;
  return `${node.id} ${node.title}`;
}

/** Nodes sorted by document, then naturally by id (FO2.3 before FO2.10). */
/** Nodes of one file in the order they are written there (a policy or plan lists its effects in its own order). */
function inWrittenOrder<T extends GraphNode>(nodes: T[]): T[] {
  return [...nodes].sort((a, b) => a.source.line - b.source.line || a.source.column - b.source.column);
}

export function sortNodes<N extends GraphNode>(nodes: readonly N[]): N[] {
  return [...nodes].sort((a, b) => naturalCompare(a.document ?? '', b.document ?? '') || naturalCompare(a.id, b.id) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
