// The plan diff: what changed between two graphs of the same plans, node by node. Pure: graphs in, diff out.
// In steps: match the nodes (by key, then renames; src/diff/match-nodes.ts and find-renames.ts), then the
// nodes added, removed, renamed and changed, the links and coverage, and the follow-ups.
import { indexGraph } from '../graph/graph-index.js';
import type { Graph } from '../graph/types.js';
import type { NodeRef, PlanDiff } from './diff-types.js';
import { diffFollowUps } from './follow-up-changes.js';
import { diffCoverage, diffLinks } from './link-changes.js';
import { matchNodes } from './match-nodes.js';
import { diffNodes } from './node-changes.js';
import { byKey, nodeRefs } from './node-refs.js';

export type * from './diff-types.js';
export { RENAME_SIMILARITY } from './find-renames.js';
export { goalOf } from './node-refs.js';
export { stableJson } from './stable-json.js';

export const DIFF_FORMAT = 'sparbar-diff';
export const DIFF_VERSION = 1;

/**
 * A reference still written in a file at the head that resolves to nothing (check's unknown-reference and
 * followup-unknown-node): the file, relative to the plans folder, and the id as written. The graph leaves such
 * links out; with them the diff tells a link or follow-up left behind by a rename or a move from one removed.
 */
export interface DanglingReference {
  file: string;
  target: string;
}

/** The dangling references among a check's messages (those with the id as written in `actual`). */
export function danglingReferences(messages: readonly { ruleId: string; file: string; actual?: string | null | undefined }[]): DanglingReference[] {
  return messages
    .filter((m) => (m.ruleId === 'unknown-reference' || m.ruleId === 'followup-unknown-node') && typeof m.actual === 'string')
    .map((m) => ({ file: m.file, target: m.actual! }));
}

/**
 * Compares the graph of the base revision with the graph of the head revision; `dangling` are the head's
 * references that resolve to nothing (see danglingReferences), so links and follow-ups still written for a
 * node that was renamed or moved are told as such, not as removed.
 */
export function diffGraphs(base: Graph, head: Graph, dangling: readonly DanglingReference[] = []): PlanDiff {
  const bi = indexGraph(base.nodes, base.edges, base.followUps);
  const hi = indexGraph(head.nodes, head.edges, head.followUps);
  const matching = matchNodes(base, head, bi, hi);
  const refs = nodeRefs(bi, hi, matching.toHead, matching.toBase);
  const stillWritten = new Map<string, Set<string>>();
  for (const d of dangling) stillWritten.set(d.file, (stillWritten.get(d.file) ?? new Set()).add(d.target));
  const nodes = diffNodes(matching, refs);
  const links = diffLinks(matching, refs, stillWritten);
  const coverage = diffCoverage(matching, refs);
  const followUps = diffFollowUps(matching, refs, stillWritten);

  const goalKeys = new Set<string>();
  const collect = (r: NodeRef) => r.goal !== null && goalKeys.add(r.goal);
  [...nodes.added, ...nodes.removed, ...nodes.changed.map((c) => c.node), ...nodes.renamed.map((r) => r.to), ...links.added.map((l) => l.from), ...links.removed.map((l) => l.from)].forEach(collect);
  [...links.broken.map((l) => l.from)].forEach(collect);
  [...followUps.added, ...followUps.removed, ...followUps.changed, ...followUps.detached].forEach((f) => collect(f.node));
  const goals = [...goalKeys]
    .map((k) => {
      const n = hi.node(k) ?? bi.node(k);
      return n && { key: k, id: n.id, title: n.title };
    })
    .filter((g): g is { key: string; id: string; title: string } => g !== undefined)
    .sort(byKey);

  return { goals, nodes, links, coverage, followUps };
}

/** True when the diff has nothing in it. */
export function isEmptyDiff(diff: PlanDiff): boolean {
  const c = diff.coverage;
  return (
    diff.nodes.added.length + diff.nodes.removed.length + diff.nodes.renamed.length + diff.nodes.changed.length +
      diff.links.added.length + diff.links.removed.length + diff.links.broken.length +
      c.uncovered.length + c.covered.length + c.goalsWithoutFocusAreas.added.length + c.goalsWithoutFocusAreas.removed.length +
      c.focusAreasWithoutActions.added.length + c.focusAreasWithoutActions.removed.length +
      diff.followUps.added.length + diff.followUps.removed.length + diff.followUps.changed.length + diff.followUps.detached.length ===
    0
  );
}
