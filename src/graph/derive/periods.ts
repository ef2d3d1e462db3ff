// Periods: which follow-up periods each document has, and the date range of a period.
import type { FollowUp, GraphNode } from '../types.js';

/** The periods with follow-ups per document key, sorted. */
export function derivePeriods(followUps: readonly FollowUp[], nodeOf: (key: string) => GraphNode | undefined): Record<string, string[]> {
  const periods = new Map<string, Set<string>>();
  for (const f of followUps) {
    const node = nodeOf(f.node);
    const doc = node?.document;
    if (!doc) continue;
    const set = periods.get(doc) ?? new Set();
    set.add(f.period);
    periods.set(doc, set);
  }
  const out: Record<string, string[]> = {};
  for (const doc of [...periods.keys()].sort()) out[doc] = [...periods.get(doc)!].sort();
  return out;
}

/** The last day of a period ÅÅÅÅ-MM, as ÅÅÅÅ-MM-DD. */
export function periodEnd(period: string): string {
  const [y, m] = period.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${period}-${String(last).padStart(2, '0')}`;
}
