// Coverage: which goals realise each principle, and which goals and focus areas have nothing below them.
import type { GraphIndex } from '../graph-index.js';
import type { Coverage } from '../types.js';

/**
 * The goals that realise a principle (sorted keys): those that name it or one of its sub-points in `styrprinciper`,
 * and the goals of focus areas that name it or one of its sub-points. The same for an area: the goals that name it.
 */
export function goalsRealising(index: GraphIndex, principle: string): string[] {
  const targets = [principle, ...index.in(principle, 'part-of').filter((k) => index.node(k)?.type === 'underpunkt')];
  const goals = new Set<string>();
  for (const target of targets) {
    for (const from of index.in(target, 'realises')) {
      const node = index.node(from);
      if (node?.type === 'mål') goals.add(from);
      else if (node?.type === 'fokusområde') for (const g of index.out(from, 'part-of')) if (index.node(g)?.type === 'mål') goals.add(g);
    }
  }
  return [...goals].sort();
}

/** Coverage facts over the whole graph, every list sorted by key. */
export function deriveCoverage(index: GraphIndex): Coverage {
  const principles = index.ofType('styrprincip').map((p) => ({ node: p.key, goals: goalsRealising(index, p.key) }));
  return {
    principles,
    uncoveredPrinciples: principles.filter((p) => p.goals.length === 0).map((p) => p.node),
    goalsWithoutFocusAreas: index
      .ofType('mål')
      .filter((g) => index.in(g.key, 'part-of').filter((k) => index.node(k)?.type === 'fokusområde').length === 0)
      .map((g) => g.key),
    focusAreasWithoutActions: index
      .ofType('fokusområde')
      .filter((f) => index.in(f.key, 'contributes-to').length === 0)
      .map((f) => f.key),
  };
}
