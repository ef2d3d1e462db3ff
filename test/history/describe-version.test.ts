// What one commit changed in a plan file, in words: a list of items (a policy's områden with their
// styrprinciper) is told item by item, never as the whole value in JSON before and after.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { describeChange } from '../../src/diff/format-markdown.js';
import { describeVersion } from '../../src/history/describe-version.js';

const POLICY = readFileSync('plans/ekby/policy/policy.md', 'utf8');
const SP7 = [
  '      - id: SP7',
  '        titel: Digitala satsningar ska ge nytta som kan visas och följas upp',
  '        underpunkter:',
  '          - Förväntad nytta beskrivs innan beslut',
  '          - Utfallet följs upp och redovisas',
  '',
].join('\n');

/** The example policy with `edits` applied; fails the test when a text to replace is not there. */
function policyWith(...edits: [string, string][]): string {
  let text = POLICY;
  for (const [from, to] of edits) {
    expect(text, from).toContain(from);
    text = text.replace(from, to);
  }
  return text;
}

describe('describeVersion on a policy whose områden change', () => {
  it('tells a title, an added principle, a moved principle and a reworded sub-point, each on its own line', () => {
    const after = policyWith(
      ['titel: Tydliga och transparenta strukturer för IT-arbetet', 'titel: Tydliga strukturer för IT-arbetet'],
      ['      - id: SP8\n', `${SP7}      - id: SP13\n        titel: Öppen källkod väljs när den fyller behovet\n      - id: SP8\n`],
      [SP7, ''],
      ['Personlig service finns kvar för den som behöver den', 'Personlig service finns kvar för alla som behöver den'],
    );
    // SP7 is cut from O1 and pasted in O2: the first replacement above wrote it there, the second removed the first copy.
    expect(describeVersion(POLICY, after)).toEqual([
      'Styrprincip SP1: delpunkt ändrad (Personlig service finns kvar för den som behöver den → Personlig service finns kvar för alla som behöver den)',
      'Område O2: titel ändrad (Tydliga och transparenta strukturer för IT-arbetet → Tydliga strukturer för IT-arbetet)',
      'Styrprincip SP7 flyttad från område O1 till område O2',
      'Styrprincip SP13 tillagd i område O2: Öppen källkod väljs när den fyller behovet',
    ]);
  });

  it('counts what a removed area held instead of listing every principle, and never writes JSON', () => {
    const o2 = POLICY.slice(POLICY.indexOf('  - id: O2\n'), POLICY.indexOf('\n---', 4) + 1);
    const lines = describeVersion(POLICY, policyWith([o2, '']));
    expect(lines).toEqual(['Område O2 borttaget (Tydliga och transparenta strukturer för IT-arbetet), med 4 styrprinciper och 2 delpunkter']); // SP9 is a file of its own
    const rewritten = describeVersion(POLICY, policyWith(['områden:\n', 'områden: []\nx_områden:\n']));
    for (const line of rewritten) expect(line).not.toMatch(/[{}"[\]]/);
    expect(rewritten.length).toBeLessThanOrEqual(12);
  });

  it('tells items whose order alone changed, and a new list written where there was none', () => {
    const sp4 = '      - id: SP4\n        titel: Invånare och företag ska bara behöva lämna en uppgift en gång\n';
    const sp5 = '      - id: SP5\n        titel: Ingen ska lämnas utanför – kommunen stödjer digital delaktighet\n';
    expect(describeVersion(POLICY, policyWith([sp4 + sp5, sp5 + sp4]))).toEqual(['Styrprinciper i område O1 i ny ordning: SP1, SP2, SP3, SP5, SP4, SP6, SP7']);
    expect(describeChange({ field: 'fokusområden', before: null, after: [{ id: 'FO5.1', titel: 'Öppna data' }, { id: 'FO5.2', titel: 'AI' }] })).toEqual([
      'Fokusområde FO5.1 tillagt: Öppna data',
      'Fokusområde FO5.2 tillagt: AI',
    ]);
    expect(
      describeChange({
        field: 'fokusområden',
        before: [{ id: 'FO5.1', titel: 'Öppna data' }, { id: 'FO5.2', titel: 'AI' }],
        after: [{ id: 'FO5.2', titel: 'AI' }, { id: 'FO5.1', titel: 'Öppna data' }],
      }),
    ).toEqual(['Fokusområden i ny ordning: FO5.2, FO5.1']);
  });

  it('says that a sub-point written as text got an id, not that one was removed and another added', () => {
    const before = policyWith(
      ['- { id: SP8.a, titel: Gemensamma lösningar går före enhetsspecifika }', '- Gemensamma lösningar går före enhetsspecifika'],
      ['- { id: SP8.b, titel: Tidigare investeringar återanvänds innan nya görs }', '- Tidigare investeringar återanvänds innan nya görs'],
    );
    expect(describeVersion(before, POLICY)).toEqual([
      'Delpunkten ”Gemensamma lösningar går före enhetsspecifika” i styrprincip SP8 har fått id SP8.a',
      'Delpunkten ”Tidigare investeringar återanvänds innan nya görs” i styrprincip SP8 har fått id SP8.b',
    ]);
  });

  it('keeps short values as before → after, and writes an unknown object in words', () => {
    expect(describeChange({ field: 'styrprinciper', before: ['SP1', 'SP2'], after: ['SP1'] })).toEqual(['Styrprinciper: SP1, SP2 → SP1']);
    expect(describeChange({ field: 'kontakt', before: { namn: 'Anna', telefon_nr: '010-1' }, after: { namn: 'Bo', telefon_nr: '010-1' } })).toEqual([
      'Kontakt: namn Anna, telefon nr 010-1 → namn Bo, telefon nr 010-1',
    ]);
  });
});
