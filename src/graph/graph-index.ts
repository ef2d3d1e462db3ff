// Typed edges in both directions and nodes by key: the way consumers walk the graph.
import type { EdgeType, FollowUp, GraphEdge, GraphNode, NodeOf, NodeType } from './types.js';

export interface GraphIndex {
  node(key: string): GraphNode | undefined;
  /** The node with `key` when it is of `type` (its fields typed), else undefined. */
  nodeOf<T extends NodeType>(key: string, type: T): NodeOf<T> | undefined;
  /** Keys this node links to with edges of `type`, sorted. */
  out(key: string, type: EdgeType): string[];
  /** Keys that link to this node with edges of `type`, sorted. */
  in(key: string, type: EdgeType): string[];
  /** Nodes of one type, sorted by key, with their fields typed. */
  ofType<T extends NodeType>(type: T): NodeOf<T>[];
  /** Follow-ups of a node, sorted by period. */
  followUps(key: string): FollowUp[];
  /** The node's follow-ups written for one of its document's organisations (`organisation:`), by period; not in followUps. */
  organisationFollowUps(key: string): FollowUp[];
}

/** The index without follow-ups: nodes and edges only. */
export type EdgeIndex = Omit<GraphIndex, 'followUps' | 'organisationFollowUps'>;

/** Builds the index over nodes, edges and follow-ups; never mutates them. */
export function indexGraph(nodes: readonly GraphNode[], edges: readonly GraphEdge[], followUps: readonly FollowUp[] = []): GraphIndex {
  return withFollowUps(indexEdges(nodes, edges), followUps);
}

/** What an edge index is made of: nodes by key and by type, edges by type and node in both directions. */
interface EdgeIndexData {
  byKey: Map<string, GraphNode>;
  outMap: Map<EdgeType, Map<string, string[]>>;
  inMap: Map<EdgeType, Map<string, string[]>>;
  byType: Map<NodeType, GraphNode[]>;
}

/** The data behind each index made here, so that updateEdgeIndex can change it instead of building it again. */
const indexData = new WeakMap<EdgeIndex, EdgeIndexData>();

const byKeyOrder = (a: GraphNode, b: GraphNode) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/** Builds the index over nodes and edges; never mutates them. */
export function indexEdges(nodes: readonly GraphNode[], edges: readonly GraphEdge[]): EdgeIndex {
  const byKey = new Map(nodes.map((n) => [n.key, n]));
  // Edges by type, then by node: no string keys built on every lookup.
  const outMap = new Map<EdgeType, Map<string, string[]>>();
  const inMap = new Map<EdgeType, Map<string, string[]>>();
  const push = (map: Map<EdgeType, Map<string, string[]>>, type: EdgeType, k: string, v: string) => {
    let byNode = map.get(type);
    if (!byNode) map.set(type, (byNode = new Map()));
    const list = byNode.get(k);
    if (list) list.push(v);
    else byNode.set(k, [v]);
  };
  for (const e of edges) {
    push(outMap, e.type, e.from, e.to);
    push(inMap, e.type, e.to, e.from);
  }
  // Sorted edges give sorted lists already; only lists of unsorted edges need sorting.
  const unsorted = (list: string[]) => list.some((k, i) => i > 0 && list[i - 1]! > k);
  for (const map of [outMap, inMap]) for (const byNode of map.values()) for (const list of byNode.values()) if (list.length > 1 && unsorted(list)) list.sort();
  const byType = new Map<NodeType, GraphNode[]>();
  const sorted = nodes.every((n, i) => i === 0 || nodes[i - 1]!.key < n.key) ? nodes : [...nodes].sort(byKeyOrder);
  for (const n of sorted) {
    const list = byType.get(n.type) ?? [];
    list.push(n);
    byType.set(n.type, list);
  }
  return indexOver({ byKey, outMap, inMap, byType });
}

function indexOver(data: EdgeIndexData): EdgeIndex {
  const { byKey, outMap, inMap, byType } = data;
  const index: EdgeIndex = {
    node: (key) => byKey.get(key),
    nodeOf: <T extends NodeType>(key: string, type: T) => {
      const n = byKey.get(key);
      return n?.type === type ? (n as NodeOf<T>) : undefined;
    },
    out: (key, type) => outMap.get(type)?.get(key) ?? [],
    in: (key, type) => inMap.get(type)?.get(key) ?? [],
    // The lists are filled by each node's own type.
    ofType: <T extends NodeType>(type: T) => (byType.get(type) ?? []) as NodeOf<T>[],
  };
  indexData.set(index, data);
  return index;
}

/** First position in sorted `list` whose item is not before `item` under `order`. */
function lowerBound<T>(list: readonly T[], item: T, order: (a: T, b: T) => number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (order(list[mid]!, item) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const stringOrder = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** What changed between two sets of nodes and edges: the objects that went and those that came. */
export interface EdgeIndexChange {
  removedNodes: readonly GraphNode[];
  addedNodes: readonly GraphNode[];
  removedEdges: readonly GraphEdge[];
  addedEdges: readonly GraphEdge[];
}

/**
 * The index of `nodes` and `edges`, which are `index`'s with `change` made: the lists that change are copied and
 * changed, the rest kept (lists handed out before stay as they were). `index` must not be used afterwards. Builds
 * the index anew when `index` was not made here.
 */
export function updateEdgeIndex(index: EdgeIndex, nodes: readonly GraphNode[], edges: readonly GraphEdge[], change: EdgeIndexChange): EdgeIndex {
  const data = indexData.get(index);
  if (data === undefined) return indexEdges(nodes, edges);
  indexData.delete(index);
  const { byKey, outMap, inMap, byType } = data;
  const edit = (map: Map<EdgeType, Map<string, string[]>>, type: EdgeType, k: string, v: string, add: boolean) => {
    let byNode = map.get(type);
    if (!byNode) map.set(type, (byNode = new Map()));
    const list = byNode.get(k) ?? [];
    const at = lowerBound(list, v, stringOrder);
    if (add) byNode.set(k, list.toSpliced(at, 0, v));
    else if (list[at] === v) {
      if (list.length === 1) byNode.delete(k);
      else byNode.set(k, list.toSpliced(at, 1));
    }
  };
  for (const e of change.removedEdges) {
    edit(outMap, e.type, e.from, e.to, false);
    edit(inMap, e.type, e.to, e.from, false);
  }
  for (const e of change.addedEdges) {
    edit(outMap, e.type, e.from, e.to, true);
    edit(inMap, e.type, e.to, e.from, true);
  }
  const types = new Set<NodeType>();
  for (const n of change.removedNodes) {
    if (byKey.get(n.key) === n) byKey.delete(n.key);
    types.add(n.type);
  }
  for (const n of change.addedNodes) {
    byKey.set(n.key, n);
    types.add(n.type);
  }
  const gone = new Set(change.removedNodes);
  for (const type of types) {
    const list = (byType.get(type) ?? []).filter((n) => !gone.has(n));
    for (const n of change.addedNodes) if (n.type === type) list.splice(lowerBound(list, n, byKeyOrder), 0, n);
    if (list.length > 0) byType.set(type, list);
    else byType.delete(type);
  }
  return indexOver(data);
}

/** An edge index with follow-ups added; neither is mutated. */
export function withFollowUps(edges: EdgeIndex, followUps: readonly FollowUp[]): GraphIndex {
  const fu = new Map<string, FollowUp[]>();
  const byOrg = new Map<string, FollowUp[]>();
  for (const f of followUps) {
    if (f.organisation !== undefined) {
      const list = byOrg.get(f.node) ?? [];
      list.push(f);
      byOrg.set(f.node, list);
      continue;
    }
    const list = fu.get(f.node) ?? [];
    list.push(f);
    fu.set(f.node, list);
  }
  // attachFollowUps gives them sorted by node and period already: only unsorted lists are sorted.
  for (const list of fu.values()) if (list.some((f, i) => i > 0 && list[i - 1]!.period > f.period)) list.sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : 0));
  return { ...edges, followUps: (key) => fu.get(key) ?? [], organisationFollowUps: (key) => byOrg.get(key) ?? [] };
}
