// Every counted phrase and sentence the site writes (src/words/), rendered with 0, 1 and 2, with the forms
// Swedish asks for; the sentences that start with an adverbial have the verb second (V2).
import { describe, expect, it } from 'vitest';
import { ADJECTIVES, NOUNS, agree, counted, countedWith } from '../../src/words/agreement.js';
import { NODE_WORDS, countedAdjective } from '../../src/words/nodes.js';
import { indicatorUnit, isScaleUnit, quantities, quantity, unitName } from '../../src/words/units.js';
import { sparklineText } from '../../src/site/chart.js';
import { formatValue } from '../../src/site/format.js';
import { ASSESSMENT_WORDS, STATUS_WORDS, actionsShare, afterAdverbial, allActionsDone, assessmentCount, budgetShare, changesSince, statusCount, statusWord } from '../../src/words/sentences.js';

const ZERO_ONE_TWO = [0, 1, 2] as const;
const each = (f: (n: number) => string) => ZERO_ONE_TWO.map(f);

describe('counted nouns', () => {
  it('every node type and counted noun: plural for 0 and 2, singular for 1', () => {
    const expected: Record<string, [string, string, string]> = {
      organisation: ['0 organisationer', '1 organisation', '2 organisationer'],
      policy: ['0 policyer', '1 policy', '2 policyer'],
      område: ['0 områden', '1 område', '2 områden'],
      styrprincip: ['0 styrprinciper', '1 styrprincip', '2 styrprinciper'],
      underpunkt: ['0 delpunkter', '1 delpunkt', '2 delpunkter'],
      effektmål: ['0 effektmål', '1 effektmål', '2 effektmål'],
      framgångsfaktor: ['0 kritiska framgångsfaktorer', '1 kritisk framgångsfaktor', '2 kritiska framgångsfaktorer'],
      plan: ['0 planer', '1 plan', '2 planer'],
      mål: ['0 mål', '1 mål', '2 mål'],
      fokusområde: ['0 fokusområden', '1 fokusområde', '2 fokusområden'],
      aktivitet: ['0 aktiviteter', '1 aktivitet', '2 aktiviteter'],
      indikator: ['0 indikatorer', '1 indikator', '2 indikatorer'],
    };
    for (const [type, forms] of Object.entries(NODE_WORDS)) expect(each((n) => counted(n, forms)), type).toEqual(expected[type]);
    expect(each((n) => counted(n, NOUNS.ändring))).toEqual(['0 ändringar', '1 ändring', '2 ändringar']);
    expect(each((n) => counted(n, NOUNS.uppföljning))).toEqual(['0 uppföljningar', '1 uppföljning', '2 uppföljningar']);
    expect(each((n) => counted(n, NOUNS.person))).toEqual(['0 personer', '1 person', '2 personer']);
    expect(each((n) => counted(n, NOUNS['mål eller fokusområde']))).toEqual(['0 mål och fokusområden', '1 mål eller fokusområde', '2 mål och fokusområden']);
  });

  it('every adjective with an en-word, an ett-word and in the plural', () => {
    const rows = Object.entries(ADJECTIVES).map(([k, a]) => [k, countedWith(1, a, NODE_WORDS.aktivitet), countedWith(1, a, NODE_WORDS.mål), countedWith(0, a, NODE_WORDS.mål), countedWith(2, a, NODE_WORDS.aktivitet)]);
    expect(rows).toEqual([
      ['ny', '1 ny aktivitet', '1 nytt mål', '0 nya mål', '2 nya aktiviteter'],
      ['ändrad', '1 ändrad aktivitet', '1 ändrat mål', '0 ändrade mål', '2 ändrade aktiviteter'],
      ['borttagen', '1 borttagen aktivitet', '1 borttaget mål', '0 borttagna mål', '2 borttagna aktiviteter'],
      ['tillagd', '1 tillagd aktivitet', '1 tillagt mål', '0 tillagda mål', '2 tillagda aktiviteter'],
      ['flyttad', '1 flyttad aktivitet', '1 flyttat mål', '0 flyttade mål', '2 flyttade aktiviteter'],
      ['klar', '1 klar aktivitet', '1 klart mål', '0 klara mål', '2 klara aktiviteter'],
      ['försenad', '1 försenad aktivitet', '1 försenat mål', '0 försenade mål', '2 försenade aktiviteter'],
      ['ej påbörjad', '1 ej påbörjad aktivitet', '1 ej påbörjat mål', '0 ej påbörjade mål', '2 ej påbörjade aktiviteter'],
      ['uppfylld', '1 uppfylld aktivitet', '1 uppfyllt mål', '0 uppfyllda mål', '2 uppfyllda aktiviteter'],
      ['delvis uppfylld', '1 delvis uppfylld aktivitet', '1 delvis uppfyllt mål', '0 delvis uppfyllda mål', '2 delvis uppfyllda aktiviteter'],
      ['ej uppfylld', '1 ej uppfylld aktivitet', '1 ej uppfyllt mål', '0 ej uppfyllda mål', '2 ej uppfyllda aktiviteter'],
      ['bedömd', '1 bedömd aktivitet', '1 bedömt mål', '0 bedömda mål', '2 bedömda aktiviteter'],
      ['ej bedömd', '1 ej bedömd aktivitet', '1 ej bedömt mål', '0 ej bedömda mål', '2 ej bedömda aktiviteter'],
      ['ej inlämnad', '1 ej inlämnad aktivitet', '1 ej inlämnat mål', '0 ej inlämnade mål', '2 ej inlämnade aktiviteter'],
      ['ifylld', '1 ifylld aktivitet', '1 ifyllt mål', '0 ifyllda mål', '2 ifyllda aktiviteter'],
    ]);
    expect(each((n) => countedAdjective('ny', 'fokusområde', n))).toEqual(['nya fokusområden', 'nytt fokusområde', 'nya fokusområden']);
  });
});

describe('status and assessment counts', () => {
  it('counts actions per status: 1 klar, 2 klara, and pågår as it is', () => {
    const rows = Object.keys(STATUS_WORDS).map((s) => each((n) => statusCount(n, s as keyof typeof STATUS_WORDS)));
    expect(rows).toEqual([
      ['0 ej påbörjade', '1 ej påbörjad', '2 ej påbörjade'],
      ['0 pågår', '1 pågår', '2 pågår'],
      ['0 klara', '1 klar', '2 klara'],
      ['0 försenade', '1 försenad', '2 försenade'],
      ['0 pausade', '1 pausad', '2 pausade'],
      ['0 avbrutna', '1 avbruten', '2 avbrutna'],
    ]);
    expect(each((n) => statusWord(n, 'klar'))).toEqual(['klara', 'klar', 'klara']);
  });

  it('counts goals and focus areas per assessment, the adjective agreeing with the noun: 1 uppfyllt mål, 3 uppfyllda mål', () => {
    const goals = Object.keys(ASSESSMENT_WORDS).map((a) => each((n) => assessmentCount(n, a as keyof typeof ASSESSMENT_WORDS, NODE_WORDS.mål)));
    expect(goals).toEqual([
      ['0 uppfyllda mål', '1 uppfyllt mål', '2 uppfyllda mål'],
      ['0 delvis uppfyllda mål', '1 delvis uppfyllt mål', '2 delvis uppfyllda mål'],
      ['0 ej uppfyllda mål', '1 ej uppfyllt mål', '2 ej uppfyllda mål'],
      ['0 ej bedömda mål', '1 ej bedömt mål', '2 ej bedömda mål'],
      ['0 ej inlämnade mål', '1 ej inlämnat mål', '2 ej inlämnade mål'],
    ]);
    expect(each((n) => assessmentCount(n, 'delvis uppfyllt', NODE_WORDS.fokusområde))).toEqual(['0 delvis uppfyllda fokusområden', '1 delvis uppfyllt fokusområde', '2 delvis uppfyllda fokusområden']);
    expect(each((n) => assessmentCount(n, 'uppfyllt', NODE_WORDS.styrprincip))).toEqual(['0 uppfyllda styrprinciper', '1 uppfylld styrprincip', '2 uppfyllda styrprinciper']);
    // Where the column names the noun, the adjective still agrees with it.
    expect(each((n) => assessmentCount(n, 'uppfyllt', NODE_WORDS.fokusområde, false))).toEqual(['0 uppfyllda', '1 uppfyllt', '2 uppfyllda']);
    expect(each((n) => assessmentCount(n, 'saknas', NODE_WORDS.fokusområde, false))).toEqual(['0 ej bedömda', '1 ej bedömt', '2 ej bedömda']);
    expect(each((n) => assessmentCount(n, 'ej inlämnad', NODE_WORDS.fokusområde, false))).toEqual(['0 ej inlämnade', '1 ej inlämnat', '2 ej inlämnade']);
  });

  it('says how many actions have a budget, the noun agreeing with the total', () => {
    expect(each((total) => budgetShare(Math.min(1, total), total))).toEqual(['0 av 0 aktiviteter har en budget', '1 av 1 aktivitet har en budget', '1 av 2 aktiviteter har en budget']);
  });

  it('says how many of the actions are done or behind, the noun agreeing with the total and the adjective with the part', () => {
    expect(each((total) => actionsShare(total, total, [ADJECTIVES.klar]))).toEqual(['0 av 0 aktiviteter klara', '1 av 1 aktivitet klar', '2 av 2 aktiviteter klara']);
    expect(each((part) => actionsShare(part, 3, [ADJECTIVES['ej påbörjad'], ADJECTIVES.försenad], 'är'))).toEqual([
      '0 av 3 aktiviteter är ej påbörjade eller försenade',
      '1 av 3 aktiviteter är ej påbörjad eller försenad',
      '2 av 3 aktiviteter är ej påbörjade eller försenade',
    ]);
    expect([1, 2].map((total) => actionsShare(0, total, [ADJECTIVES.klar]))).toEqual(['0 av 1 aktivitet klar', '0 av 2 aktiviteter klara']);
    expect([1, 2].map(allActionsDone)).toEqual(['den enda aktiviteten är klar', 'alla 2 aktiviteter är klara']);
  });
});

describe("an indicator's unit with its number", () => {
  const incidents = indicatorUnit({ enhet: 'incidenter', enhet_singular: 'incident' });
  const nbsp = (text: string) => text.replace(/ /g, '\u00a0');

  it('gives a unit with its singular and plural the form its number asks for', () => {
    expect(incidents).toEqual({ one: 'incident', many: 'incidenter' });
    expect(each((n) => quantity(n, incidents))).toEqual(['0 incidenter', '1 incident', '2 incidenter'].map(nbsp));
    expect(quantity(1.5, incidents)).toBe(nbsp('1,5 incidenter'));
    expect(quantity(-1, incidents)).toBe(nbsp('−1 incident'));
    expect(unitName(incidents)).toBe('incidenter');
  });

  it('writes antal as the bare number, procent as %, and other units as written', () => {
    expect(each((n) => quantity(n, 'antal'))).toEqual(['0', '1', '2']);
    expect(each((n) => quantity(n, 'Antal'))).toEqual(['0', '1', '2']);
    expect(each((n) => quantity(n, 'procent'))).toEqual(['0 %', '1 %', '2 %'].map(nbsp));
    expect(each((n) => quantity(n, '%'))).toEqual(['0 %', '1 %', '2 %'].map(nbsp));
    expect(quantity(45.5, '% av maxpoäng')).toBe('45,5\u00a0% av maxpoäng');
    expect(each((n) => quantity(n, 'kr'))).toEqual(['0 kr', '1 kr', '2 kr'].map(nbsp));
    expect(quantity(1234, undefined)).toBe('1\u00a0234');
    // The plain form stays as the file gives it, with or without the singular key.
    expect(indicatorUnit({ enhet: 'procent' })).toBe('procent');
    expect(indicatorUnit({ enhet: 'procent', enhet_singular: ' ' })).toBe('procent');
  });

  it("leaves a scale's name out of the number, and names it where the scale is not said beside it", () => {
    expect(isScaleUnit('skala 1–4')).toBe(true);
    expect(isScaleUnit(incidents)).toBe(false);
    expect(each((n) => quantity(n, 'skala 1–4'))).toEqual(['0', '1', '2']);
    expect(formatValue(3.5, 'skala 1–4')).toBe('3,5 (skala 1–4)');
    expect(each((n) => formatValue(n, incidents))).toEqual(['0 incidenter', '1 incident', '2 incidenter'].map(nbsp));
  });

  it('lists several values with the unit once, in the plural', () => {
    expect(quantities([], incidents)).toBe('');
    expect(each((n) => quantities([n], incidents))).toEqual(['0 incidenter', '1 incident', '2 incidenter'].map(nbsp));
    expect(quantities([9, 7, 1], incidents)).toBe('9, 7 och 1\u00a0incidenter');
    expect(quantities([41, 52, 61, 82], '%')).toBe('41, 52, 61 och 82\u00a0%');
    expect(quantities([9, 7], 'antal')).toBe('9 och 7');
    // Decimal commas would run into the list's commas: semicolons keep the numbers apart.
    expect(quantities([1.5, 2.25, 2.75, 3.5], 'skala 1–4')).toBe('1,5; 2,25; 2,75 och 3,5');
    expect(quantities([99.3, 99.86], '%')).toBe('99,3 och 99,86\u00a0%');
    const points = (values: number[]) => values.map((actual, i) => ({ year: 2023 + i, target: null, actual }));
    expect(each((n) => sparklineText(points([2, n]), incidents))).toEqual(['0', '1', '2'].map((n) => `Utfall 2023–2024: 2 och ${n}\u00a0incidenter`));
  });
});

describe('sentences with the verb second (V2)', () => {
  it('puts the verb before the subject after a leading adverbial, and leaves the following clauses as they are', () => {
    expect(afterAdverbial('sedan augusti 2025', [{ subject: '14 aktiviteter', verb: 'har', rest: 'blivit klara' }])).toBe('Sedan augusti 2025 har 14 aktiviteter blivit klara.');
    expect(
      afterAdverbial('vid uppföljningen', [
        { subject: '2 mål', verb: 'är', rest: 'uppfyllda' },
        { subject: '1 aktivitet', verb: 'har', rest: 'avbrutits' },
      ]),
    ).toBe('Vid uppföljningen är 2 mål uppfyllda och 1 aktivitet har avbrutits.');
  });

  it("writes the report's changes since the last follow-up with 0, 1 and 2 of each kind", () => {
    const none = { finished: 0, added: 0, cancelled: 0, late: 0, reassessed: 0 };
    expect(changesSince('augusti 2025', none)).toBe('Inget har ändrats sedan augusti 2025.');
    expect(each((n) => changesSince('augusti 2025', { ...none, finished: n }))).toEqual([
      'Inget har ändrats sedan augusti 2025.',
      'Sedan augusti 2025 har 1 aktivitet blivit klar.',
      'Sedan augusti 2025 har 2 aktiviteter blivit klara.',
    ]);
    expect(each((n) => changesSince('augusti 2025', { ...none, added: n }))).toEqual(['Inget har ändrats sedan augusti 2025.', 'Sedan augusti 2025 har 1 aktivitet tillkommit.', 'Sedan augusti 2025 har 2 aktiviteter tillkommit.']);
    expect(each((n) => changesSince('augusti 2025', { ...none, cancelled: n }))).toEqual(['Inget har ändrats sedan augusti 2025.', 'Sedan augusti 2025 har 1 aktivitet avbrutits.', 'Sedan augusti 2025 har 2 aktiviteter avbrutits.']);
    expect(each((n) => changesSince('augusti 2025', { ...none, late: n }))).toEqual(['Inget har ändrats sedan augusti 2025.', 'Sedan augusti 2025 är 1 aktivitet försenad.', 'Sedan augusti 2025 är 2 aktiviteter försenade.']);
    expect(each((n) => changesSince('augusti 2025', { ...none, reassessed: n }))).toEqual([
      'Inget har ändrats sedan augusti 2025.',
      'Sedan augusti 2025 har 1 mål eller fokusområde fått en ny bedömning.',
      'Sedan augusti 2025 har 2 mål och fokusområden fått en ny bedömning.',
    ]);
    // All at once, as in the example's report: the first clause inverted, the others in their own order.
    expect(changesSince('augusti 2025', { finished: 14, added: 3, cancelled: 1, late: 1, reassessed: 13 })).toBe(
      'Sedan augusti 2025 har 14 aktiviteter blivit klara, 3 aktiviteter har tillkommit, 1 har avbrutits, 1 är försenad och 13 mål och fokusområden har fått en ny bedömning.',
    );
    expect(changesSince('augusti 2025', { finished: 1, added: 0, cancelled: 2, late: 2, reassessed: 1 })).toBe(
      'Sedan augusti 2025 har 1 aktivitet blivit klar, 2 har avbrutits, 2 är försenade och 1 mål eller fokusområde har fått en ny bedömning.',
    );
    // Never a subject before the verb right after the adverbial.
    for (const n of [1, 2, 14]) expect(changesSince('augusti 2025', { ...none, finished: n, late: n })).not.toMatch(/^Sedan augusti 2025 \d/);
  });

  it('agrees the late actions compared at two follow-ups', () => {
    expect(each((n) => `${counted(n, NODE_WORDS.aktivitet)} är ${agree(ADJECTIVES.försenad, n)}`)).toEqual(['0 aktiviteter är försenade', '1 aktivitet är försenad', '2 aktiviteter är försenade']);
  });
});
