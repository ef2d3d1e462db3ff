// Swedish dates, numbers and budgets as the decision document prints them ("14 februari 2024", "4,5 Mkr
// investering"). The document sits below the site, so it has its own few lines instead of the site's.

const MONTHS = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'];
const NUMBER = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 2, useGrouping: true });

/** `2023-11-27` → `27 november 2023`; anything else is returned as it is. */
export function swedishDate(date: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const month = m ? MONTHS[Number(m[2]) - 1] : undefined;
  return m && month ? `${Number(m[3])} ${month} ${m[1]}` : date;
}

/** A number the Swedish way: decimal comma, space between thousands (`1 234,5`). */
export function swedishNumber(value: number): string {
  return NUMBER.format(value);
}

/** A budget from node fields as `4,5 Mkr investering` (`250 tkr drift (2024)`), or '' when there is none. */
export function budgetText(value: unknown): string {
  if (typeof value !== 'object' || value === null) return '';
  const b = value as Record<string, unknown>;
  if (typeof b['belopp'] !== 'number' || typeof b['enhet'] !== 'string') return '';
  const kind = typeof b['slag'] === 'string' ? ` ${b['slag']}` : '';
  const year = typeof b['år'] === 'number' ? ` (${b['år']})` : '';
  return `${swedishNumber(b['belopp'])}\u00a0${b['enhet']}${kind}${year}`;
}
