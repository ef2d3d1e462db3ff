// An indicator's unit as a word that agrees with its number: `1 incident`, `3 incidenter`; units that are no
// word after a number are written the way Swedish writes them: `antal` is left out (`3`), `procent` is `%`
// with a space before it (`45 %`, Språkrådet's Svenska skrivregler), a scale's name is left out (`3`).
import { formatNumber } from '../util/number-format.js';
import { joinSwedish } from './agreement.js';

/** A unit with its singular (after 1) and plural (after any other number, 0 and decimals too). */
export interface UnitWords {
  one: string;
  many: string;
}

/** An indicator's unit: as written in `enhet` (`%`, `kr`, `skala 1–4`), or with its singular from `enhet_singular`. */
export type Unit = string | UnitWords;

/**
 * The unit of an indicator's fields: `{ one: enhet_singular, many: enhet }` when the file gives the singular
 * (`enhet: incidenter`, `enhet_singular: incident`), else `enhet` as written; undefined without one.
 */
export function indicatorUnit(fields: { enhet?: string | undefined; enhet_singular?: string | undefined }): Unit | undefined {
  const many = fields.enhet?.trim();
  if (!many) return undefined;
  const one = fields.enhet_singular?.trim();
  return one ? { one, many } : many;
}

/** The unit as a heading or a fact names it: `incidenter`, `%`, `skala 1–4`; undefined without one. */
export function unitName(unit: Unit | undefined): string | undefined {
  if (unit === undefined) return undefined;
  return typeof unit === 'string' ? unit : unit.many;
}

/** Whether the unit is an ordinal scale (`skala 1–4`), whose values are steps, not amounts. */
export function isScaleUnit(unit: Unit | undefined): boolean {
  const name = unitName(unit);
  return name !== undefined && /^skala\b/i.test(name);
}

/** The unit's word after `value`, or '' where none is written (`antal`, a scale, no unit). */
function unitAfter(value: number, unit: Unit | undefined): string {
  if (unit === undefined || isScaleUnit(unit)) return '';
  if (typeof unit !== 'string') return Math.abs(value) === 1 ? unit.one : unit.many;
  const word = unit.trim();
  if (/^antal$/i.test(word)) return '';
  if (/^procent$/i.test(word)) return '%';
  return word;
}

/**
 * A number with its unit, agreeing with it (Swedish number format, a no-break space before the unit):
 * `1 incident`, `0 incidenter`, `2,5 incidenter`, `45 %` (from `%` or `procent`), `3` (`antal`, or a scale's
 * step), `12 kr`. This is the one function the site and the report use for an indicator's value.
 */
export function quantity(value: number, unit: Unit | undefined): string {
  const n = formatNumber(value);
  const word = unitAfter(value, unit);
  return word ? `${n}\u00a0${word}` : n;
}

/**
 * Several values of one unit as a Swedish list with the unit once, after the last, in the plural (the unit
 * counts several values): `41, 52, 61 och 82 %`, `9 och 7 incidenter`, `1 och 1 incidenter`; numbers with a
 * decimal comma apart by semicolons, `1,5; 2,25 och 3,5`; a single value as `quantity` writes it.
 */
export function quantities(values: readonly number[], unit: Unit | undefined): string {
  if (values.length === 0) return '';
  if (values.length === 1) return quantity(values[0]!, unit);
  const numbers = values.map((v) => formatNumber(v));
  // With a decimal comma in any of them, semicolons keep the numbers apart (Svenska skrivregler): 1,5; 2,25 och 3.
  const list = numbers.some((n) => n.includes(',')) ? `${numbers.slice(0, -1).join('; ')} och ${numbers[numbers.length - 1]}` : joinSwedish(numbers);
  const word = unitAfter(2, unit);
  return word ? `${list}\u00a0${word}` : list;
}
