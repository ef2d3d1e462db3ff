// How the diff names nodes: a NodeRef with the goal it is grouped under, from either side of the comparison.
import type { GraphIndex } from '../graph/graph-index.js';
import type { GraphNode } from '../graph/types.js';
import { naturalCompare } from '../util/natural-compare.js';
import type { NodeRef } from './diff-types.js';

/** The goal a node is grouped under: itself, its goal, the goal of the focus areas it contributes to or measures. */
export function goalOf(index: GraphIndex, key: string): string | null {
  const node = index.node(key);
  if (!node) return null;
  const viaTargets = (targets: string[]): string | null => {
    const goals = new Set<string>();
    for (const t of targets) {
      const target = index.node(t);
      if (target?.type === 'mål') goals.add(t);
      else if (target?.type === 'fokusområde') for (const g of index.out(t, 'part-of')) if (index.node(g)?.type === 'mål') goals.add(g);
    }
    return [...goals].sort(naturalCompare)[0] ?? null;
  };
  switch (node.type) {
    case 'mål':
      return key;
    case 'fokusområde':
      return viaTargets(index.out(key, 'part-of'));
    case 'aktivitet':
      return viaTargets(index.out(key, 'contributes-to'));
    case 'indikator': {
      const own = viaTargets(index.out(key, 'measures'));
      if (own) return own;
      for (const group of index.out(key, 'member-of')) {
        const g = viaTargets(index.out(group, 'measures'));
        if (g) return g;
      }
      return null;
    }
    default:
      return null;
  }
}

/** Makes NodeRefs for keys of the head and of the base graph; a base node's goal is named by its head key when it has one; a head node with no goal keeps the one it had at the base. */
export interface NodeRefs {
  head(key: string): NodeRef;
  base(key: string): NodeRef;
}

export function nodeRefs(bi: GraphIndex, hi: GraphIndex, toHead: ReadonlyMap<string, string>, toBase: ReadonlyMap<string, string> = new Map()): NodeRefs {
  const ref = (index: GraphIndex, node: GraphNode, side: 'base' | 'head'): NodeRef => {
    let goal = goalOf(index, node.key);
    // A node whose links to its goal no longer resolve (the goal moved, its id changed) stays under the goal it had.
    const before = side === 'head' && goal === null ? toBase.get(node.key) : undefined;
    if (before !== undefined) goal = goalOf(bi, before);
    if (goal !== null && (side === 'base' || before !== undefined)) goal = toHead.get(goal) ?? goal;
    return { key: node.key, type: node.type, id: node.id, title: node.title, file: node.source.file, goal };
  };
  return { head: (key) => ref(hi, hi.node(key)!, 'head'), base: (key) => ref(bi, bi.node(key)!, 'base') };
}

/** Natural order of NodeRefs (and anything with a key) by key. */
export const byKey = (a: { key: string }, b: { key: string }): number => naturalCompare(a.key, b.key);
