// Step four of the plan diff: links added and removed between nodes that exist on both sides, and what that
// does to coverage (principles no goal realises, goals without focus areas, focus areas without actions).
import type { GraphEdge } from '../graph/types.js';
import type { GraphIndex } from '../graph/graph-index.js';
import type { BrokenLink, CoverageChanges, LinkChange, PlanDiff } from './diff-types.js';
import type { NodeMatching } from './match-nodes.js';
import { byKey, type NodeRefs } from './node-refs.js';

/**
 * Links between nodes on both sides, the base's mapped to head keys (links of added and removed nodes are listed
 * with them). A base link missing at the head whose target id is still written in the source's file
 * (`stillWritten`: file → ids that resolve to nothing there) is broken, not removed: its target was renamed or
 * moved. A node's part-of link to its own policy or plan is left out: a move between documents is told as one.
 */
export function diffLinks(m: NodeMatching, refs: NodeRefs, stillWritten: ReadonlyMap<string, ReadonlySet<string>> = new Map()): PlanDiff['links'] {
  const edgeKey = (e: GraphEdge) => `${e.from}\u0000${e.type}\u0000${e.to}`;
  const toOwnDocument = (index: GraphIndex, e: GraphEdge) => e.type === 'part-of' && index.node(e.from)?.document === e.to;
  const baseEdges = new Map<string, { edge: GraphEdge; baseTo: string }>();
  for (const e of m.base.edges) {
    const from = m.toHead.get(e.from);
    const to = m.toHead.get(e.to);
    if (from === undefined || to === undefined || toOwnDocument(m.bi, e)) continue;
    const mapped = { from, to, type: e.type };
    baseEdges.set(edgeKey(mapped), { edge: mapped, baseTo: e.to });
  }
  const headEdges = new Map<string, GraphEdge>();
  for (const e of m.head.edges) if (m.toBase.has(e.from) && m.toBase.has(e.to) && !toOwnDocument(m.hi, e)) headEdges.set(edgeKey(e), e);
  const linkChange = (e: GraphEdge): LinkChange => ({ type: e.type, from: refs.head(e.from), to: refs.head(e.to) });
  const order = (a: LinkChange, b: LinkChange) => byKey(a.from, b.from) || (a.type < b.type ? -1 : a.type > b.type ? 1 : 0) || byKey(a.to, b.to);
  const removed: LinkChange[] = [];
  const broken: BrokenLink[] = [];
  for (const [k, { edge, baseTo }] of baseEdges) {
    if (headEdges.has(k)) continue;
    const target = m.bi.node(baseTo)!;
    const written = stillWritten.get(m.hi.node(edge.from)!.source.file);
    const as = written === undefined ? undefined : [target.id, target.key].find((id) => written.has(id));
    if (as === undefined) removed.push(linkChange(edge));
    else broken.push({ ...linkChange(edge), written: as });
  }
  return {
    added: [...headEdges].filter(([k]) => !baseEdges.has(k)).map(([, e]) => linkChange(e)).sort(order),
    removed: removed.sort(order),
    broken: broken.sort(order),
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
