// Typed edges in both directions and nodes by key: the way consumers walk the graph.
import type { EdgeType, FollowUp, GraphEdge, GraphNode, NodeType } from './types.js';

export interface GraphIndex {
  node(key: string): GraphNode | undefined;
  /** Keys this node links to with edges of `type`, sorted. */
  out(key: string, type: EdgeType): string[];
  /** Keys that link to this node with edges of `type`, sorted. */
  in(key: string, type: EdgeType): string[];
  /** Nodes of one type, sorted by key. */
  ofType(type: NodeType): GraphNode[];
  /** Follow-ups of a node, sorted by period. */
  followUps(key: string): FollowUp[];
}

/** Builds the index over nodes, edges and follow-ups; never mutates them. */
export function indexGraph(nodes: readonly GraphNode[], edges: readonly GraphEdge[], followUps: readonly FollowUp[] = []): GraphIndex {
  const byKey = new Map(nodes.map((n) => [n.key, n]));
  const outMap = new Map<string, string[]>();
  const inMap = new Map<string, string[]>();
  const push = (map: Map<string, string[]>, k: string, v: string) => {
    const list = map.get(k);
    if (list) list.push(v);
    else map.set(k, [v]);
  };
  for (const e of edges) {
    push(outMap, `${e.type}\u0000${e.from}`, e.to);
    push(inMap, `${e.type}\u0000${e.to}`, e.from);
  }
  for (const list of [...outMap.values(), ...inMap.values()]) list.sort();
  const byType = new Map<NodeType, GraphNode[]>();
  for (const n of [...nodes].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))) {
    const list = byType.get(n.type) ?? [];
    list.push(n);
    byType.set(n.type, list);
  }
  const fu = new Map<string, FollowUp[]>();
  for (const f of followUps) {
    const list = fu.get(f.node) ?? [];
    list.push(f);
    fu.set(f.node, list);
  }
  for (const list of fu.values()) list.sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : 0));
  return {
    node: (key) => byKey.get(key),
    out: (key, type) => outMap.get(`${type}\u0000${key}`) ?? [],
    in: (key, type) => inMap.get(`${type}\u0000${key}`) ?? [],
    ofType: (type) => byType.get(type) ?? [],
    followUps: (key) => fu.get(key) ?? [],
  };
}
