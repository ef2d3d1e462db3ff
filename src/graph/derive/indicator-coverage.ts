// Indicator coverage: which goals and focus areas no indicator measures. The rule no-indicator and the report's
// "saknar indikator" both read it, so check and the pages never differ. A goal counts as measured when an indicator
// measures it or one of its focus areas, as the report's key indicators do.
import type { EdgeIndex } from '../graph-index.js';

export interface IndicatorCoverage {
  /** Goals that no indicator measures, neither the goal itself nor any of its focus areas (keys, sorted). */
  goals: string[];
  /** Focus areas that no indicator measures (keys, sorted), whatever their goal. */
  focusAreas: string[];
}

/** The focus areas of goal `goal` (nodes that are part of it and of type fokusområde), keys sorted. */
function focusAreasOf(index: EdgeIndex, goal: string): string[] {
  return index.in(goal, 'part-of').filter((k) => index.node(k)?.type === 'fokusområde');
}

/** True when some indicator measures `key` (an indicator's `mäter` names it). */
export function isMeasured(index: EdgeIndex, key: string): boolean {
  return index.in(key, 'measures').length > 0;
}

/** Goals and focus areas without an indicator over the whole graph. */
export function indicatorCoverage(index: EdgeIndex): IndicatorCoverage {
  return {
    goals: index
      .ofType('mål')
      .filter((g) => !isMeasured(index, g.key) && !focusAreasOf(index, g.key).some((fa) => isMeasured(index, fa)))
      .map((g) => g.key),
    focusAreas: index
      .ofType('fokusområde')
      .filter((fa) => !isMeasured(index, fa.key))
      .map((fa) => fa.key),
  };
}
