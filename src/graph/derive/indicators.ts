// Indicator series: target and actual per year, trend against last year, target met, and group means with equal weight.
import type { GraphIndex } from '../graph-index.js';
import type { IndicatorPoint, IndicatorSeries } from '../types.js';

/** The actual values of an indicator per year: from its file, then from follow-ups (the period's year). */
export function actualsOf(index: GraphIndex, key: string): Map<number, number> {
  const node = index.nodeOf(key, 'indikator');
  const values = new Map<number, number>();
  for (const [year, v] of Object.entries(node?.fields.utfall ?? {})) values.set(Number(year), v);
  for (const f of index.followUps(key)) if (f.value !== null) values.set(Number(f.period.slice(0, 4)), f.value);
  return values;
}

/** `x` without floating-point noise (rounded to 9 decimals), so 70.2 - 70 is 0.2. */
export function roundNoise(x: number): number {
  return Math.round(x * 1e9) / 1e9;
}

/** Equal-weight mean of the values present; undefined for none. */
export function mean(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  return roundNoise(values.reduce((s, v) => s + v, 0) / values.length);
}

/** The series of every indicator, sorted by key; a group's actual is the mean of its members that have a value that year. */
export function deriveIndicators(index: GraphIndex): IndicatorSeries[] {
  return index.ofType('indikator').map((node) => {
    const members = index.in(node.key, 'member-of');
    const computed = node.fields.beräkning === 'medelvärde';
    let actuals: Map<number, number>;
    if (computed) {
      actuals = new Map();
      const memberValues = members.map((m) => actualsOf(index, m));
      const years = new Set(memberValues.flatMap((m) => [...m.keys()]));
      for (const year of years) {
        const m = mean(memberValues.flatMap((mv) => (mv.has(year) ? [mv.get(year)!] : [])));
        if (m !== undefined) actuals.set(year, m);
      }
      for (const [year, v] of actualsOf(index, node.key)) if (!actuals.has(year)) actuals.set(year, v);
    } else {
      actuals = actualsOf(index, node.key);
    }
    const targets = new Map(Object.entries(node.fields.målvärden ?? {}).map(([y, v]) => [Number(y), v]));
    const higherIsBetter = node.fields.riktning !== 'lägre';
    const years = [...new Set([...actuals.keys(), ...targets.keys()])].sort((a, b) => a - b);
    let previous: number | null = null;
    const points: IndicatorPoint[] = years.map((year) => {
      const actual = actuals.get(year) ?? null;
      const target = targets.get(year) ?? null;
      const change = actual !== null && previous !== null ? roundNoise(actual - previous) : null;
      const trend = change === null ? null : change === 0 ? 'oförändrad' : change > 0 === higherIsBetter ? 'bättre' : 'sämre';
      const targetMet = actual === null || target === null ? null : higherIsBetter ? actual >= target : actual <= target;
      if (actual !== null) previous = actual;
      return { year, target, actual, change, trend, targetMet };
    });
    return { node: node.key, computed, members, points };
  });
}
