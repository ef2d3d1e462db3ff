// Step four of the plan diff: links added and removed between nodes that exist on both sides, and what that
// does to coverage (principles no goal realises, goals without focus areas, focus areas without actions).
import type { GraphEdge } from '../graph/types.js';
import type { CoverageChanges, LinkChange, PlanDiff } from './diff-types.js';
import type { NodeMatching } from './match-nodes.js';
import { byKey, type NodeRefs } from './node-refs.js';

/** Links between nodes on both sides, the base's mapped to head keys (links of added and removed nodes are listed with them). */
export function diffLinks(m: NodeMatching, refs: NodeRefs): PlanDiff['links'] {
  const edgeKey = (e: GraphEdge) => `${e.from}\u0000${e.type}\u0000${e.to}`;
  const baseEdges = new Map<string, GraphEdge>();
  for (const e of m.base.edges) {
    const from = m.toHead.get(e.from);
    const to = m.toHead.get(e.to);
    if (from === undefined || to === undefined) continue;
    const mapped = { from, to, type: e.type };
    baseEdges.set(edgeKey(mapped), mapped);
  }
  const headEdges = new Map<string, GraphEdge>();
  for (const e of m.head.edges) if (m.toBase.has(e.from) && m.toBase.has(e.to)) headEdges.set(edgeKey(e), e);
  const linkChange = (e: GraphEdge): LinkChange => ({ type: e.type, from: refs.head(e.from), to: refs.head(e.to) });
  const order = (a: LinkChange, b: LinkChange) => byKey(a.from, b.from) || (a.type < b.type ? -1 : a.type > b.type ? 1 : 0) || byKey(a.to, b.to);
  return {
    added: [...headEdges].filter(([k]) => !baseEdges.has(k)).map(([, e]) => linkChange(e)).sort(order),
    removed: [...baseEdges].filter(([k]) => !headEdges.has(k)).map(([, e]) => linkChange(e)).sort(order),
  };
}

/** Coverage gaps that appeared and that were closed, in head keys. */
export function diffCoverage(m: NodeMatching, refs: NodeRefs): CoverageChanges {
  const mapped = (keys: string[]) => new Set(keys.map((k) => m.toHead.get(k) ?? `\u0000${k}`));
  const appeared = (before: string[], after: string[]) => {
    const b = mapped(before);
    return after.filter((k) => !b.has(k)).map(refs.head).sort(byKey);
  };
  const closed = (before: string[], after: string[]) => {
    const a = new Set(after);
    return before
      .map((k) => m.toHead.get(k))
      .filter((k): k is string => k !== undefined && !a.has(k))
      .map(refs.head)
      .sort(byKey);
  };
  const bc = m.base.derived.coverage;
  const hc = m.head.derived.coverage;
  return {
    uncovered: appeared(bc.uncoveredPrinciples, hc.uncoveredPrinciples),
    covered: closed(bc.uncoveredPrinciples, hc.uncoveredPrinciples),
    goalsWithoutFocusAreas: { added: appeared(bc.goalsWithoutFocusAreas, hc.goalsWithoutFocusAreas), removed: closed(bc.goalsWithoutFocusAreas, hc.goalsWithoutFocusAreas) },
    focusAreasWithoutActions: { added: appeared(bc.focusAreasWithoutActions, hc.focusAreasWithoutActions), removed: closed(bc.focusAreasWithoutActions, hc.focusAreasWithoutActions) },
  };
}
