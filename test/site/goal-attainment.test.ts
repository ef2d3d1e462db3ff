// Måluppfyllelse (src/site/goal-attainment.ts): each goal and focus area of the example's 2026-08 follow-up
// with its agreement with the actions, worked out by hand from the follow-ups and the actions' status, and a
// small plan whose assessments go against their actions both ways.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkPlans } from '../../src/check/check-plans.js';
import { assessmentAgreement } from '../../src/followup/assessment-agreement.js';
import { goalAttainment } from '../../src/site/goal-attainment.js';
import { SiteModel } from '../../src/site/model.js';

const root = path.resolve(import.meta.dirname, '../..');
const PLAN = 'ekby-digplan-2024-2027';
const model = new SiteModel(checkPlans(path.join(root, 'plans')).graph);

describe('Måluppfyllelse of the example, 2026-08', () => {
  const a = goalAttainment(model, PLAN, '2026-08');
  const byId = new Map(a.rows.map((r) => [r.row.node.id, r]));

  it('lists each goal followed by its focus areas, all 30 assessed, none against its actions (check reports no assessment-disagrees-with-rollup)', () => {
    expect(a.rows.map((r) => r.row.node.id).slice(0, 7)).toEqual(['M1', 'FO1.1', 'FO1.2', 'FO1.3', 'FO1.4', 'FO1.5', 'M2']);
    expect(a.rows).toHaveLength(30);
    expect(a.counts).toMatchObject({ assessed: 30, disagrees: 0 });
    expect(a.counts.agrees + a.counts.noActions).toBe(30);
  });

  it('agrees item by item with the actions below: M1 all 5 done, M3 4 of 6, FO3.4 ej uppfyllt with A23 late', () => {
    expect(byId.get('M1')!.agreement).toEqual({ kind: 'stämmer', done: 5, total: 5 });
    expect(byId.get('M3')!.agreement).toEqual({ kind: 'stämmer', done: 4, total: 6 });
    expect(byId.get('FO3.4')!.row.assessment).toBe('ej uppfyllt');
    expect(byId.get('FO3.4')!.actions!.byStatus.försenad).toBe(1);
    expect(byId.get('FO3.4')!.agreement!.kind).toBe('stämmer');
  });

  it('gives the evidence and indicators each assessment rests on', () => {
    expect(byId.get('M4')!.row.followUp!.evidence.map((e) => e.title)).toEqual(['Incidentrapport och tillgänglighetsmätning 2026 (I2, I3)', 'PTS bredbandskartläggning 2025 (I4)']);
    expect(byId.get('M4')!.indicators.map((i) => i.node.id)).toEqual(['I2', 'I3', 'I4', 'I19', 'I20']);
    // M3 is measured by I16 itself and through its focus areas by I17 and I18; FO3.4 by I18, which missed its target.
    expect(byId.get('M3')!.indicators.map((i) => i.node.id)).toEqual(['I16', 'I17', 'I18']);
    expect(byId.get('FO3.4')!.indicators.map((i) => [i.node.id, i.point?.actual, i.point?.target, i.point?.targetMet])).toEqual([['I18', 2, 5, false]]);
    // 24 of the 30 assessments list evidence; these six rest on their text, actions and indicators alone.
    expect(a.counts.withEvidence).toBe(24);
    expect(a.rows.filter((r) => r.agreement !== null && (r.row.followUp?.evidence.length ?? 0) === 0).map((r) => r.row.node.id)).toEqual(['FO1.5', 'FO2.7', 'FO2.11', 'FO3.1', 'FO4.3', 'FO4.4']);
    expect(byId.get('FO2.1')!.row.followUp!.evidence).toEqual([
      { title: 'Kolada, andel e-tjänster med e-legitimation (I1)', url: 'https://www.kolada.se/', file: null },
      { title: 'E-tjänsteplattformen, statistik januari–juni 2026', url: null, file: 'underlag/e-tjanster-statistik-2026-h1.pdf' },
    ]);
  });
});

describe('assessmentAgreement', () => {
  const counts = (byStatus: Partial<Record<'ej påbörjad' | 'pågår' | 'klar' | 'försenad' | 'pausad' | 'avbruten', number>>) => {
    const full = { 'ej påbörjad': 0, pågår: 0, klar: 0, försenad: 0, pausad: 0, avbruten: 0, ...byStatus };
    return { total: Object.values(full).reduce((x, y) => x + y, 0), byStatus: full, missing: 0, startsLater: 0, overdue: 0 };
  };
  it('says uppfyllt is against more than half not started or late, ej uppfyllt against all done, and nothing without actions', () => {
    expect(assessmentAgreement('uppfyllt', counts({ försenad: 2, klar: 1 }))).toEqual({ kind: 'uppfyllt men efter', behind: 2, total: 3 });
    expect(assessmentAgreement('uppfyllt', counts({ försenad: 1, klar: 1 }))).toEqual({ kind: 'stämmer', done: 1, total: 2 });
    expect(assessmentAgreement('ej uppfyllt', counts({ klar: 3 }))).toEqual({ kind: 'ej uppfyllt men klart', done: 3, total: 3 });
    expect(assessmentAgreement('delvis uppfyllt', counts({ klar: 3 }))).toEqual({ kind: 'stämmer', done: 3, total: 3 });
    expect(assessmentAgreement('uppfyllt', counts({}))).toEqual({ kind: 'inga aktiviteter' });
  });
});

describe('Måluppfyllelse on a small plan whose assessments go against their actions', () => {
  const file = (typ: string, fields: string, body = '') => `---\ntyp: ${typ}\n${fields}\n---\n${body}\n`;
  it('flags M1 (uppfyllt, both actions late) and M2 (ej uppfyllt, its action done), and the same check warns about both', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sparbar-maluppfyllelse-'));
    const files: Record<string, string> = {
      'org.md': file('organisation', 'id: liten\ntitel: Lilla kommunen'),
      'policy.md': file('policy', 'id: liten-policy\ntitel: Policy\norganisationer: [liten]\nområden:\n  - id: O1\n    titel: Område\n    styrprinciper:\n      - id: SP1\n        titel: Princip'),
      'plan/plan.md': file('plan', 'id: liten-plan\ntitel: Plan\norganisation: liten\npolicy: liten-policy\nperiod: { från: 2024, till: 2027 }'),
      'plan/M1.md': file('mål', 'id: M1\ntitel: Första målet\nstyrprinciper: [SP1]'),
      'plan/M2.md': file('mål', 'id: M2\ntitel: Andra målet\nstyrprinciper: [SP1]'),
      'plan/A1.md': file('aktivitet', 'id: A1\ntitel: Ett\nbidrar_till: [M1]\nansvarig: IT\nstart: 2024-01-01\nslut: 2026-12-31\nstatus: försenad'),
      'plan/A2.md': file('aktivitet', 'id: A2\ntitel: Två\nbidrar_till: [M1]\nansvarig: IT\nstart: 2024-01-01\nslut: 2025-06-30\nstatus: pågår'),
      'plan/A3.md': file('aktivitet', 'id: A3\ntitel: Tre\nbidrar_till: [M2]\nansvarig: IT\nstart: 2024-01-01\nslut: 2025-06-30\nstatus: klar'),
      'plan/uppfoljning/2025-08/M1.md': file('uppföljning', 'avser: M1\nperiod: 2025-08\nbedömning: uppfyllt\nförfattare: Anna', 'Nått.'),
      'plan/uppfoljning/2025-08/M2.md': file('uppföljning', 'avser: M2\nperiod: 2025-08\nbedömning: ej uppfyllt\nförfattare: Anna\nunderlag:\n  - titel: Protokoll\n    fil: protokoll.pdf', 'Inte nått.'),
    };
    try {
      for (const [name, text] of Object.entries(files)) {
        mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
        writeFileSync(path.join(dir, name), text);
      }
      const { graph, messages } = checkPlans(dir);
      const a = goalAttainment(new SiteModel(graph), 'liten-plan', '2025-08');
      // A2 is past its due date (2025-06-30) without being done: counted as försenad.
      expect(a.rows.map((r) => [r.row.node.id, r.agreement])).toEqual([
        ['M1', { kind: 'uppfyllt men efter', behind: 2, total: 2 }],
        ['M2', { kind: 'ej uppfyllt men klart', done: 1, total: 1 }],
      ]);
      expect(a.counts).toEqual({ assessed: 2, agrees: 0, disagrees: 2, noActions: 0, withEvidence: 1 });
      const warned = messages.filter((m) => m.ruleId === 'assessment-disagrees-with-rollup').map((m) => m.message.split(' ')[0]);
      expect(warned).toEqual(['M1', 'M2']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
