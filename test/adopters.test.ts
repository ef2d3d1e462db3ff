// One document, several adopters (issue 12): a policy and a strategy shared by three municipalities, each with its
// own decision in `beslut`, one joint goal followed up for the whole strategy and for single municipalities
// (`organisation:` on a follow-up), a goal of one municipality in its own instructions, and earlier documents
// outside the plans folder in `ersätter`. Fixture: test/fixtures/plans-gemensam (fictional, shape 2).
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkPlans } from '../src/check/check-plans.js';
import { planDocument, policyDocument } from '../src/document/decision-document.js';

const FIXTURE = path.resolve(import.meta.dirname, 'fixtures/plans-gemensam');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'sparbar-adopters-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A copy of the fixture with `edits` (file → [before, after]) applied; each `before` must be there. */
function edited(edits: Record<string, [string, string][]>, add: Record<string, string> = {}): string {
  const dir = path.join(tmp, Math.random().toString(36).slice(2));
  cpSync(FIXTURE, dir, { recursive: true });
  for (const [file, pairs] of Object.entries(edits)) {
    let text = readFileSync(path.join(dir, file), 'utf8');
    for (const [before, after] of pairs) {
      expect(text, file).toContain(before);
      text = text.replace(before, after);
    }
    writeFileSync(path.join(dir, file), text);
  }
  for (const [file, text] of Object.entries(add)) writeFileSync(path.join(dir, file), text);
  return dir;
}
const said = (messages: { file: string; line: number; column: number; ruleId: string; reason: string; fatal?: boolean | null }[]) =>
  messages.map((m) => `${m.file}:${m.line}:${m.column} ${m.fatal ? 'fel' : 'varning'} ${m.ruleId}: ${m.reason}`);

describe('a policy and strategy shared by three municipalities (fixture plans-gemensam)', () => {
  const { graph, messages } = checkPlans(FIXTURE);

  it('checks with 0 errors, and its warnings name exactly the facts the documents do not give', () => {
    expect(said(messages)).toEqual([
      // Lindvik's own instructions give no indicator for their goal (rule no-indicator).
      'lindvik-anvisningar/M1.md:3:1 varning no-indicator: Ingen indikator mäter målet M1 "Digitala lärverktyg i Lindviks skolor" eller något av dess fokusområden. Lägg till M1 eller ett av fokusområdenas id under "mäter" i en indikator.',
      'policy/policy.md:10:21 varning document-without-adoption-date: Policyn gemensam-it-policy anger inte när Storkulla kommun antog den. Skriv "antagen: ÅÅÅÅ-MM-DD" i beslutet för storkulla, om dokumentet anger datumet.',
      'strategi/mal/M1.md:3:5 varning goal-without-expected-result: Målet M1 anger inget förväntat resultat. Skriv "förväntat_resultat:" om planen anger vad som ska vara uppnått.',
    ]);
  });

  it('has each shared document once, belonging to all three municipalities, and the joint goal as one node', () => {
    const docs = graph.nodes.filter((n) => n.type === 'policy' || n.type === 'plan').map((n) => [n.key, n.organisations]);
    expect(docs).toEqual([
      ['gemensam-it-policy', ['asmark', 'lindvik', 'storkulla']],
      ['gemensam-strategi', ['asmark', 'lindvik', 'storkulla']],
      ['lindvik-anvisningar', ['lindvik']],
    ]);
    const belongs = graph.edges.filter((e) => e.type === 'belongs-to').map((e) => `${e.from} → ${e.to}`);
    expect(belongs.sort()).toEqual([
      'gemensam-it-policy → asmark',
      'gemensam-it-policy → lindvik',
      'gemensam-it-policy → storkulla',
      'gemensam-strategi → asmark',
      'gemensam-strategi → lindvik',
      'gemensam-strategi → storkulla',
      'lindvik-anvisningar → lindvik',
    ]);
    const goals = graph.nodes.filter((n) => n.type === 'mål');
    expect(goals.map((g) => [g.key, g.organisations])).toEqual([
      ['gemensam-strategi:M1', ['asmark', 'lindvik', 'storkulla']],
      ['lindvik-anvisningar:M1', ['lindvik']],
    ]);
    // Both goals realise the shared policy's areas; the actions of the joint goal are the strategy's, once each.
    const realises = graph.edges.filter((e) => e.type === 'realises').map((e) => `${e.from} → ${e.to}`);
    expect(realises).toEqual(['gemensam-strategi:M1 → gemensam-it-policy:O1', 'gemensam-strategi:M1 → gemensam-it-policy:O2', 'lindvik-anvisningar:M1 → gemensam-it-policy:O2']);
    expect(graph.nodes.filter((n) => n.type === 'aktivitet').map((n) => n.key)).toEqual(['gemensam-strategi:A1', 'gemensam-strategi:A2', 'gemensam-strategi:A3', 'lindvik-anvisningar:A1']);
  });

  it('keeps each organisation’s decision and the earlier documents outside the tree as the documents give them', () => {
    const policy = graph.nodes.find((n) => n.key === 'gemensam-it-policy')!.fields as Record<string, unknown>;
    expect(policy['beslut']).toEqual([
      { organisation: 'asmark', antagen: '2023-02-20', paragraf: '§ 12' },
      { organisation: 'lindvik', antagen: '2023-03-06', paragraf: '§ 31', diarienummer: 'KS 2022/118' },
      { organisation: 'storkulla', paragraf: '§ 7' },
    ]);
    expect(policy['antagen']).toBeUndefined();
    expect(policy['ersätter']).toEqual([
      { titel: 'IT-policy för Åsmarks kommun', år: 2012 },
      { titel: 'Digital agenda för Lindvik', år: 2015, adress: 'https://lindvik.example/digital-agenda-2015.pdf' },
    ]);
    expect(graph.edges.filter((e) => e.type === 'replaces')).toEqual([]);
    // The strategy runs from the first municipality's decision (2023) to its goal's target year.
    expect(graph.derived.documentYears['gemensam-strategi']).toEqual({ from: 2023, to: 2025, source: 'målår' });
  });

  it('gives each organisation’s decision on the title page of the Word and PDF document', () => {
    expect(policyDocument(graph, 'gemensam-it-policy').facts.filter((f) => f.label.startsWith('Antagen'))).toEqual([
      { label: 'Antagen i Åsmarks kommun', value: 'Kommunfullmäktige, 20 februari 2023, § 12' },
      { label: 'Antagen i Lindviks kommun', value: 'Kommunfullmäktige, 6 mars 2023, § 31, dnr KS 2022/118' },
      { label: 'Antagen i Storkulla kommun', value: 'Kommunfullmäktige, datum saknas, § 7' },
    ]);
    expect(planDocument(graph, 'lindvik-anvisningar').facts.filter((f) => f.label.startsWith('Antagen'))).toEqual([
      { label: 'Antagen av', value: 'Kommunstyrelsen i Lindvik' },
      { label: 'Antagen', value: '11 september 2023' },
    ]);
  });

  it('keeps follow-ups for the whole strategy and for one municipality apart, and rolls up both', () => {
    const m1 = graph.followUps.filter((f) => f.node === 'gemensam-strategi:M1').map((f) => [f.organisation ?? 'hela', f.assessment]);
    expect(m1).toEqual([
      ['hela', 'delvis uppfyllt'],
      ['asmark', 'uppfyllt'],
      ['lindvik', 'ej uppfyllt'],
    ]);
    const rollups = graph.derived.rollups.filter((r) => r.node === 'gemensam-strategi' && r.period === '2024-08');
    // The plan's goal for the whole strategy, then for each municipality: its own follow-up where it has one.
    expect(rollups.map((r) => [r.organisation ?? 'hela', r.assessments['uppfyllt'], r.assessments['delvis uppfyllt'], r.assessments['ej uppfyllt']])).toEqual([
      ['hela', 0, 1, 0],
      ['asmark', 1, 0, 0],
      ['lindvik', 0, 0, 1],
      ['storkulla', 0, 1, 0],
    ]);
    const goal = graph.derived.rollups.filter((r) => r.node === 'gemensam-strategi:M1' && r.period === '2024-08');
    expect(goal.map((r) => [r.organisation ?? 'hela', r.assessments['uppfyllt'], r.assessments['delvis uppfyllt']])).toEqual([
      ['hela', 0, 2],
      ['asmark', 0, 2],
      ['lindvik', 0, 2],
      ['storkulla', 1, 1],
    ]);
    // The actions are the strategy's, the same three for the whole and for each municipality.
    for (const r of rollups) expect(r.actions.total + r.actions.startsLater).toBe(3);
    // A plan of one organisation has no rollups per organisation.
    expect(graph.derived.rollups.filter((r) => r.node.startsWith('lindvik-anvisningar') && r.organisation !== undefined)).toEqual([]);
  });
});

describe('what is wrong with adopters is said in Swedish at its place', () => {
  it('an unknown organisation (with a suggestion), one written twice, and a decision of an organisation that did not adopt', () => {
    const dir = edited({
      'strategi/plan.md': [['organisationer: [asmark, lindvik, storkulla]', 'organisationer: [asmark, lindvk, storkulla, asmark]'], ['{ organisation: lindvik, antagen: 2023-06-12 }', '{ organisation: storkulla, antagen: 2023-06-12 }']],
      'policy/policy.md': [['{ organisation: storkulla, paragraf: § 7 }', '{ organisation: storkula, paragraf: § 7 }']],
    });
    const errors = checkPlans(dir).messages.filter((m) => m.fatal);
    expect(said(errors)).toEqual([
      'policy/policy.md:10:21 fel unknown-reference: Beslutet gäller "storkula", som inte är en av policyns organisationer ("asmark", "lindvik", "storkulla"). Menade du "storkulla"?',
      'strategi/plan.md:5:26 fel unknown-reference: "organisationer" hänvisar till "lindvk", som inte finns. Menade du "lindvik"?',
      'strategi/plan.md:5:45 fel invalid-value: Organisationen "asmark" står två gånger i "organisationer". Ta bort den ena.',
      'strategi/plan.md:11:21 fel invalid-value: Organisationen "storkulla" har redan ett beslut i "beslut". Skriv ett beslut per organisation.',
    ]);
  });

  it('a plan names its organisations once: neither, or both organisation and organisationer, is an error', () => {
    const neither = checkPlans(edited({ 'lindvik-anvisningar/plan.md': [['organisation: lindvik\n', '']] })).messages.filter((m) => m.fatal);
    expect(said(neither)).toEqual([
      'lindvik-anvisningar/plan.md:3:5 fel missing-key: Planen saknar "organisation". Skriv organisation: med organisationens id, eller organisationer: [aby, bby] när flera organisationer har antagit planen.',
    ]);
    const both = checkPlans(edited({ 'lindvik-anvisningar/plan.md': [['organisation: lindvik\n', 'organisation: lindvik\norganisationer: [lindvik]\n']] })).messages.filter((m) => m.fatal);
    expect(said(both)).toEqual(['lindvik-anvisningar/plan.md:6:17 fel invalid-value: Planen har både "organisation" och "organisationer". Skriv en av dem: organisation för en organisation, organisationer för flera.']);
  });

  it('a follow-up for an organisation that is unknown, that has not adopted the plan, or twice for the same one', () => {
    const dir = edited(
      {
        'strategi/uppfoljning/2024-08/M1-asmark.md': [['organisation: asmark', 'organisation: asmak']],
        'lindvik-anvisningar/uppfoljning/2024-08/M1.md': [['period: 2024-08\n', 'period: 2024-08\norganisation: asmark\n']],
      },
      { 'strategi/uppfoljning/2024-08/FO1.2-storkulla2.md': readFileSync(path.join(FIXTURE, 'strategi/uppfoljning/2024-08/FO1.2-storkulla.md'), 'utf8') },
    );
    const errors = checkPlans(dir).messages.filter((m) => m.fatal);
    expect(said(errors)).toEqual([
      'lindvik-anvisningar/uppfoljning/2024-08/M1.md:5:15 fel invalid-value: Uppföljningen gäller organisationen "asmark", som inte har antagit planen lindvik-anvisningar. Skriv en av planens organisationer (lindvik), eller ta bort "organisation" för en uppföljning av hela planen.',
      'strategi/uppfoljning/2024-08/FO1.2-storkulla2.md:3:8 fel followup-duplicate: FO1.2 har redan en uppföljning för 2024-08 för storkulla i strategi/uppfoljning/2024-08/FO1.2-storkulla.md. Slå ihop dem till en fil och ta bort den andra.',
      'strategi/uppfoljning/2024-08/M1-asmark.md:5:15 fel unknown-reference: Uppföljningen gäller organisationen "asmak", som inte finns. Menade du "asmark"?',
    ]);
  });

  it('an earlier document outside the tree needs its title and year; an id must be a document of the same kind', () => {
    const noYear = checkPlans(edited({ 'policy/policy.md': [['{ titel: IT-policy för Åsmarks kommun, år: 2012 }', '{ titel: IT-policy för Åsmarks kommun }']] }));
    expect(said(noYear.messages.filter((m) => m.fatal))).toEqual([expect.stringMatching(/^policy\/policy\.md:13:5 fel missing-key: .*"år"/)]);
    const policyForPlan = checkPlans(edited({ 'lindvik-anvisningar/plan.md': [['period: { från: 2023, till: 2026 }\n', 'period: { från: 2023, till: 2026 }\nersätter: gemensam-it-policy\n']] }));
    expect(said(policyForPlan.messages.filter((m) => m.fatal))).toEqual([expect.stringMatching(/^lindvik-anvisningar\/plan\.md:10:11 fel wrong-reference-type: /)]);
  });
});
