// One natural order for the diff, the site and the command line.
import { describe, expect, it } from 'vitest';
import { naturalCompare } from '../../src/util/natural-compare.js';

describe('naturalCompare', () => {
  it('orders numbers in ids by value and å ä ö after z', () => {
    expect(['FO2.10', 'A10', 'FO2.2', 'A9', 'Översyn', 'Ärende', 'Åtgärd', 'Zon'].sort(naturalCompare)).toEqual(['A9', 'A10', 'FO2.2', 'FO2.10', 'Zon', 'Åtgärd', 'Ärende', 'Översyn']);
  });

  it('compares letters before case and accents, lower case first, and never calls two different strings equal', () => {
    expect(['Ébc', 'ebc', 'ébc', 'Ebc', 'abd'].sort(naturalCompare)).toEqual(['abd', 'ebc', 'Ebc', 'ébc', 'Ébc']);
    expect(['IT-enheten', 'it-enheten'].sort(naturalCompare)).toEqual(['it-enheten', 'IT-enheten']);
    // Canonically equivalent spellings (é as one code point or e + combining accent) still get an order.
    expect(naturalCompare('\u00e9', 'e\u0301')).not.toBe(0);
    expect(naturalCompare('A2', 'A2')).toBe(0);
  });
});
