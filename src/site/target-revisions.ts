// A revised target: the values a year's target had before the plan was revised, from the indicator's
// `reviderade_målvärden`, so that the chart and the tables show old → new in numbers and words.
import type { NodeOf } from '../graph/types.js';

/** One year's target with the values it had before: `earlier` oldest first (dated ones by date), `current` from målvärden. */
export interface RevisedTarget {
  year: number;
  earlier: number[];
  current: number;
  /** The latest change's date (ÅÅÅÅ-MM-DD) and decision, when the file gives them. */
  date?: string;
  decision?: string;
  /** `höjt` or `sänkt`: from the last earlier value to the current. */
  change: 'höjt' | 'sänkt';
}

/**
 * The revised targets of an indicator by year. A revision of a year without a current target, or whose old value is
 * the current one, is left out (nothing to show as changed).
 */
export function revisedTargets(fields: NodeOf<'indikator'>['fields']): Map<number, RevisedTarget> {
  const out = new Map<number, RevisedTarget>();
  const byYear = new Map<number, NonNullable<typeof fields.reviderade_målvärden>>();
  for (const r of fields.reviderade_målvärden ?? []) byYear.set(r.år, [...(byYear.get(r.år) ?? []), r]);
  for (const [year, revisions] of [...byYear].sort((a, b) => a[0] - b[0])) {
    const current = fields.målvärden?.[String(year)];
    if (current === undefined) continue;
    // Undated revisions keep their written order, before the dated ones.
    const ordered = revisions.map((r, i) => ({ r, i })).sort((a, b) => (a.r.datum ?? '').localeCompare(b.r.datum ?? '') || a.i - b.i).map((x) => x.r);
    const last = ordered[ordered.length - 1]!;
    if (last.från === current) continue;
    out.set(year, {
      year,
      earlier: ordered.map((r) => r.från),
      current,
      ...(last.datum ? { date: last.datum } : {}),
      ...(last.beslut ? { decision: last.beslut } : {}),
      change: current > last.från ? 'höjt' : 'sänkt',
    });
  }
  return out;
}
