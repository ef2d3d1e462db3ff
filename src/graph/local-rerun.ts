// Where a change can have changed what node-local graph checks say (GraphLocality 'node' in rule-checks.ts), so that
// `check --watch` runs them on those nodes only and keeps their other messages.
import type { CheckMessage } from '../messages/report.js';
import type { NodeChange } from './build-graph.js';
import type { GraphIndex } from './graph-index.js';
import type { LocalRerun } from './rule-checks.js';
import type { FollowUp, GraphNode, NodeType } from './types.js';

/** Keys of the nodes whose follow-ups differ between two lists sorted by node and period (not the very same objects). */
function followUpsChanged(before: readonly FollowUp[], after: readonly FollowUp[]): Set<string> {
  const keys = new Set<string>();
  if (before === after) return keys;
  const order = (a: FollowUp, b: FollowUp) => {
    if (a.node !== b.node) return a.node < b.node ? -1 : 1;
    if (a.period !== b.period) return a.period < b.period ? -1 : 1;
    const x = a.organisation ?? '';
    const y = b.organisation ?? '';
    return x < y ? -1 : x > y ? 1 : 0;
  };
  let i = 0;
  let j = 0;
  while (i < before.length && j < after.length) {
    const a = before[i]!;
    const b = after[j]!;
    if (a === b) {
      i++;
      j++;
      continue;
    }
    const c = order(a, b);
    if (c <= 0) {
      keys.add(a.node);
      i++;
    }
    if (c >= 0) {
      keys.add(b.node);
      j++;
    }
  }
  while (i < before.length) keys.add(before[i++]!.node);
  while (j < after.length) keys.add(after[j++]!.node);
  return keys;
}

/**
 * The nodes of `after` whose node-local messages may differ from those of the graph before (`before`: its follow-ups,
 * sorted by node and period, and an index whose follow-up lists are that graph's), and the files whose earlier
 * messages they replace. A node may differ when it changed (`change`: it came or was replaced, or lies in a file read
 * again, whose fields may have been patched in place) or its follow-ups are not the very same objects; the files are
 * those nodes' own files and those of their follow-ups, before and after, with the touched files and the files of
 * nodes that went or were replaced. Every node with its own file or a follow-up among those files runs again too, so
 * that a file's messages are dropped only where everything that put them there runs again (a follow-up's file is its
 * node's alone, so one pass is enough). `previous` are each rule's messages before.
 */
export function localRerun(
  before: { index: GraphIndex; followUps: readonly FollowUp[] },
  after: { index: GraphIndex; followUps: readonly FollowUp[]; nodes: readonly GraphNode[] },
  change: NodeChange,
  touched: readonly string[],
  previous: ReadonlyMap<string, readonly CheckMessage[]>,
): LocalRerun {
  const files = new Set(touched);
  for (const f of change.files) files.add(f);
  const keys = followUpsChanged(before.followUps, after.followUps);
  for (const k of change.keys) keys.add(k);
  const addFollowUpFiles = (key: string) => {
    for (const f of before.index.followUps(key)) files.add(f.source.file);
    for (const f of before.index.organisationFollowUps(key)) files.add(f.source.file);
    for (const f of after.index.followUps(key)) files.add(f.source.file);
    for (const f of after.index.organisationFollowUps(key)) files.add(f.source.file);
  };
  for (const key of keys) {
    addFollowUpFiles(key);
    const node = after.index.node(key);
    if (node !== undefined) files.add(node.source.file);
  }
  const rerun = new Set<string>(keys);
  for (const f of after.followUps) {
    if (!files.has(f.source.file) || rerun.has(f.node)) continue;
    rerun.add(f.node);
    addFollowUpFiles(f.node);
    const node = after.index.node(f.node);
    if (node !== undefined) files.add(node.source.file);
  }
  const byType = new Map<NodeType, GraphNode[]>();
  for (const n of after.nodes) {
    if (!rerun.has(n.key) && !files.has(n.source.file)) continue;
    if (!rerun.has(n.key)) addFollowUpFiles(n.key);
    const list = byType.get(n.type);
    if (list) list.push(n);
    else byType.set(n.type, [n]);
  }
  return { previous, nodes: byType, files };
}
