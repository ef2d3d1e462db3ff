// Numbers the Swedish way, for every layer that writes one for a reader (the site, the words' counted phrases).

const numberFormats = new Map<number, Intl.NumberFormat>();

/** A number the Swedish way: decimal comma, space between thousands, real minus sign (`1 234,5`, `−2`). */
export function formatNumber(value: number, maxFractionDigits = 2): string {
  let format = numberFormats.get(maxFractionDigits);
  if (!format) {
    format = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: maxFractionDigits, useGrouping: true });
    numberFormats.set(maxFractionDigits, format);
  }
  // Round first so that floating-point noise (0.20000000000000284) never shows.
  const factor = 10 ** maxFractionDigits;
  const rounded = Math.round(value * factor) / factor;
  return format.format(Object.is(rounded, -0) ? 0 : rounded);
}
