// Builds the traceability graph from validated files: nodes, resolved edges, follow-ups, checks and derived facts.
import type { MessageSink, Place } from '../messages/report.js';
import type { ValidFile } from '../validate/validate-file.js';
import { collectNodes, draftFollowUpAt, type Draft } from './collect-nodes.js';
import { deriveCoverage } from './derive/coverage.js';
import { deriveDocumentYears } from './derive/document-years.js';
import { deriveIndicators } from './derive/indicators.js';
import { derivePeriods } from './derive/periods.js';
import { deriveActionStatus, deriveRollups } from './derive/rollups.js';
import { isShadow, scopeDocuments, type DocumentScopes } from './documents.js';
import { brokenLinks, collectShadows, shadowKeys, shadowLinks, type BrokenLinks } from './shadows.js';
import type { ReadPlanFile } from '../parse/read-plan-file.js';
import { locate, type YamlPath } from '../parse/locate.js';
import { attachFollowUps } from './follow-ups.js';
import { indexEdges, withFollowUps, type EdgeIndex } from './graph-index.js';
import { edgeId, resolveLinks, type Resolver } from './resolve-links.js';
import { runGraphChecks, runStructureChecks, type GraphRule } from './rule-checks.js';
import { GRAPH_FORMAT, GRAPH_VERSION, type FollowUp, type Graph, type GraphEdge, type GraphNode, type NodeType } from './types.js';

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
  isShadowed: (scope: string | null, target: string, allowed?: readonly NodeType[]) => boolean;
  /** Links left out because one end lies in a file with errors. */
  broken: BrokenLinks;
}

/**
 * The graph of every valid file, in a deterministic order; every problem found on the way, and by the checks of
 * `rules` (the catalogue in src/rules/), goes to `sink`.
 */
export function buildGraph(files: readonly ValidFile[], invalid: readonly ReadPlanFile[], sink: MessageSink, rules: readonly GraphRule[]): Graph {
  return completeGraph(buildStructure(files, invalid, sink, rules), sink, rules);
}

/** Nodes, resolved edges and the checks on them (documents, duplicate ids, links, `rules`' structure checks); problems go to `sink`. */
export function buildStructure(files: readonly ValidFile[], invalid: readonly ReadPlanFile[], sink: MessageSink, rules: readonly GraphRule[]): GraphStructure {
  return linkStructure(draftStructure(files, invalid, sink), sink, rules);
}

/** Documents, nodes, links and follow-ups collected (duplicate ids and misplaced files go to `sink`). */
export function draftStructure(files: readonly ValidFile[], invalid: readonly ReadPlanFile[], sink: MessageSink): GraphDraft {
  const shadows = collectShadows(invalid);
  const scopes = scopeDocuments(files, shadows.documents, sink);
  const draft = collectNodes(files, scopes, sink);
  const drafted: GraphDraft = { scopes, draft, documentShadowKeys: new Set(draft.shadowKeys) };
  applyInvalidFiles(drafted, invalid);
  return drafted;
}

/** Puts what the files with errors would have defined into the draft: the ids they name and the links they write. */
export function applyInvalidFiles(drafted: GraphDraft, invalid: readonly ReadPlanFile[]): void {
  const { scopes, draft } = drafted;
  const shadows = collectShadows(invalid);
  const documentIdFor = (path: string) => {
    const doc = scopes.documentFor(path);
    return doc === undefined ? null : isShadow(doc) ? doc.id : doc.value.id;
  };
  draft.shadowKeys = new Set(drafted.documentShadowKeys);
  for (const key of shadowKeys(shadows, documentIdFor)) draft.shadowKeys.add(key);
  draft.shadowLinks = shadowLinks(shadows, (path) => {
    const doc = scopes.documentFor(path);
    return doc === undefined || isShadow(doc) ? null : doc.value.id;
  });
}

/** The draft's links resolved to edges, `rules`' structure checks run (cycles), nodes and edges sorted and indexed; problems go to `sink`. */
export function linkStructure(drafted: GraphDraft, sink: MessageSink, rules: readonly GraphRule[]): GraphStructure {
  const { draft } = drafted;
  const { edges, resolver, isShadowed, linkPlaces, shadowedFrom, withoutPolicy } = resolveLinks(draft, sink);
  const broken = resolveShadowLinks(drafted, resolver, shadowedFrom, withoutPolicy.size > 0);
  runStructureChecks(rules, { nodes: draft.nodes, edges, linkPlace: (from, type, to) => linkPlaces.get(edgeId(from, type, to))?.place }, sink);

  // Organisations flow down from the document each node belongs to.
  const orgsOf = new Map<string, string[]>();
  for (const e of edges) if (e.type === 'belongs-to' && !orgsOf.get(e.from)?.includes(e.to)) orgsOf.set(e.from, [...(orgsOf.get(e.from) ?? []), e.to].sort());
  for (const node of draft.nodes.values()) node.organisations = node.document ? (orgsOf.get(node.document) ?? []) : [];

  const nodes = [...draft.nodes.values()].sort(byKey);
  const sortedEdges = sortEdgesByNode(nodes, edges);
  return { ...drafted, nodes, edges: sortedEdges, index: indexEdges(nodes, sortedEdges), resolver, isShadowed, broken };
}

/** The links of files with errors resolved (those that resolve), with the valid links whose target is a file with errors. */
function resolveShadowLinks(drafted: GraphDraft, resolver: Resolver, shadowedFrom: ReadonlyMap<string, ReadonlySet<string>>, planWithoutPolicy: boolean): BrokenLinks {
  const { draft, scopes } = drafted;
  const into = new Map<string, Set<string>>();
  // A plan file with errors whose policy cannot be read, or a plan whose policy does not resolve: which principles
  // its goals realise is unknown.
  let brokenPlansWithPolicy = 0;
  for (const link of draft.shadowLinks) {
    const key = resolver.resolve(link.scope, link.target);
    if (key === undefined) continue;
    if (link.edge === 'implements') brokenPlansWithPolicy++;
    let set = into.get(key);
    if (!set) into.set(key, (set = new Set()));
    set.add(link.edge === 'follow-up' && link.period !== undefined ? `follow-up ${link.period}` : link.edge);
  }
  const brokenPlans = [...scopes.byFolder.values()].filter((doc) => isShadow(doc) && doc.typ === 'plan').length;
  return brokenLinks(into, shadowedFrom, planWithoutPolicy || brokenPlansWithPolicy < brokenPlans);
}

/** The whole graph on a structure: follow-ups, coverage, derived facts and `rules`' graph checks; problems go to `sink`. */
export function completeGraph(structure: GraphStructure, sink: MessageSink, rules: readonly GraphRule[]): Graph {
  const { draft, resolver, isShadowed } = structure;
  const documentYears = deriveDocumentYears(structure.index);
  const followUps = attachFollowUps(draft, resolver, isShadowed, sink, documentYears);
  const index = withFollowUps(structure.index, followUps);
  const coverage = deriveCoverage(index);
  const periods = derivePeriods(followUps, index.node);
  const actionStatus = deriveActionStatus(index, periods);
  const rollups = deriveRollups(index, periods, actionStatus);
  runGraphChecks(rules, { index, coverage, rollups, documentYears, broken: structure.broken, nodeAt: (key, path, at) => nodePlace(draft, key, path, at), followUpAt: (f, path) => followUpPlace(draft, f, path) }, sink);
  return {
    format: GRAPH_FORMAT,
    version: GRAPH_VERSION,
    nodes: structure.nodes,
    edges: structure.edges,
    followUps,
    derived: {
      documentYears,
      periods,
      coverage,
      actionStatus,
      rollups,
      indicators: deriveIndicators(index),
    },
  };
}

/** Where the value (or key) at `path` inside node `key`'s own map is written. */
function nodePlace(draft: Draft, key: string, path: YamlPath, at: 'key' | 'value' = 'value'): Place {
  const origin = draft.origins.get(key)!;
  return { file: origin.file.path, ...locate(origin.file.parsed, [...origin.path, ...path], at) };
}

/** Where the value at `path` in a follow-up's file is written; the follow-up's own place when the file is not in the draft. */
function followUpPlace(draft: Draft, followUp: FollowUp, path: YamlPath): Place {
  const entry = draftFollowUpAt(draft, followUp.source.file);
  return entry ? { file: followUp.source.file, ...locate(entry.file.parsed, path) } : followUp.source;
}
