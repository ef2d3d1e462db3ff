// The addresses of a plan's follow-up pages: each period's report, the list of follow-ups, the history over
// every period and the comparison of two periods.
import type { SiteModel } from './model.js';
import { PLAN_SEGMENTS } from './addresses.js';

/** The report of a period: `/<plan>/uppfoljning/2026-08/`. */
export function reportUrl(model: SiteModel, plan: string, period: string): string {
  return model.docUrl(plan, `${PLAN_SEGMENTS.followUp}/${period}/`);
}

/** Måluppfyllelse of a period, for the auditors: `/<plan>/uppfoljning/2026-08/maluppfyllelse/`. */
export function goalAttainmentUrl(model: SiteModel, plan: string, period: string): string {
  return model.docUrl(plan, `${PLAN_SEGMENTS.followUp}/${period}/maluppfyllelse/`);
}

export function followUpIndexUrl(model: SiteModel, plan: string): string {
  return model.docUrl(plan, `${PLAN_SEGMENTS.followUp}/`);
}

export function historyUrl(model: SiteModel, plan: string): string {
  return model.docUrl(plan, `${PLAN_SEGMENTS.history}/`);
}

/** The comparison's path segment of two periods: `2025-08-och-2026-08`. */
export function pairSlug(older: string, newer: string): string {
  return `${older}-och-${newer}`;
}

/** Every pair of the plan's periods (older first), newest pair first. */
export function periodPairs(model: SiteModel, plan: string): [string, string][] {
  const periods = model.periods(plan);
  const pairs: [string, string][] = [];
  for (let j = periods.length - 1; j >= 1; j--) for (let i = j - 1; i >= 0; i--) pairs.push([periods[i]!, periods[j]!]);
  return pairs;
}

/** The comparison page of two periods; the latest two are the comparison's own start page. */
export function comparisonUrl(model: SiteModel, plan: string, older?: string, newer?: string): string {
  const latest = periodPairs(model, plan)[0];
  if (older === undefined || newer === undefined || (latest && latest[0] === older && latest[1] === newer)) return model.docUrl(plan, `${PLAN_SEGMENTS.comparison}/`);
  return model.docUrl(plan, `${PLAN_SEGMENTS.comparison}/${pairSlug(older, newer)}/`);
}
