// The years a policy or plan covers, as far as its documents give them, and how the site writes them.
import { describe, expect, it } from 'vitest';
import { checkFiles } from '../../src/check/check-files.js';
import { coversYear, formatYears } from '../../src/graph/derive/document-years.js';
import { adoptionText, yearsText } from '../../src/site/document-facts.js';

const ORG = '---\ntyp: organisation\nid: ekby\ntitel: Ekby kommun\n---\n';
const POLICY = '---\ntyp: policy\nid: pol\ntitel: Policy\norganisationer: [ekby]\nområden:\n  - { id: O1, titel: Område, styrprinciper: [{ id: SP1, titel: Princip }] }\n---\n';
const plan = (extra: string) => `---\ntyp: plan\nid: plan\ntitel: Plan\norganisation: ekby\npolicy: pol\n${extra}---\n`;
const goal = (id: string, extra: string) => `---\ntyp: mål\nid: ${id}\ntitel: Mål ${id}\nstyrprinciper: [SP1]\n${extra}---\n`;

const check = (files: Record<string, string>) => checkFiles(Object.entries(files).map(([path, text]) => ({ path, bytes: Buffer.from(text) })));

function years(files: Record<string, string>) {
  const result = check({ 'org.md': ORG, 'policy/policy.md': POLICY, ...files });
  expect(result.messages.filter((m) => m.fatal === true)).toEqual([]);
  return { years: result.graph.derived.documentYears, rules: result.messages.map((m) => m.ruleId) };
}

describe('document years', () => {
  it('are the period when the plan gives one, and the validity of a policy that gives one', () => {
    const r = years({ 'plan/plan.md': plan('antagen: 2024-02-14\nperiod: { från: 2024, till: 2027 }\n') });
    expect(r.years['plan']).toEqual({ from: 2024, to: 2027, source: 'period' });
    expect(r.years['pol']).toBeUndefined();
    expect(r.rules).toContain('policy-without-validity');
    expect(r.rules).not.toContain('plan-without-period');
  });

  it("come from the plan's validity when it gives no period", () => {
    const r = years({ 'plan/plan.md': plan('giltighet: { från: 2019-07-01, till: 2022-06-30 }\n') });
    expect(r.years['plan']).toEqual({ from: 2019, to: 2022, source: 'giltighet' });
    expect(r.rules).not.toContain('plan-without-period');
  });

  it('are worked out from the adoption year to the latest target year, and only the last year without an adoption date', () => {
    const goals = { 'plan/mal/M1.md': goal('M1', 'målår: 2003\n'), 'plan/mal/M2.md': goal('M2', 'målår: 2004\n') };
    const adopted = years({ 'plan/plan.md': plan('antagen: 2001-05-14\n'), ...goals });
    expect(adopted.years['plan']).toEqual({ from: 2001, to: 2004, source: 'målår' });
    expect(adopted.rules).not.toContain('plan-without-period');
    const unknownStart = years({ 'plan/plan.md': plan(''), ...goals });
    expect(unknownStart.years['plan']).toEqual({ from: null, to: 2004, source: 'målår' });
    expect(unknownStart.rules).toContain('plan-without-period');
  });

  it('are unknown when the documents give nothing to work them out from, and then exclude no year', () => {
    const r = years({ 'plan/plan.md': plan(''), 'plan/mal/M1.md': goal('M1', '') });
    expect(r.years['plan']).toBeUndefined();
    expect(r.rules.filter((id) => id === 'plan-without-period')).toHaveLength(1);
    expect(coversYear(undefined, 1999)).toBe(true);
    expect(coversYear({ from: null, to: 2004, source: 'målår' }, 2005)).toBe(false);
    expect(coversYear({ from: null, to: 2004, source: 'målår' }, 1990)).toBe(true);
  });

  it('a follow-up outside the worked-out years is outside the plan period, and says where the years come from', () => {
    const result = check({
      'org.md': ORG,
      'policy/policy.md': POLICY,
      'plan/plan.md': plan(''),
      'plan/mal/M1.md': goal('M1', 'målår: 2004\n'),
      'plan/uppfoljning/M1.md': '---\ntyp: uppföljning\navser: M1\nperiod: 2005-08\nbedömning: uppfyllt\nförfattare: Anna\n---\n',
    });
    const m = result.messages.find((x) => x.ruleId === 'followup-unknown-period');
    expect(m?.reason).toContain('utanför planperioden till och med 2004 (härledd ur målåren)');
  });
});

describe('document facts on the site', () => {
  it('write one year once, and say where worked-out years come from', () => {
    expect(formatYears({ from: 2001, to: 2001 })).toBe('2001');
    expect(yearsText({ from: 2024, to: 2027, source: 'period' })).toBe('2024–2027');
    expect(yearsText({ from: null, to: 2004, source: 'målår' })).toBe('till och med 2004 (härledd ur målåren)');
    expect(yearsText(undefined)).toBeNull();
  });

  it('say which part of an adoption is missing, never leaving an empty value before a comma', () => {
    expect(adoptionText('Kommunstyrelsen', '2024-02-14')).toBe('Kommunstyrelsen, 14 februari 2024');
    expect(adoptionText('Kommunstyrelsen', undefined)).toBe('Kommunstyrelsen, datum saknas');
    expect(adoptionText(undefined, '2024-02-14')).toBe('14 februari 2024, beslutande organ saknas');
    expect(adoptionText(undefined, undefined)).toBe('uppgift saknas');
  });
});
