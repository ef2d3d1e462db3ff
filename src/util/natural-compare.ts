// Natural order of ids, names and titles, the Swedish way: one comparison for the diff, the site and the CLI.

// Made when first used: loading ICU's Swedish collation takes milliseconds that `sparbar check` does not need.
let collator: Intl.Collator | undefined;

/**
 * Compares two strings in Swedish natural order (Unicode collation, CLDR's Swedish tailoring): digits by
 * their value (FO2.3 before FO2.10, A9 before A10), å ä ö after z, letters before case and accents
 * (`ebc Ebc ébc Ébc`: lower case before upper, plain before accented), and strings the collation finds equal
 * (canonically equivalent ones) by code point, so that no two different strings compare as 0.
 */
export function naturalCompare(a: string, b: string): number {
  collator ??= new Intl.Collator('sv', { numeric: true, sensitivity: 'variant' });
  return collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}
