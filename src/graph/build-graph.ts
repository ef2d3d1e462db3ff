// Builds the traceability graph from validated files: nodes, resolved edges, follow-ups, checks and derived facts.
import type { MessageSink } from '../messages/report.js';
import type { ValidFile } from '../validate/validate-file.js';
import { collectNodes, type Draft } from './collect-nodes.js';
import { checkAssessmentsAgainstRollups } from './checks/assessment-vs-rollup.js';
import { checkCoverage } from './checks/coverage.js';
import { checkCycles } from './checks/cycles.js';
import { checkNodeFields } from './checks/field-rules.js';
import { checkIndicatorValues } from './checks/indicator-values.js';
import { deriveCoverage } from './derive/coverage.js';
import { deriveIndicators } from './derive/indicators.js';
import { derivePeriods } from './derive/periods.js';
import { deriveActionStatus, deriveRollups } from './derive/rollups.js';
import { isShadow, scopeDocuments, type DocumentScopes } from './documents.js';
import { collectShadows, shadowKeys } from './shadows.js';
import type { ReadPlanFile } from '../parse/read-plan-file.js';
import { attachFollowUps } from './follow-ups.js';
import { indexEdges, withFollowUps, type EdgeIndex } from './graph-index.js';
import { resolveLinks, type Resolver } from './resolve-links.js';
import { GRAPH_FORMAT, GRAPH_VERSION, type Graph, type GraphEdge, type GraphNode } from './types.js';

const byKey = <T extends { key: string }>(a: T, b: T) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
const edgeOrder = (a: GraphEdge, b: GraphEdge) =>
  a.from < b.from ? -1 : a.from > b.from ? 1 : a.type < b.type ? -1 : a.type > b.type ? 1 : a.to < b.to ? -1 : a.to > b.to ? 1 : 0;

/** Edges ordered by from, type and to: grouped by their source node in node order, each small group sorted. */
function sortEdgesByNode(nodes: readonly { key: string }[], edges: readonly GraphEdge[]): GraphEdge[] {
  const byFrom = new Map<string, GraphEdge[]>();
  for (const e of edges) {
    const list = byFrom.get(e.from);
    if (list) list.push(e);
    else byFrom.set(e.from, [e]);
  }
  const out: GraphEdge[] = [];
  for (const n of nodes) {
    const list = byFrom.get(n.key);
    if (!list) continue;
    if (list.length > 1) list.sort(edgeOrder);
    for (const e of list) out.push(e);
    byFrom.delete(n.key);
  }
  // Every edge starts at a node; anything left over would be a bug, but is still kept, in order.
  for (const list of [...byFrom.values()]) out.push(...list);
  return byFrom.size === 0 ? out : out.sort(edgeOrder);
}

/** Documents and the nodes, links and follow-ups collected from the files, before any link is resolved. */
export interface GraphDraft {
  scopes: DocumentScopes;
  draft: Draft;
  /** Keys of nodes in folders whose policy or plan has errors (the files' own errors add more to draft.shadowKeys). */
  documentShadowKeys: ReadonlySet<string>;
}

/** The part of the graph that depends on ids, titles and links only: `check --watch` keeps it across field edits. */
export interface GraphStructure extends GraphDraft {
  /** Nodes sorted by key; their fields and bodies may be patched in place. */
  nodes: GraphNode[];
  /** Edges sorted by from, type and to. */
  edges: GraphEdge[];
  index: EdgeIndex;
  resolver: Resolver;
  isShadowed: (scope: string | null, target: string) => boolean;
}

/** The graph of every valid file, in a deterministic order; every problem found on the way goes to `sink`. */
export function buildGraph(files: readonly ValidFile[], invalid: readonly ReadPlanFile[], sink: MessageSink): Graph {
  return completeGraph(buildStructure(files, invalid, sink), sink);
}

/** Nodes, resolved edges and the checks on them (documents, duplicate ids, links, cycles); problems go to `sink`. */
export function buildStructure(files: readonly ValidFile[], invalid: readonly ReadPlanFile[], sink: MessageSink): GraphStructure {
  return linkStructure(draftStructure(files, invalid, sink), sink);
}

/** Documents, nodes, links and follow-ups collected (duplicate ids and misplaced files go to `sink`). */
export function draftStructure(files: readonly ValidFile[], invalid: readonly ReadPlanFile[], sink: MessageSink): GraphDraft {
  const shadows = collectShadows(invalid);
  const scopes = scopeDocuments(files, shadows.documents, sink);
  const draft = collectNodes(files, scopes, sink);
  const documentShadowKeys = new Set(draft.shadowKeys);
  for (const key of invalidFileShadowKeys(scopes, invalid)) draft.shadowKeys.add(key);
  return { scopes, draft, documentShadowKeys };
}

/** Node keys that files with errors would have defined, each in the document its folder belongs to. */
export function invalidFileShadowKeys(scopes: DocumentScopes, invalid: readonly ReadPlanFile[]): Set<string> {
  const documentIdFor = (path: string) => {
    const doc = scopes.documentFor(path);
    return doc === undefined ? null : isShadow(doc) ? doc.id : doc.value.id;
  };
  return shadowKeys(collectShadows(invalid), documentIdFor);
}

/** The draft's links resolved to edges, cycles checked, nodes and edges sorted and indexed; problems go to `sink`. */
export function linkStructure(drafted: GraphDraft, sink: MessageSink): GraphStructure {
  const { draft } = drafted;
  const { edges, resolver, isShadowed, linkPlaces } = resolveLinks(draft, sink);
  checkCycles(draft.nodes, edges, linkPlaces, sink);

  // Organisations flow down from the document each node belongs to.
  const orgsOf = new Map<string, string[]>();
  for (const e of edges) if (e.type === 'belongs-to') orgsOf.set(e.from, [...(orgsOf.get(e.from) ?? []), e.to].sort());
  for (const node of draft.nodes.values()) node.organisations = node.document ? (orgsOf.get(node.document) ?? []) : [];

  const nodes = [...draft.nodes.values()].sort(byKey);
  const sortedEdges = sortEdgesByNode(nodes, edges);
  return { ...drafted, nodes, edges: sortedEdges, index: indexEdges(nodes, sortedEdges), resolver, isShadowed };
}

/** The whole graph on a structure: field checks, follow-ups, coverage and derived facts; problems go to `sink`. */
export function completeGraph(structure: GraphStructure, sink: MessageSink): Graph {
  const { draft, resolver, isShadowed } = structure;
  checkNodeFields(draft, sink);
  const followUps = attachFollowUps(draft, resolver, isShadowed, sink);
  const index = withFollowUps(structure.index, followUps);
  const coverage = deriveCoverage(index);
  checkCoverage(draft, index, coverage, sink);
  checkIndicatorValues(draft, index, sink);
  const periods = derivePeriods(followUps, index.node);
  const actionStatus = deriveActionStatus(index, periods);
  const rollups = deriveRollups(index, periods, actionStatus);
  checkAssessmentsAgainstRollups(draft, index, rollups, sink);
  return {
    format: GRAPH_FORMAT,
    version: GRAPH_VERSION,
    nodes: structure.nodes,
    edges: structure.edges,
    followUps,
    derived: {
      periods,
      coverage,
      actionStatus,
      rollups,
      indicators: deriveIndicators(index),
    },
  };
}
