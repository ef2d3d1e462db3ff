// Swedish formatting for the site and its exports: numbers, dates, periods, money, the order and CSS names of
// states. The interface's words are in src/words/.
import type { ActionStatus, Assessment } from '../graph/types.js';
import { formatNumber } from '../util/number-format.js';
import { isScaleUnit, quantity, type Unit, unitName } from '../words/units.js';

export { formatNumber };

const MONTHS = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'];

/** A change with its sign: `+11`, `−2,5`, `±0`. */
export function formatChange(value: number, maxFractionDigits = 2): string {
  const factor = 10 ** maxFractionDigits;
  const rounded = Math.round(value * factor) / factor;
  if (rounded === 0) return '±0';
  return rounded > 0 ? `+${formatNumber(rounded, maxFractionDigits)}` : formatNumber(rounded, maxFractionDigits);
}

/** A value with its unit, agreeing with it: `82 %`, `1 incident`, `3 incidenter`, `3` (antal); on a scale the scale's name in brackets, `3,5 (skala 1–4)`. */
export function formatValue(value: number, unit: Unit | undefined): string {
  return isScaleUnit(unit) ? `${formatNumber(value)} (${unitName(unit)})` : quantity(value, unit);
}

/** A number with exactly `decimals` decimals, as a survey prints it: `2,0`, `2,6`. */
export function formatDecimals(value: number, decimals: number): string {
  return new Intl.NumberFormat('sv-SE', { minimumFractionDigits: decimals, maximumFractionDigits: decimals, useGrouping: true }).format(value);
}

/** `2023-11-27` → `27 november 2023`; anything else is returned as it is. */
export function formatDate(date: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return date;
  const month = MONTHS[Number(m[2]) - 1];
  return month ? `${Number(m[3])} ${month} ${m[1]}` : date;
}

/** A follow-up period `2026-08` → `augusti 2026`. */
export function formatPeriod(period: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(period);
  if (!m) return period;
  const month = MONTHS[Number(m[2]) - 1];
  return month ? `${month} ${m[1]}` : period;
}

export interface Budget {
  belopp: number;
  enhet: string;
  /** investering or drift; undefined when the plan does not say. */
  slag?: string;
  år?: number;
}

/** Reads a budget from node fields, or null when it is missing or malformed. */
export function readBudget(value: unknown): Budget | null {
  if (typeof value !== 'object' || value === null) return null;
  const b = value as Record<string, unknown>;
  if (typeof b.belopp !== 'number' || typeof b.enhet !== 'string') return null;
  return { belopp: b.belopp, enhet: b.enhet, ...(typeof b.slag === 'string' ? { slag: b.slag } : {}), ...(typeof b.år === 'number' ? { år: b.år } : {}) };
}

/** What a budget whose kind (investering or drift) the plan does not give is called. */
export const UNKNOWN_KIND = 'slag ej angivet';

/** `6 Mkr investering`, `350 tkr drift (2025)`, `2 Mkr slag ej angivet`. */
export function formatBudget(budget: Budget): string {
  return `${formatNumber(budget.belopp)}\u00a0${budget.enhet} ${budget.slag ?? UNKNOWN_KIND}${budget.år !== undefined ? ` (${budget.år})` : ''}`;
}

export const ACTION_STATUSES: readonly ActionStatus[] = ['klar', 'pågår', 'ej påbörjad', 'försenad', 'pausad', 'avbruten'];
export const ASSESSMENTS: readonly Assessment[] = ['uppfyllt', 'delvis uppfyllt', 'ej uppfyllt'];

/** A CSS-safe name for a state: `ej påbörjad` → `ej-paborjad`. */
export function stateClass(state: string): string {
  return state
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-');
}
