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
import { attachFollowUps, reattachFollowUps, type Attachment } from './follow-ups.js';
import { indexEdges, updateEdgeIndex, withFollowUps, type EdgeIndex, type GraphIndex } from './graph-index.js';
import { candidateIndex, linkPlaceOf, reportUnknown, reresolveLinks, resolveLinks, shadowedFrom, type DraftChange, type LinkResolution, type Resolver } from './resolve-links.js';
import { localRerun } from './local-rerun.js';
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
  /**
   * Keys of nodes in folders whose policy or plan has errors, and of inline nodes of a node left out as a duplicate
   * id (the files' own errors add more to draft.shadowKeys).
   */
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
  draft.shadowLinks = [
    ...draft.duplicateLinks,
    ...shadowLinks(shadows, (path) => {
      const doc = scopes.documentFor(path);
      return doc === undefined || isShadow(doc) ? null : doc.value.id;
    }),
  ];
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
 * Makes ahead of time what relinkStructure needs from `structure` and a whole check never does (the links by the node
 * keys they looked at), so that `check --watch` spends it after a full linking, not on the first save.
 */
export function prepareRelink(structure: GraphStructure): void {
  candidateIndex(structure.links);
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

/** For `check --watch`: the graph a new one replaces, and the files read again since it was made. */
export interface GraphSince {
  /** The last graph completeGraph made with a `since` (undefined the first time). */
  previous: Graph | undefined;
  /** Paths of the files read again, come or gone since `previous`. */
  touched: readonly string[];
}

/** What completeGraph gave for a graph made with a `since`, so that the next one can keep what a change cannot reach. */
interface Completed {
  /** The index with follow-ups (its follow-up lists; its nodes and edges may since have been updated in place). */
  index: GraphIndex;
  attached: Attached;
  /** Each graph check's messages, by rule id. */
  byRule: Map<string, CheckMessage[]>;
  settings: RuleSettings;
  rules: readonly GraphRule[];
}

const completedFor = new WeakMap<Graph, Completed>();

/**
 * The whole graph on a structure: follow-ups, coverage, derived facts and `rules`' graph checks; problems go to `sink`.
 * With `since` (check --watch), what the change cannot reach is kept from `since.previous`: the follow-ups of nodes
 * whose id, file and candidates did not change (reattachFollowUps), and the messages of node-local checks
 * (GraphLocality) about nodes the change did not reach (localRerun). The graph and messages are those of a run
 * without `since`.
 */
export function completeGraph(structure: GraphStructure, sink: MessageSink, rules: readonly GraphRule[], since?: GraphSince): Graph {
  const { draft } = structure;
  const documentYears = deriveDocumentYears(structure.index);
  const last = since?.previous === undefined ? undefined : completedFor.get(since.previous);
  const reuse = last !== undefined && last.settings === sink.settings && last.rules === rules ? last : undefined;
  const change = reuse === undefined ? undefined : nodeChange(since!.previous!.nodes, structure.nodes, since!.touched);
  const attached = attachedFollowUps(structure, documentYears, sink, reuse === undefined ? undefined : { previous: reuse.attached, change: change! });
  const { followUps, index, periods } = attached;
  const coverage = deriveCoverage(index);
  const actionStatus = deriveActionStatus(index, periods);
  // Which actions count under which node is read from the structure once (check --watch keeps it across field edits).
  const rollups = deriveRollups(index, periods, actionStatus, structure.index);
  const rerun = reuse === undefined ? undefined : localRerun({ index: reuse.index, followUps: reuse.attached.followUps }, { index, followUps, nodes: structure.nodes }, change!, since!.touched, reuse.byRule);
  const byRule = runGraphChecks(rules, { index, coverage, rollups, documentYears, broken: structure.broken, nodeAt: (key, path, at) => nodePlace(draft, key, path, at), followUpAt: (f, path) => followUpPlace(draft, f, path) }, sink, rerun);
  const graph: Graph = {
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
  if (since !== undefined) completedFor.set(graph, { index, attached, byRule, settings: sink.settings, rules });
  return graph;
}

/** Nodes that changed between two graphs' node lists. */
export interface NodeChange {
  /** Keys of nodes that came, went or were replaced, and of nodes in files read again (their fields may be patched in place). */
  keys: Set<string>;
  /** The files of the nodes that went or were replaced (as they were). */
  files: Set<string>;
}

/** What changed between `before` and `after` (both sorted by key), with the nodes in `touched` files. */
function nodeChange(before: readonly GraphNode[], after: readonly GraphNode[], touched: readonly string[]): NodeChange {
  const keys = new Set<string>();
  const files = new Set<string>();
  const read = new Set(touched);
  let i = 0;
  let j = 0;
  while (i < before.length || j < after.length) {
    const a = before[i];
    const b = after[j];
    if (b === undefined || (a !== undefined && a.key < b.key)) {
      keys.add(a!.key);
      files.add(a!.source.file);
      i++;
    } else if (a === undefined || b.key < a.key) {
      keys.add(b.key);
      j++;
    } else {
      if (a !== b) {
        keys.add(b.key);
        files.add(a.source.file);
      } else if (read.has(b.source.file)) keys.add(b.key);
      i++;
      j++;
    }
  }
  return { keys, files };
}

/** What attachFollowUps gave for a structure, and what it read besides the structure (check --watch's patch step reuses it). */
interface Attached {
  draftFollowUps: readonly DraftFollowUp[];
  documentYears: string;
  groups: string;
  settings: RuleSettings;
  /** The shadow keys (files with errors) and which policy each plan carries out, when it was made. */
  shadowKeys: ReadonlySet<string>;
  policies: string;
  attachment: Attachment;
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
 * structure (a field edit that `check --watch` patched in), the same follow-ups and messages are given again. With
 * `since` (the attachment on the graph before and the nodes that changed), and the same years, groups, settings and
 * policies of plans, only what the change can affect is attached again (reattachFollowUps).
 */
function attachedFollowUps(structure: GraphStructure, documentYears: Record<string, DocumentYears>, sink: MessageSink, since?: { previous: Attached; change: NodeChange }): Attached {
  const { draft, resolver, isShadowed } = structure;
  const years = JSON.stringify(documentYears);
  let groups = '';
  for (const n of structure.index.ofType('indikator')) if (n.fields.beräkning === 'medelvärde') groups += `${n.key}\u0000`;
  const last = attachedFor.get(structure);
  if (last !== undefined && last.draftFollowUps === draft.followUps && last.documentYears === years && last.groups === groups && last.settings === sink.settings) {
    sink.messages.push(...last.messages);
    return last;
  }
  const policies = JSON.stringify([[...structure.links.policyOfPlan].sort(), [...structure.links.withoutPolicy].sort()]);
  const own = new MessageSink(sink.settings);
  const before = since?.previous;
  let attachment: Attachment;
  if (before !== undefined && before.documentYears === years && before.groups === groups && before.settings === sink.settings && before.policies === policies) {
    const changed = new Set(since!.change.keys);
    for (const k of before.shadowKeys) if (!draft.shadowKeys.has(k)) changed.add(k);
    for (const k of draft.shadowKeys) if (!before.shadowKeys.has(k)) changed.add(k);
    attachment = reattachFollowUps(before.attachment, changed, structure.links.policyOfPlan, { draft, resolver, isShadowed, documentYears }, own);
  } else attachment = attachFollowUps({ draft, resolver, isShadowed, documentYears }, own);
  const { followUps } = attachment;
  const index = withFollowUps(structure.index, followUps);
  const periods = derivePeriods(followUps, index.node);
  sink.messages.push(...own.messages);
  const made: Attached = { draftFollowUps: draft.followUps, documentYears: years, groups, settings: sink.settings, shadowKeys: draft.shadowKeys, policies, attachment, followUps, index, periods, messages: own.messages };
  attachedFor.set(structure, made);
  return made;
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
