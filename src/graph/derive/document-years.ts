// The years each policy and plan covers, as the documents give them: a plan's period, else its validity, else its
// goals' target years; a policy's validity. Nothing is invented: what a document does not give stays unknown.
import type { DocumentYears } from '../types.js';
import type { EdgeIndex } from '../graph-index.js';

/** Where a document's years come from, in the order they are looked for. */
export type DocumentYearsSource = DocumentYears['source'];

const yearOf = (date: string) => Number(date.slice(0, 4));

/**
 * The years of every policy and plan whose documents say anything about them, by document key (sorted):
 * - a plan's `period` (source `period`), else the years of its `giltighet` (`giltighet`), else up to its goals'
 *   latest `målår`, from the year it was adopted when that is known (`målår`; `from` is null otherwise);
 * - a policy's `giltighet` (`giltighet`).
 * A document that gives none of these is left out: its years are unknown.
 */
export function deriveDocumentYears(index: Pick<EdgeIndex, 'ofType' | 'in' | 'node'>): Record<string, DocumentYears> {
  const out: Record<string, DocumentYears> = {};
  for (const policy of index.ofType('policy')) {
    const g = policy.fields.giltighet;
    if (g) out[policy.key] = { from: yearOf(g.från), to: yearOf(g.till), source: 'giltighet' };
  }
  for (const plan of index.ofType('plan')) {
    const { period, giltighet, antagen } = plan.fields;
    if (period) out[plan.key] = { from: period.från, to: period.till, source: 'period' };
    else if (giltighet) out[plan.key] = { from: yearOf(giltighet.från), to: yearOf(giltighet.till), source: 'giltighet' };
    else {
      let latest: number | null = null;
      for (const k of index.in(plan.key, 'part-of')) {
        const goal = index.node(k);
        if (goal?.type === 'mål' && goal.fields.målår !== undefined && (latest === null || goal.fields.målår > latest)) latest = goal.fields.målår;
      }
      if (latest !== null) {
        // Adopted by several organisations on their own dates: the plan runs from the first decision.
        const first = [antagen, ...(plan.fields.beslut ?? []).map((b) => b.antagen)].filter((d): d is string => d !== undefined).sort()[0];
        const adopted = first !== undefined ? yearOf(first) : null;
        out[plan.key] = { from: adopted !== null && adopted <= latest ? adopted : null, to: latest, source: 'målår' };
      }
    }
  }
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** True unless the document's known years exclude `year` (a document whose years are unknown covers every year). */
export function coversYear(years: DocumentYears | undefined, year: number): boolean {
  if (years === undefined) return true;
  return (years.from === null || year >= years.from) && (years.to === null || year <= years.to);
}

/** The years as Swedish text: `2024–2027`, `2001` (one year written once), `till och med 2004`, `från 2019`. */
export function formatYears(years: Pick<DocumentYears, 'from' | 'to'>): string {
  const { from, to } = years;
  if (from !== null && to !== null) return from === to ? String(from) : `${from}–${to}`;
  if (to !== null) return `till och med ${to}`;
  if (from !== null) return `från ${from}`;
  return '';
}
