// Coverage: which goals realise each principle, and which goals and focus areas have nothing below them.
import type { GraphIndex } from '../graph-index.js';
import type { Coverage } from '../types.js';

/** Coverage facts over the whole graph, every list sorted by key. */
export function deriveCoverage(index: GraphIndex): Coverage {
  const principles = index.ofType('styrprincip').map((p) => ({ node: p.key, goals: index.in(p.key, 'realises') }));
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
