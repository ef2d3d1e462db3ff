// "Att uppmärksamma" (src/site/attention.ts) on the example plan, item by item against a list worked out by hand
// from the plan files, and on plans made to have nothing, or a third period in a row.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkPlans } from '../../src/check/check-plans.js';
import { attentionList, type AttentionItem } from '../../src/site/attention.js';
import { SiteModel } from '../../src/site/model.js';
import { inARow } from '../../src/words/agreement.js';

const root = path.resolve(import.meta.dirname, '../..');
const PLAN = 'ekby-digplan-2024-2027';
const model = new SiteModel(checkPlans(path.join(root, 'plans')).graph);
const brief = (items: AttentionItem[]) =>
  items.map((i) => [
    i.node.id,
    i.owner,
    ...i.reasons.map((r) =>
      r.kind === 'bedömning' ? `${r.assessment} ×${r.streak}` : r.kind === 'status' ? `${r.status} ×${r.streak}` : r.kind === 'slutdatum' ? `slut ${r.due}` : `${r.actual} < ${r.target}`,
    ),
  ]);

describe('Att uppmärksamma, 2026-08 (worked out by hand from uppfoljning/2026-08 and 2025-08)', () => {
  const list = attentionList(model, PLAN, '2026-08');

  it('names every goal and focus area assessed as partly or not met, with how many periods in a row', () => {
    // M1 and its focus areas are uppfyllt in 2026-08. Every other one below was the same in 2025-08, except
    // FO2.2 (ej uppfyllt then, delvis uppfyllt now). Focus areas have no owner of their own: their goal's.
    const kd = 'Kommundirektören';
    const sn = 'Servicenämnden';
    expect(brief(list.assessments)).toEqual([
      ['M2', kd, 'delvis uppfyllt ×2'],
      ['FO2.1', kd, 'delvis uppfyllt ×2'],
      ['FO2.2', kd, 'delvis uppfyllt ×1'],
      ['FO2.4', kd, 'delvis uppfyllt ×2'],
      ['FO2.5', kd, 'delvis uppfyllt ×2'],
      ['FO2.7', kd, 'delvis uppfyllt ×2'],
      ['FO2.8', kd, 'delvis uppfyllt ×2'],
      ['FO2.11', kd, 'delvis uppfyllt ×2'],
      ['M3', kd, 'delvis uppfyllt ×2'],
      ['FO3.4', kd, 'ej uppfyllt ×2'],
      ['FO3.5', kd, 'delvis uppfyllt ×2'],
      ['M4', sn, 'delvis uppfyllt ×2'],
      ['FO4.3', sn, 'delvis uppfyllt ×2'],
      ['FO4.4', sn, 'delvis uppfyllt ×2'],
      ['FO4.5', sn, 'delvis uppfyllt ×2'],
    ]);
    const fo22 = list.assessments.find((i) => i.node.id === 'FO2.2')!;
    expect(fo22.reasons[0]).toMatchObject({ previous: 'ej uppfyllt' });
    expect(fo22.goal?.id).toBe('M2');
    // The explanation is the follow-up's own text.
    const fo34 = list.assessments.find((i) => i.node.id === 'FO3.4')!;
    expect(fo34.followUp!.body).toMatch(/arkivarieresurserna förstärks/);
    // Measures for the deviations and evidence, as the follow-ups write them.
    const withMeasures = list.assessments.filter((i) => i.followUp!.measures.length > 0).map((i) => i.node.id);
    expect(withMeasures).toEqual(['M2', 'M3', 'FO3.4', 'M4', 'FO4.5']);
    expect(list.assessments.find((i) => i.node.id === 'M4')!.followUp!.evidence).toEqual([
      { title: 'Incidentrapport och tillgänglighetsmätning 2026 (I2, I3)', url: null, file: 'underlag/it-drift-2026.pdf' },
      { title: 'PTS bredbandskartläggning 2025 (I4)', url: 'https://pts.se/', file: null },
    ]);
  });

  it('names every delayed, paused or cancelled action and every one past its due date, each once', () => {
    // A23: försenad in 2025-08 and 2026-08, slut 2026-06-30 and not done. A18: pausad in 2025-08, avbruten in
    // 2026-08. A05 was försenad in 2025-08 but is klar in 2026-08.
    expect(brief(list.actions)).toEqual([
      ['A18', 'Servicenämnden – IT-enheten', 'avbruten ×1'],
      ['A23', 'Kommunledningsförvaltningen – Kansliavdelningen', 'försenad ×2', 'slut 2026-06-30'],
    ]);
    expect(list.actions[0]!.reasons[0]).toMatchObject({ previous: 'pausad', reportedIn: '2026-08' });
    expect(list.actions[1]!.reasons[0]).toMatchObject({ reportedIn: '2026-08' });
    expect(list.actions[1]!.followUp!.body).toMatch(/Ny prognos är juni 2027/);
    // A23's follow-up moves its due date once, to 2027-06-30, and names two measures.
    expect(list.actions[1]!.reasons[1]).toEqual({ kind: 'slutdatum', due: '2026-06-30', revised: '2027-06-30', moves: 1 });
    expect(list.actions[1]!.followUp!.measures).toEqual([
      { what: 'Förstärka arkivarieresurserna med en halvtidstjänst under 2026–2027', who: 'Kommunledningsförvaltningen – Kansliavdelningen', due: '2026-10-31' },
      { what: 'Beskriva informationen i de avvecklade systemen enligt arkivets krav före leverans', who: 'Systemägarna', due: '2027-03-31' },
    ]);
  });

  it('names every indicator whose outcome missed its target', () => {
    // I4: 92 % in 2026 against the target 93 %; I4 measures FO4.5 under M4 (Servicenämnden). I18: 2 deliveries to
    // the e-archive against the target 5; I18 measures FO3.4 under M3 (Kommundirektören). All others reached theirs.
    expect(brief(list.indicators)).toEqual([
      ['I4', 'Servicenämnden', '92 < 93'],
      ['I18', 'Kommundirektören', '2 < 5'],
    ]);
    expect(list.total).toBe(19);
    expect(list.notSubmitted).toBe(0);
  });
});

describe('Att uppmärksamma, 2025-08', () => {
  it('counts the first period as the first in a row and finds A05 and A23 late, A18 paused', () => {
    const list = attentionList(model, PLAN, '2025-08');
    expect(list.assessments.every((i) => i.reasons.every((r) => r.kind === 'bedömning' && r.streak === 1 && r.previous === null))).toBe(true);
    expect(list.assessments.map((i) => i.node.id)).not.toContain('FO1.1');
    expect(list.assessments.map((i) => i.node.id)).toContain('FO2.2');
    expect(brief(list.actions).map((a) => a.slice(0, 1).concat(a.slice(2)))).toEqual([['A05', 'försenad ×1'], ['A18', 'pausad ×1'], ['A23', 'försenad ×1']]);
  });
});

describe('the words', () => {
  it('says which period in a row', () => {
    expect(inARow(1)).toBe('');
    expect(inARow(2)).toBe('för andra perioden i rad');
    expect(inARow(3)).toBe('för tredje perioden i rad');
    expect(inARow(12)).toBe('för 12:e perioden i rad');
  });
});

describe('Att uppmärksamma on a small plan', () => {
  const file = (typ: string, fields: string, body = '') => `---\ntyp: ${typ}\n${fields}\n---\n${body}\n`;
  const write = (dir: string, files: Record<string, string>) => {
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      writeFileSync(path.join(dir, name), text);
    }
  };
  const base = {
    'org.md': file('organisation', 'id: liten\ntitel: Lilla kommunen'),
    'policy.md': file('policy', 'id: liten-policy\ntitel: Policy\norganisationer: [liten]\nområden:\n  - id: O1\n    titel: Område\n    styrprinciper:\n      - id: SP1\n        titel: Princip'),
    'plan/plan.md': file('plan', 'id: liten-plan\ntitel: Plan\norganisation: liten\npolicy: liten-policy\nperiod: { från: 2024, till: 2030 }'),
    'plan/M1.md': file('mål', 'id: M1\ntitel: Målet\nstyrprinciper: [SP1]\nansvarig: Kommunstyrelsen'),
    'plan/A1.md': file('aktivitet', 'id: A1\ntitel: Aktiviteten\nbidrar_till: [M1]\nansvarig: IT-enheten\nstart: 2024-01-01\nslut: 2030-12-31\nstatus: pågår'),
    'plan/I1.md': file('indikator', 'id: I1\ntitel: Andel\nenhet: "%"\nriktning: högre\nkälla: egen\nmäter: [M1]\nmålvärden: {2025: 50, 2026: 60, 2027: 70}\nutfall: {2025: 55, 2026: 50, 2027: 65}'),
  };
  const followUp = (name: string, avser: string, period: string, field: string) =>
    ({ [`plan/uppfoljning/${period}/${name}.md`]: file('uppföljning', `avser: ${avser}\nperiod: ${period}\n${field}\nförfattare: Anna\ndatum: ${period}-20`, 'Förklaringen.') });

  it('is empty when nothing needs attention', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sparbar-attention-'));
    try {
      write(dir, { ...base, ...followUp('M1', 'M1', '2025-08', 'bedömning: uppfyllt'), ...followUp('A1', 'A1', '2025-08', 'status: pågår') });
      const m = new SiteModel(checkPlans(dir).graph);
      expect(attentionList(m, 'liten-plan', '2025-08')).toEqual({ period: '2025-08', assessments: [], actions: [], indicators: [], total: 0, notSubmitted: 0 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('counts a third period in a row, a principle assessed on its own, and a status that only carries forward', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sparbar-attention-'));
    try {
      write(dir, {
        ...base,
        ...followUp('M1', 'M1', '2025-08', 'bedömning: ej uppfyllt'),
        ...followUp('M1', 'M1', '2026-08', 'bedömning: ej uppfyllt'),
        ...followUp('M1', 'M1', '2027-08', 'bedömning: ej uppfyllt'),
        ...followUp('SP1', 'liten-policy:SP1', '2027-08', 'bedömning: delvis uppfyllt'),
        ...followUp('A1', 'A1', '2026-08', 'status: pausad'),
      });
      const m = new SiteModel(checkPlans(dir).graph);
      const list = attentionList(m, 'liten-plan', '2027-08');
      expect(brief(list.assessments)).toEqual([['M1', 'Kommunstyrelsen', 'ej uppfyllt ×3'], ['SP1', null, 'delvis uppfyllt ×1']]);
      // A1 has no follow-up in 2027-08: its status pausad carries forward, two periods now.
      expect(brief(list.actions)).toEqual([['A1', 'IT-enheten', 'pausad ×2']]);
      expect(list.actions[0]!.followUp).toBeNull();
      // 2027: 65 against 70; 2026 (50 against 60) is another period's.
      expect(brief(list.indicators)).toEqual([['I1', 'Kommunstyrelsen', '65 < 70']]);
      // Reported in 2026-08, carried into 2027-08: the reason says so.
      expect(list.actions[0]!.reasons[0]).toMatchObject({ kind: 'status', reportedIn: '2026-08' });
      expect(list.actions[0]!.unsubmitted).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('carries a status into a period whose follow-up is opened and not submitted, says which period reported it, and counts the follow-ups not submitted', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sparbar-attention-'));
    const unfilled = (name: string, avser: string, period: string) =>
      ({ [`plan/uppfoljning/${period}/${name}.md`]: file('uppföljning', `avser: ${avser}\nperiod: ${period}`, '<!-- sparbar: ej ifylld. Skriv analysen här. -->') });
    try {
      write(dir, {
        ...base,
        ...followUp('M1', 'M1', '2025-08', 'bedömning: uppfyllt'),
        ...followUp('A1', 'A1', '2025-08', 'status: försenad'),
        ...unfilled('M1', 'M1', '2026-08'),
        ...unfilled('A1', 'A1', '2026-08'),
      });
      const m = new SiteModel(checkPlans(dir).graph);
      const list = attentionList(m, 'liten-plan', '2026-08');
      // The goal's follow-up is not submitted: no assessment, so not on the list, but counted as not submitted.
      expect(list.assessments).toEqual([]);
      expect(list.notSubmitted).toBe(2);
      expect(brief(list.actions)).toEqual([['A1', 'IT-enheten', 'försenad ×2']]);
      expect(list.actions[0]!.reasons[0]).toMatchObject({ kind: 'status', status: 'försenad', reportedIn: '2025-08' });
      expect(list.actions[0]!.unsubmitted).toBe(true);
      expect(attentionList(m, 'liten-plan', '2025-08').actions[0]!.reasons[0]).toMatchObject({ reportedIn: '2025-08' });
      expect(attentionList(m, 'liten-plan', '2025-08').notSubmitted).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
