// "Menade du …?" for words typed without å, ä and ö (a keyboard or a habit without them).
import { describe, expect, it } from 'vitest';
import { closest } from '../../src/util/suggest.js';

const STATUSES = ['ej påbörjad', 'pågår', 'klar', 'försenad', 'pausad', 'avbruten'];

describe('closest', () => {
  it('finds the word whose letters are the same but for å, ä and ö, however many there are', () => {
    expect(closest('pagar', STATUSES)).toBe('pågår');
    expect(closest('ej paborjad', STATUSES)).toBe('ej påbörjad');
    expect(closest('Forsenad', STATUSES)).toBe('försenad');
    expect(closest('mal', ['mål', 'plan', 'policy'])).toBe('mål');
    expect(closest('fokusomrade', ['fokusområde', 'aktivitet'])).toBe('fokusområde');
  });

  it('still gives no suggestion for a word that is not near any', () => {
    expect(closest('ok', STATUSES)).toBeUndefined();
    expect(closest('xyzzy', STATUSES)).toBeUndefined();
  });

  it('reads its candidates once, so a generator works', () => {
    function* ids() {
      yield* ['FO1.1', 'FO1.2', 'mål'];
    }
    expect(closest('FO1.3', ids())).toBe('FO1.1');
    expect(closest('mal', ids())).toBe('mål');
  });
});
