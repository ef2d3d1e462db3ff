// The traceability graph: the one structure every consumer (CLI, reports, site, exports) reads.
import type { AKTIVITET_STATUS, BEDOMNING } from '../../schemas/plan-files.js';

export const GRAPH_FORMAT = 'sparbar-graph';
export const GRAPH_VERSION = 1;

export type NodeType = 'organisation' | 'policy' | 'område' | 'styrprincip' | 'plan' | 'mål' | 'fokusområde' | 'aktivitet' | 'indikator';
export type Assessment = (typeof BEDOMNING)[number];
export type ActionStatus = (typeof AKTIVITET_STATUS)[number];

/** Where something was written: file relative to the plans folder, 1-based line and column. */
export interface SourcePosition {
  file: string;
  line: number;
  column: number;
}

export interface GraphNode {
  /** Unique key: the id for organisations, policies and plans; `document:id` for everything inside them. */
  key: string;
  type: NodeType;
  id: string;
  title: string;
  /** Key of the policy or plan the node belongs to (its own key for a policy or plan; null for an organisation). */
  document: string | null;
  /** Key of the plan the node belongs to, if any. */
  plan: string | null;
  /** Keys of the organisations the node's document belongs to. */
  organisations: string[];
  source: SourcePosition;
  /** Markdown body (empty for inline nodes without `beskrivning`). */
  body: string;
  /** The node's own frontmatter fields that are not links, with their Swedish keys. */
  fields: Record<string, unknown>;
}

export type EdgeType =
  | 'belongs-to' // policy|plan -> organisation
  | 'implements' // plan -> policy
  | 'replaces' // plan -> plan
  | 'part-of' // område -> policy, styrprincip -> område, mål -> plan, fokusområde -> mål, aktivitet|indikator -> plan
  | 'realises' // mål -> styrprincip
  | 'contributes-to' // aktivitet -> fokusområde|mål
  | 'depends-on' // aktivitet -> aktivitet
  | 'measures' // indikator -> mål|fokusområde
  | 'member-of'; // indikator -> indikator (group)

export interface GraphEdge {
  from: string;
  to: string;
  type: EdgeType;
}

export interface FollowUp {
  /** Key of the node followed up. */
  node: string;
  period: string;
  assessment: Assessment | null;
  forecast: Assessment | null;
  status: ActionStatus | null;
  value: number | null;
  author: string;
  date: string | null;
  body: string;
  source: SourcePosition;
}

export interface StatusCounts {
  total: number;
  byStatus: Record<ActionStatus, number>;
  /** Actions past their due date in the period without being done or cancelled (counted as försenad in byStatus). */
  overdue: number;
}

export interface Rollup {
  node: string;
  period: string;
  /** Status counts of the actions below the node (deduplicated). */
  actions: StatusCounts;
  /** Assessment counts of the follow-ups of the goals or focus areas directly below. */
  assessments: Record<Assessment, number> & { saknas: number };
}

export interface IndicatorPoint {
  year: number;
  target: number | null;
  actual: number | null;
  /** Change in actual against the previous year with an actual. */
  change: number | null;
  /** 'bättre' | 'sämre' | 'oförändrad' against last year, given the indicator's direction. */
  trend: 'bättre' | 'sämre' | 'oförändrad' | null;
  /** Whether actual reaches target, given the direction; null when either is missing. */
  targetMet: boolean | null;
}

export interface IndicatorSeries {
  node: string;
  /** True when the values are computed as the equal-weight mean of member indicators. */
  computed: boolean;
  members: string[];
  points: IndicatorPoint[];
}

export interface Coverage {
  /** Per principle, the goals that realise it. */
  principles: { node: string; goals: string[] }[];
  uncoveredPrinciples: string[];
  goalsWithoutFocusAreas: string[];
  focusAreasWithoutActions: string[];
}

export interface Derived {
  /** Periods with follow-ups, per document key, sorted. */
  periods: Record<string, string[]>;
  coverage: Coverage;
  /** The effective status of each action in each period of its plan. */
  actionStatus: { node: string; period: string; status: ActionStatus; overdue: boolean }[];
  rollups: Rollup[];
  indicators: IndicatorSeries[];
}

export interface Graph {
  format: typeof GRAPH_FORMAT;
  version: typeof GRAPH_VERSION;
  nodes: GraphNode[];
  edges: GraphEdge[];
  followUps: FollowUp[];
  derived: Derived;
}
