// What is still missing in a period's follow-up, per owner: no file yet, or a file not filled in.
import type { Graph } from '../graph/types.js';
import { indexGraph } from '../graph/graph-index.js';
import { naturalCompare } from '../util/natural-compare.js';
import { activeNodes, planCoversPeriod } from './active.js';

export interface OutstandingItem {
  nodeKey: string;
  id: string;
  title: string;
  type: string;
  /** 'saknas': no follow-up; 'ej ifylld': opened (by `uppfoljning ny`) and not yet filled in (ej inlämnad). */
  state: 'saknas' | 'ej ifylld';
  /** The follow-up's file when there is one. */
  file: string | null;
}

export interface OwnerStatus {
  owner: string;
  expected: number;
  done: number;
  outstanding: OutstandingItem[];
}

/** Per owner (in natural order), the active nodes of `period` and which of them are not followed up yet, in natural order of their ids. */
export function periodStatus(graph: Graph, period: string): OwnerStatus[] {
  const index = indexGraph(graph.nodes, graph.edges, graph.followUps);
  const byOwner = new Map<string, OwnerStatus>();
  for (const plan of index.ofType('plan')) {
    if (!planCoversPeriod(graph.derived.documentYears, plan, period)) continue;
    for (const active of activeNodes(index, plan, period)) {
      const status = byOwner.get(active.owner) ?? { owner: active.owner, expected: 0, done: 0, outstanding: [] };
      byOwner.set(active.owner, status);
      status.expected++;
      const followUp = index.followUps(active.node.key).find((f) => f.period === period);
      const base = { nodeKey: active.node.key, id: active.node.id, title: active.node.title, type: active.node.type };
      if (!followUp) status.outstanding.push({ ...base, state: 'saknas', file: null });
      else if (!followUp.submitted) status.outstanding.push({ ...base, state: 'ej ifylld', file: followUp.source.file });
      else status.done++;
    }
  }
  return [...byOwner.values()].sort((a, b) => naturalCompare(a.owner, b.owner));
}
