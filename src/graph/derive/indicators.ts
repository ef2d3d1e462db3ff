// Indicator series: target and actual per year, trend against last year, target met, and group means with equal weight.
import type { GraphIndex } from '../graph-index.js';
import type { FollowUp, GraphNode, IndicatorPoint, IndicatorSeries, NodeOf } from '../types.js';

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

/**
 * The decimals a survey printed its values with: the most any of `values` has as YAML read them (`2.4` → 1; `2.0`
 * reads as 2, so a value printed with a trailing zero counts by its neighbours).
 */
export function printedDecimals(values: readonly number[]): number {
  return Math.max(0, ...values.map((v) => {
    const text = String(v);
    const dot = text.indexOf('.');
    return dot < 0 || /e/i.test(text) ? 0 : text.length - dot - 1;
  }));
}

/** Equal-weight mean of the values present; undefined for none. */
export function mean(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  return roundNoise(values.reduce((s, v) => s + v, 0) / values.length);
}

/**
 * The value of each indicator per year as its group's mean sees it: a question's outcomes; a group's equal-weight mean
 * of its members' values (a member group's own computed mean, so a total over cornerstones is the mean of the
 * cornerstones' unrounded means), or, in a year no member has a value, the value printed in the group's file. A group
 * met again on the way down (a cycle, reported by reference-cycle) counts as having no values.
 */
export function groupValues(index: GraphIndex): (key: string) => { computed: Map<number, number>; printed: Map<number, number> } {
  const memo = new Map<string, { computed: Map<number, number>; printed: Map<number, number> }>();
  const visiting = new Set<string>();
  const valuesOf = (key: string): { computed: Map<number, number>; printed: Map<number, number> } => {
    const known = memo.get(key);
    if (known) return known;
    const node = index.nodeOf(key, 'indikator');
    const printed = actualsOf(index, key);
    if (node?.fields.beräkning !== 'medelvärde' || visiting.has(key)) return { computed: new Map(), printed };
    visiting.add(key);
    const memberValues = index.in(key, 'member-of').map((m) => {
      const v = valuesOf(m);
      const merged = new Map(v.printed);
      for (const [year, x] of v.computed) merged.set(year, x);
      return merged;
    });
    visiting.delete(key);
    const computed = new Map<number, number>();
    const years = [...new Set(memberValues.flatMap((m) => [...m.keys()]))].sort((a, b) => a - b);
    for (const year of years) {
      const m = mean(memberValues.flatMap((mv) => (mv.has(year) ? [mv.get(year)!] : [])));
      if (m !== undefined) computed.set(year, m);
    }
    const result = { computed, printed };
    memo.set(key, result);
    return result;
  };
  return valuesOf;
}

/**
 * The series of every indicator, sorted by key. A group's actual is the value printed in its file for that year when
 * there is one (a survey's printed mean is kept, never replaced), else the equal-weight mean of its members that have
 * a value that year (members may be groups: a total over cornerstones). Where both exist the point also carries the
 * computed mean (`computedMean`), so that the site shows both and group-value-differs-from-mean can compare them.
 */
export function deriveIndicators(index: GraphIndex): IndicatorSeries[] {
  const valuesOf = groupValues(index);
  return index.ofType('indikator').map((node) => {
    const members = index.in(node.key, 'member-of');
    const computed = node.fields.beräkning === 'medelvärde';
    // An indicator that is no group and has no members: its series is read from its fields and follow-ups alone, and
    // when they are the very same objects as last time (check --watch derives after every save) so is the series.
    const followUps = index.followUps(node.key);
    const plain = !computed && members.length === 0;
    const last = plain ? seriesOf.get(node) : undefined;
    if (last !== undefined && last.fields === node.fields && sameItems(last.followUps, followUps)) return last.series;
    const series = seriesFor(node, members, computed, valuesOf);
    if (plain) seriesOf.set(node, { fields: node.fields, followUps, series });
    return series;
  });
}

/** Each plain indicator's series from the last deriveIndicators, with what it was made from. */
const seriesOf = new WeakMap<GraphNode, { fields: GraphNode['fields']; followUps: readonly FollowUp[]; series: IndicatorSeries }>();

/** True when two lists hold the same objects in the same order. */
function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  return a === b || (a.length === b.length && a.every((x, i) => x === b[i]));
}

/** The series of one indicator (see deriveIndicators). */
function seriesFor(node: NodeOf<'indikator'>, members: string[], computed: boolean, valuesOf: ReturnType<typeof groupValues>): IndicatorSeries {
  const { computed: means, printed } = valuesOf(node.key);
  const actuals = new Map(printed);
  if (computed) for (const [year, v] of means) if (!actuals.has(year)) actuals.set(year, v);
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
    const computedMean = computed && printed.has(year) ? means.get(year) : undefined;
    return { year, target, actual, change, trend, targetMet, ...(computedMean !== undefined ? { computedMean } : {}) };
  });
  return { node: node.key, computed, members, points };
}
