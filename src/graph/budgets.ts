// Money as a node states it (schemas/budget.ts), read into lines of one year each, and added up per year, per
// requested/allocated and per kind, exactly: kr, tkr and Mkr are converted in whole öre (integers), so 4,5 Mkr and
// 350 tkr make 4,85 Mkr and never 4,8499999. A range stays a range: its low and high ends are added up apart.
import { formatNumber } from '../util/number-format.js';

/** The units a budget is written in, with their size in öre (1 kr = 100 öre). */
const ORE: Readonly<Record<string, number>> = { kr: 100, tkr: 100_000, Mkr: 100_000_000 };
/** Units from the largest down, for choosing the unit a sum is written in. */
const UNITS_DOWN = ['Mkr', 'tkr', 'kr'] as const;

/** One budget as written, after reading: the money per year (`year` null when the budget names no year). */
export interface BudgetLine {
  year: number | null;
  /** Low and high end in öre; equal unless the budget is a range. */
  low: number;
  high: number;
  /** kr, tkr or Mkr, as written. */
  unit: string;
  /** investering or drift, or null when the plan does not say. */
  kind: string | null;
  /** begärd or beviljad, or null when the plan does not say. */
  stage: string | null;
}

/** One budget as the node writes it, for showing it as written. */
export interface StatedBudget {
  unit: string;
  kind: string | null;
  stage: string | null;
  /** Per year (year null for no year), each with its low and high end in the budget's own unit. */
  amounts: { year: number | null; low: number; high: number }[];
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function readOne(value: unknown): StatedBudget | null {
  if (!isRecord(value) || typeof value.enhet !== 'string' || ORE[value.enhet] === undefined) return null;
  const kind = typeof value.slag === 'string' ? value.slag : null;
  const stage = typeof value.läge === 'string' ? value.läge : null;
  const year = typeof value.år === 'number' ? value.år : null;
  const amounts: StatedBudget['amounts'] = [];
  if (typeof value.belopp === 'number') amounts.push({ year, low: value.belopp, high: value.belopp });
  else if (isRecord(value.intervall) && typeof value.intervall.från === 'number' && typeof value.intervall.till === 'number') {
    amounts.push({ year, low: value.intervall.från, high: value.intervall.till });
  } else if (isRecord(value.per_år)) {
    for (const [y, v] of Object.entries(value.per_år).sort((a, b) => Number(a[0]) - Number(b[0]))) {
      if (typeof v === 'number') amounts.push({ year: Number(y), low: v, high: v });
    }
  }
  return amounts.length > 0 ? { unit: value.enhet, kind, stage, amounts } : null;
}

/** The budgets a node's fields state (`budget`, then each of `budgetar`), skipping malformed ones. */
export function statedBudgets(nodeFields: object): StatedBudget[] {
  const fields = nodeFields as { budget?: unknown; budgetar?: unknown };
  const out: StatedBudget[] = [];
  const one = readOne(fields.budget);
  if (one) out.push(one);
  if (Array.isArray(fields.budgetar)) for (const b of fields.budgetar) {
    const read = readOne(b);
    if (read) out.push(read);
  }
  return out;
}

/** An amount in a unit, in whole öre. */
function toOre(amount: number, unit: string): number {
  return Math.round(amount * (ORE[unit] ?? 100));
}

/** The lines (one per year and budget) of the budgets a node states. */
export function budgetLines(fields: object): BudgetLine[] {
  return statedBudgets(fields).flatMap((b) => b.amounts.map((a) => ({ year: a.year, low: toOre(a.low, b.unit), high: toOre(a.high, b.unit), unit: b.unit, kind: b.kind, stage: b.stage })));
}

/** The sum of some lines that share a year, a stage and a kind. */
export interface BudgetSumCell {
  year: number | null;
  stage: string | null;
  kind: string | null;
  low: number;
  high: number;
  /** The largest unit among the lines added up: the sum is written in it. */
  unit: string;
  /** How many lines were added up. */
  count: number;
}

/** The order a stage is shown in: beviljad, begärd, then not given. */
const STAGE_ORDER = ['beviljad', 'begärd', null];
const KIND_ORDER = ['investering', 'drift', null];

/**
 * The lines added up per year, stage (beviljad, begärd, not given) and kind (investering, drift, not given): one
 * cell per combination that has money, sorted by year (no year last), stage and kind. Amounts are added in whole
 * öre; a range's ends are added apart. Never adds up across years, stages or kinds.
 */
export function sumBudgetLines(lines: readonly BudgetLine[]): BudgetSumCell[] {
  const cells = new Map<string, BudgetSumCell>();
  for (const l of lines) {
    const key = `${l.year}|${l.stage}|${l.kind}`;
    const cell = cells.get(key) ?? { year: l.year, stage: l.stage, kind: l.kind, low: 0, high: 0, unit: l.unit, count: 0 };
    cell.low += l.low;
    cell.high += l.high;
    cell.count++;
    if (UNITS_DOWN.indexOf(l.unit as (typeof UNITS_DOWN)[number]) < UNITS_DOWN.indexOf(cell.unit as (typeof UNITS_DOWN)[number])) cell.unit = l.unit;
    cells.set(key, cell);
  }
  const yearOrder = (y: number | null) => (y === null ? Number.POSITIVE_INFINITY : y);
  return [...cells.values()].sort(
    (a, b) => yearOrder(a.year) - yearOrder(b.year) || STAGE_ORDER.indexOf(a.stage) - STAGE_ORDER.indexOf(b.stage) || KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind),
  );
}

/** An amount in öre written exactly in `unit`: `4,85 Mkr`, `350 tkr`, `1 250 000 kr`. */
export function formatOre(ore: number, unit: string): string {
  const factor = ORE[unit] ?? 100;
  // As many decimals as the amount needs in this unit (at most the öre), so the sum is exact.
  const decimals = Math.round(Math.log10(factor));
  return `${formatNumber(ore / factor, decimals)}\u00a0${unit}`;
}

/** A sum's amount: `4,85 Mkr`, or a range `295–375 Mkr` when some line was a range. */
export function formatSumAmount(cell: { low: number; high: number; unit: string }): string {
  if (cell.low === cell.high) return formatOre(cell.low, cell.unit);
  const factor = ORE[cell.unit] ?? 100;
  const decimals = Math.round(Math.log10(factor));
  return `${formatNumber(cell.low / factor, decimals)}–${formatOre(cell.high, cell.unit)}`;
}

/** One stated budget in words: `5 Mkr om året 2016–2018, drift, beviljad`, `290–370 Mkr (2024), slag ej angivet` (the kind left out when `unknownKind` is empty). */
export function formatStatedBudget(b: StatedBudget, unknownKind: string): string {
  const amount = (low: number, high: number) => (low === high ? `${formatNumber(low, 6)}\u00a0${b.unit}` : `${formatNumber(low, 6)}–${formatNumber(high, 6)}\u00a0${b.unit}`);
  const years = b.amounts.map((a) => a.year);
  const same = b.amounts.every((a) => a.low === b.amounts[0]!.low && a.high === b.amounts[0]!.high);
  const consecutive = years.every((y, i) => y !== null && (i === 0 || y === years[i - 1]! + 1));
  let money: string;
  if (b.amounts.length === 1) {
    const a = b.amounts[0]!;
    money = `${amount(a.low, a.high)}${a.year !== null ? ` (${a.year})` : ''}`;
  } else if (same && consecutive) {
    const a = b.amounts[0]!;
    money = `${amount(a.low, a.high)} om året ${years[0]}–${years[years.length - 1]}`;
  } else {
    money = b.amounts.map((a) => `${a.year}: ${amount(a.low, a.high)}`).join(', ');
  }
  return [money, b.kind ?? unknownKind, b.stage ?? ''].filter((part) => part !== '').join(', ');
}
