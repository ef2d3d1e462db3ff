// Money written the way a document prints it gets a fix that keeps the amount, the range and the unit (issue 12:
// a tester's `budget: 5 Mkr` was told to write `{ enhet: kr }`, which drops the money).
import { describe, expect, it } from 'vitest';
import { checkFiles } from '../src/check/check-files.js';

function reasonFor(budgetLine: string): string {
  const text = ['---', 'typ: aktivitet', 'id: A9', 'titel: Nytt nät', 'bidrar_till: [FO1]', budgetLine, '---', ''].join('\n');
  const result = checkFiles([{ path: 'plan/aktiviteter/A9.md', bytes: new TextEncoder().encode(text) }]);
  const message = result.messages.find((m) => m.ruleId === 'wrong-type' && m.line === 6);
  expect(message, budgetLine).toBeDefined();
  return message!.reason;
}

describe('a fix for money written as text', () => {
  it.each([
    ['budget: 5 Mkr', 'budget: { belopp: 5, enhet: Mkr }'],
    ['budget: 4,5 mkr', 'budget: { belopp: 4.5, enhet: Mkr }'],
    ['budget: 750 tkr', 'budget: { belopp: 750, enhet: tkr }'],
    ['budget: 290–370 MSEK', 'budget: { intervall: { från: 290, till: 370 }, enhet: Mkr }'],
    ['budgetar: { belopp: 3, enhet: Mkr }', 'budgetar: [{ belopp: 3, enhet: Mkr }]'],
  ])('%s: skriv %s', (written, fix) => {
    expect(reasonFor(written)).toContain(fix);
  });
});

describe('a budget that states no money', () => {
  it('per_år without a year is an error at per_år (the budget would otherwise vanish from every sum)', () => {
    const text = ['---', 'typ: aktivitet', 'id: A9', 'titel: Nytt nät', 'bidrar_till: [FO1]', 'budget: { per_år: {}, enhet: Mkr }', '---', ''].join('\n');
    const result = checkFiles([{ path: 'plan/aktiviteter/A9.md', bytes: new TextEncoder().encode(text) }]);
    const message = result.messages.find((m) => m.line === 6 && m.reason.includes('per_år anger inget år'));
    expect(message?.ruleId).toBe('missing-key');
    expect(message?.column).toBe(19);
  });
});
