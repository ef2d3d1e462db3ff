// Builds the traceability graph from validated files: nodes, resolved edges, follow-ups, checks and derived facts.
import { MessageSink, type CheckMessage, type Place, type RuleSettings } from '../messages/report.js';
import type { ValidFile } from '../validate/validate-file.js';
import { collectNodes, draftFollowUpAt, type Draft, type DraftFollowUp } from './collect-nodes.js';
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
import { indexEdges, updateEdgeIndex, withFollowUps, type EdgeIndex, type GraphIndex } from './graph-index.js';
import { linkPlaceOf, reportUnknown, reresolveLinks, resolveLinks, shadowedFrom, type DraftChange, type LinkResolution, type Resolver } from './resolve-links.js';
import { runGraphChecks, runStructureChecks, type GraphRule } from './rule-checks.js';
import { GRAPH_FORMAT, GRAPH_VERSION, type DocumentYears, type FollowUp, type Graph, type GraphEdge, type GraphNode, type NodeType } from './types.js';

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
  /** Every link's outcome, for resolving again only what a change affects (relinkStructure). */
  links: LinkResolution;
  /** Organisations by document key (from the documents' belongs-to edges), sorted. */
  orgsOf: ReadonlyMap<string, string[]>;
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
  const { edges, resolver, state } = resolveLinks(draft, sink);
  const broken = resolveShadowLinks(drafted, resolver, state, sink);

  // Organisations flow down from the document each node belongs to.
  const orgsOf = new Map<string, string[]>();
  for (const e of edges) if (e.type === 'belongs-to' && !orgsOf.get(e.from)?.includes(e.to)) orgsOf.set(e.from, [...(orgsOf.get(e.from) ?? []), e.to].sort());
  for (const node of draft.nodes.values()) node.organisations = node.document ? (orgsOf.get(node.document) ?? []) : [];

  const nodes = [...draft.nodes.values()].sort(byKey);
  const sortedEdges = sortEdgesByNode(nodes, edges);
  runStructureChecks(rules, { nodes: draft.nodes, edges: sortedEdges, linkPlace: (from, type, to) => linkPlaceOf(state, from, type, to) }, sink);
  return { ...drafted, nodes, edges: sortedEdges, index: indexEdges(nodes, sortedEdges), resolver, isShadowed: state.isShadowed, broken, links: state, orgsOf };
}

/**
 * The structure after `change` (made in `previous.draft` by replaceFile): only the links the change can affect are
 * resolved again (see reresolveLinks), and the sorted nodes, edges and their index are updated instead of rebuilt;
 * the structure checks (cycles) run on the whole. Gives the same structure and, in `sink`, the same messages as
 * linkStructure on the changed draft. Undefined when the change alters which policy a plan carries out: then call
 * linkStructure. `previous` must not be used afterwards.
 */
export function relinkStructure(previous: GraphStructure, change: DraftChange, sink: MessageSink, rules: readonly GraphRule[]): GraphStructure | undefined {
  const { draft, links: state } = previous;
  const relinked = reresolveLinks(draft, state, change, sink);
  if (relinked === undefined) return undefined;
  const { resolver, removedEdges, addedEdges } = relinked;
  const broken = resolveShadowLinks(previous, resolver, state, sink);
  for (const node of change.added) node.organisations = node.document ? (previous.orgsOf.get(node.document) ?? []) : [];

  const gone = new Set<GraphNode>(change.removed);
  const nodes = mergeSorted(
    previous.nodes.filter((n) => !gone.has(n)),
    [...change.added].sort(byKey),
    byKey,
  );
  const goneEdges = new Set(removedEdges);
  const edges = mergeSorted(
    previous.edges.filter((e) => !goneEdges.has(e)),
    [...addedEdges].sort(edgeOrder),
    edgeOrder,
  );
  const index = updateEdgeIndex(previous.index, nodes, edges, { removedNodes: change.removed, addedNodes: change.added, removedEdges, addedEdges });
  runStructureChecks(rules, { nodes: draft.nodes, edges, linkPlace: (from, type, to) => linkPlaceOf(state, from, type, to) }, sink);
  return { ...previous, nodes, edges, index, resolver, broken };
}

/** Two lists sorted by `order` merged into one (a stable merge: `a` first among equals). */
function mergeSorted<T>(a: readonly T[], b: readonly T[], order: (x: T, y: T) => number): T[] {
  if (b.length === 0) return a as T[];
  const out: T[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) out.push(order(b[j]!, a[i]!) < 0 ? b[j++]! : a[i++]!);
  while (i < a.length) out.push(a[i++]!);
  while (j < b.length) out.push(b[j++]!);
  return out;
}

/**
 * The links of files with errors resolved (those that resolve), with the valid links whose target is a file with
 * errors. A link under a valid key of such a file whose target is unknown is reported, as it would be in a valid file.
 */
function resolveShadowLinks(drafted: GraphDraft, resolver: Resolver, state: LinkResolution, sink: MessageSink): BrokenLinks {
  const { draft, scopes } = drafted;
  const into = new Map<string, Set<string>>();
  // A plan file with errors whose policy cannot be read, or a plan whose policy does not resolve: which principles
  // its goals realise is unknown.
  let brokenPlansWithPolicy = 0;
  for (const link of draft.shadowLinks) {
    const key = resolver.resolve(link.scope, link.target);
    if (key === undefined) {
      const w = link.written;
      if (w && !state.isShadowed(link.scope, link.target, w.allowed)) reportUnknown({ ...w, scope: link.scope, target: link.target }, resolver, sink);
      continue;
    }
    if (link.edge === 'implements') brokenPlansWithPolicy++;
    let set = into.get(key);
    if (!set) into.set(key, (set = new Set()));
    set.add(link.edge === 'follow-up' && link.period !== undefined ? `follow-up ${link.period}` : link.edge);
  }
  const brokenPlans = [...scopes.byFolder.values()].filter((doc) => isShadow(doc) && doc.typ === 'plan').length;
  return brokenLinks(into, shadowedFrom(state), state.withoutPolicy.size > 0 || brokenPlansWithPolicy < brokenPlans);
}

/** The whole graph on a structure: follow-ups, coverage, derived facts and `rules`' graph checks; problems go to `sink`. */
export function completeGraph(structure: GraphStructure, sink: MessageSink, rules: readonly GraphRule[]): Graph {
  const { draft } = structure;
  const documentYears = deriveDocumentYears(structure.index);
  const { followUps, index, periods } = attachedFollowUps(structure, documentYears, sink);
  const coverage = deriveCoverage(index);
  const actionStatus = deriveActionStatus(index, periods);
  // Which actions count under which node is read from the structure once (check --watch keeps it across field edits).
  const rollups = deriveRollups(index, periods, actionStatus, structure.index);
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

/** What attachFollowUps gave for a structure, and what it read besides the structure (check --watch's patch step reuses it). */
interface Attached {
  draftFollowUps: readonly DraftFollowUp[];
  documentYears: string;
  groups: string;
  settings: RuleSettings;
  followUps: FollowUp[];
  index: GraphIndex;
  /** The periods with follow-ups per document (derivePeriods: it reads the follow-ups and which document each node is in). */
  periods: Record<string, string[]>;
  messages: CheckMessage[];
}

const attachedFor = new WeakMap<GraphStructure, Attached>();

/**
 * The structure's follow-ups attached (their problems to `sink`) and the index with them. Attaching reads the structure
 * (nodes, links, shadows), the draft's follow-up files, the documents' years and, of the nodes' fields, only whether
 * an indicator is a group (beräkning: medelvärde): when none of these changed since the last call on the same
 * structure (a field edit that `check --watch` patched in), the same follow-ups and messages are given again.
 */
function attachedFollowUps(structure: GraphStructure, documentYears: Record<string, DocumentYears>, sink: MessageSink): Pick<Attached, 'followUps' | 'index' | 'periods'> {
  const { draft, resolver, isShadowed } = structure;
  const years = JSON.stringify(documentYears);
  let groups = '';
  for (const n of structure.index.ofType('indikator')) if (n.fields.beräkning === 'medelvärde') groups += `${n.key}\u0000`;
  const last = attachedFor.get(structure);
  if (last !== undefined && last.draftFollowUps === draft.followUps && last.documentYears === years && last.groups === groups && last.settings === sink.settings) {
    sink.messages.push(...last.messages);
    return last;
  }
  const own = new MessageSink(sink.settings);
  const followUps = attachFollowUps(draft, resolver, isShadowed, own, documentYears);
  const index = withFollowUps(structure.index, followUps);
  const periods = derivePeriods(followUps, index.node);
  sink.messages.push(...own.messages);
  attachedFor.set(structure, { draftFollowUps: draft.followUps, documentYears: years, groups, settings: sink.settings, followUps, index, periods, messages: own.messages });
  return { followUps, index, periods };
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
