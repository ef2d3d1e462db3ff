// The board's handling of a follow-up period (`behandlingar` in the plan file) and "Ändrad efter behandlingen":
// the example's records, and a temporary git repository in which a follow-up of 2025-08 is changed after
// kommunstyrelsen handled the period on 2025-09-17, asserted in the history and on the built pages.
import { cpSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPlans } from '../../src/check/check-plans.js';
import { readPlanHistory } from '../../src/history/git-history.js';
import { boardHandling, changedAfterHandling, type BoardHandling } from '../../src/site/board-handling.js';
import { buildSite } from '../../src/site/build-site.js';
import { SiteModel } from '../../src/site/model.js';
import { tempRepo, type TempRepo } from '../helpers/git-repo.js';

const root = path.resolve(import.meta.dirname, '../..');
const PLAN = 'ekby-digplan-2024-2027';
const DIR = 'plans/ekby/plan-2024-2027';
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('the handling records of the example plan', () => {
  const model = new SiteModel(checkPlans(path.join(root, 'plans')).graph);

  it('gives organ, meeting date, paragraph, diarienummer and decision for 2025-08 and 2026-08', () => {
    expect(boardHandling(model, PLAN, '2025-08')).toEqual({
      period: '2025-08',
      organ: 'Kommunstyrelsen',
      date: '2025-09-17',
      paragraph: '§ 141',
      registrationNumber: 'KS 2025/312',
      decision: 'Kommunstyrelsen godkände uppföljningen och gav kommunledningsförvaltningen i uppdrag att återkomma med en plan för e-arkivet (A23) och för flytten till molntjänst (A18).',
    });
    expect(boardHandling(model, PLAN, '2026-08')).toMatchObject({ date: '2026-09-16', paragraph: '§ 128' });
    expect(boardHandling(model, PLAN, '2027-08')).toBeNull();
  });
});

describe('changedAfterHandling', () => {
  const handling: BoardHandling = { period: '2025-08', organ: 'Kommunstyrelsen', date: '2025-09-17', paragraph: null, registrationNumber: null, decision: null };
  const commit = (date: string, changes: string[]) => ({ commit: 'c', date, author: 'A', message: 'm', changes });
  const nodes = new Set(['p:M1', 'p:M2']);

  it('is unknown when git holds no version of the period from the meeting day or before, and says nothing without history', () => {
    expect(changedAfterHandling(null, nodes, handling)).toEqual({ state: 'no-history' });
    // Every file committed after the meeting (a repository made afterwards): nothing can be compared.
    expect(changedAfterHandling([{ node: 'p:M1', period: '2025-08', commits: [commit('2026-11-23T17:00:00+00:00', ['Skapades'])] }], nodes, handling)).toEqual({ state: 'unknown' });
  });

  it('counts commits after the meeting day only, a file created after it too, and only the period and nodes asked for', () => {
    const history = [
      { node: 'p:M1', period: '2025-08', commits: [commit('2025-10-02T09:00:00+02:00', ['Bedömning: delvis uppfyllt → ej uppfyllt']), commit('2025-08-25T09:00:00+02:00', ['Skapades'])] },
      // Changed on the meeting day itself: before the decision, not after it.
      { node: 'p:M2', period: '2025-08', commits: [commit('2025-09-17T23:30:00+02:00', ['Beskrivningen har ändrats.']), commit('2025-08-25T09:00:00+02:00', ['Skapades'])] },
      { node: 'p:FO1', period: '2025-08', commits: [commit('2025-12-01T09:00:00+01:00', ['Skapades'])] },
      { node: 'p:M1', period: '2026-08', commits: [commit('2026-10-01T09:00:00+02:00', ['Skapades'])] },
    ];
    const after = changedAfterHandling(history, new Set([...nodes, 'p:FO1']), handling);
    expect(after).toEqual({
      state: 'known',
      changed: [
        { node: 'p:M1', commits: [history[0]!.commits[0]] },
        { node: 'p:FO1', commits: [history[2]!.commits[0]] },
      ],
    });
    expect(changedAfterHandling(history, nodes, handling)).toEqual({ state: 'known', changed: [{ node: 'p:M1', commits: [history[0]!.commits[0]] }] });
  });
});

describe('a follow-up of 2025-08 changed in git after kommunstyrelsen handled the period', () => {
  let repo: TempRepo;
  let out: string;
  const FO34 = `${DIR}/uppfoljning/2025-08/digitaliseringsenheten/FO3.4.md`;
  const FO35 = `${DIR}/uppfoljning/2025-08/digitaliseringsenheten/FO3.5.md`;
  const read = (page: string) => readFileSync(path.join(out, page), 'utf8');

  beforeAll(async () => {
    repo = tempRepo({ withPlans: false });
    cpSync(path.join(root, 'plans'), path.join(repo.dir, 'plans'), { recursive: true });
    repo.commit('Uppföljningen augusti 2025 inför kommunstyrelsen', { author: 'Anna Berg', date: '2025-08-29T10:00:00+02:00' });
    // On the meeting day: not after the handling.
    repo.edit(FO35, /\n---\n/, '\n---\nRättat inför sammanträdet.\n');
    repo.commit('Språket i FO3.5', { author: 'Anna Berg', date: '2025-09-17T08:00:00+02:00' });
    // Two weeks later, the forecast is lowered.
    repo.edit(FO34, 'prognos: delvis uppfyllt', 'prognos: ej uppfyllt');
    repo.commit('Prognosen för FO3.4 sänks', { author: 'Lena Holm', date: '2025-10-02T09:00:00+02:00' });
    out = path.join(repo.dir, 'ut');
    const result = await buildSite({ plansDir: path.join(repo.dir, 'plans'), outDir: out, logLevel: 'silent' });
    expect(result.errors).toEqual([]);
  }, 300_000);
  afterAll(() => repo?.cleanup());

  it('finds FO3.4 changed after 2025-09-17, with who and what in words, and nothing in 2026-08', () => {
    const dir = path.join(repo.dir, 'plans');
    const graph = checkPlans(dir).graph;
    const history = readPlanHistory(dir, graph);
    if (!history.available) throw new Error(history.reason);
    const model = new SiteModel(graph);
    const nodes = new Set(graph.nodes.filter((n) => n.document === PLAN).map((n) => n.key));
    const after = changedAfterHandling(history.followUps, nodes, boardHandling(model, PLAN, '2025-08')!);
    expect(after.state).toBe('known');
    if (after.state !== 'known') return;
    expect(after.changed.map((c) => [c.node, c.commits.map((e) => [e.date, e.author, e.changes])])).toEqual([
      [`${PLAN}:FO3.4`, [['2025-10-02T09:00:00+02:00', 'Lena Holm', ['Prognos: delvis uppfyllt → ej uppfyllt']]]],
    ]);
    expect(changedAfterHandling(history.followUps, nodes, boardHandling(model, PLAN, '2026-08')!)).toEqual({ state: 'known', changed: [] });
  });

  it('says so at the head of the 2025-08 report and on FO3.4\'s page, and the report head shows the handling', () => {
    const report = text(read(`${PLAN}/uppfoljning/2025-08/index.html`));
    expect(report).toContain('Behandlad Kommunstyrelsen 17 september 2025 , § 141 (dnr KS 2025/312)');
    expect(report).toContain('Beslut: Kommunstyrelsen godkände uppföljningen');
    expect(report).toContain('Ändrad efter behandlingen i kommunstyrelsen 17 september 2025. 1 uppföljning har ändrats sedan dess; rapporten visar den som den är nu');
    expect(report).toMatch(/FO3\.4 E-arkiv och informationshantering : 2 oktober 2025 \(Lena Holm\): Prognos: delvis uppfyllt → ej uppfyllt/);
    expect(report).not.toMatch(/FO3\.5[^.]*: 17 september 2025/);
    const page = text(read(`${PLAN}/fokusomrade/fo3-4/index.html`));
    expect(page).toContain('Ändrad efter behandlingen i kommunstyrelsen 17 september 2025. Uppföljningen augusti 2025 har ändrats sedan dess');
    expect(text(read(`${PLAN}/fokusomrade/fo3-5/index.html`))).not.toContain('Ändrad efter behandlingen');
    // 2026-08 was handled on 2026-09-16 and not changed since.
    const later = text(read(`${PLAN}/uppfoljning/2026-08/index.html`));
    expect(later).toContain('Behandlad Kommunstyrelsen 16 september 2026 , § 128');
    expect(later).not.toContain('Ändrad efter behandlingen');
    // The list of follow-ups shows each period's handling.
    expect(text(read(`${PLAN}/uppfoljning/index.html`))).toMatch(/Kommunstyrelsen 17 september 2025 , § 141/);
  });

  // The same built example, read for what the 2026-08 report says beyond the handling (issue 13).
  it('the 2026-08 report: each action once per goal, nothing flagged as without indicator (every one is measured), trend arrows that follow the number', () => {
    const html = read(`${PLAN}/uppfoljning/2026-08/index.html`);
    const m2 = html.slice(html.indexOf('id="mal-m2"'), html.indexOf('id="mal-m3"'));
    // A25 (FO2.5 and FO2.6): one table row, and named once under FO2.6 with a link to FO2.5.
    const rows = (m2.match(/<table[\s\S]*?<\/table>/g) ?? []).flatMap((table) => table.match(/<tr[\s\S]*?<\/tr>/g) ?? []);
    expect(rows.filter((row) => row.includes('>A25<'))).toHaveLength(1);
    expect(text(m2)).toMatch(/Bidrar också, listad ovan: A25 E-förslag och digital medborgardialog \(under fokusområde FO2\.5 \)/);
    expect(m2).toContain('href="#fo-fo2-5"');
    // Every goal and focus area of the example has an indicator, so nothing is flagged (the flags themselves are
    // asserted on the multi fixture in build.test.ts).
    expect(text(html)).not.toMatch(/saknar indikator/i);
    // "I korthet" first: each thing that needs attention in a line, then each goal's row.
    const overview = text(html.slice(html.indexOf('id="i-korthet"'), html.indexOf('id="att-uppmarksamma"')));
    for (const named of ['M2 Digitalisering', 'M3 Verksamhetssystem', 'M4 IT-infrastruktur', 'A18 Flytt av e-post', 'A23 Införande av e-arkiv', 'I4 Hushåll med tillgång', 'I18 Antal genomförda leveranser']) expect(overview).toContain(named);
    expect(overview).toContain('12 fokusområden är inte helt uppfyllda: FO2.1 , FO2.2 , FO2.4 , FO2.5 , FO2.7 , FO2.8 , FO2.11 , FO3.4 , FO3.5 , FO4.3 , FO4.4 , FO4.5');
    expect(overview).toMatch(/M3 Verksamhetssystem Delvis uppfyllt Prognos: delvis uppfyllt .*? 2 av 3 nådde målvärdet I16 Antal verksamhetssystem : 119 system \(mål 120 system ?\) Nått ↘ bättre \(−9\) I18 Antal genomförda leveranser till e-arkivet : 2 leveranser \(mål 5 leveranser ?\) Inte nått/);
    // The headline counts the group I6 once and names its questions under it.
    expect(text(html)).toContain('18 av 20 indikatorer med målvärde och utfall för 2026 nådde målvärdet');
    expect(text(html)).toContain('En grupp räknas som en indikator: I6 Digital mognad: styrning , med 4 frågor: I6.1 , I6.2 , I6.3 , I6.4');
    // The group's own page shows its computed value in its follow-up section, not "–" and "Ingen uppföljning skrevs".
    const i6 = text(read(`${PLAN}/indikator/i6/index.html`));
    expect(i6).toMatch(/Uppföljning augusti 2026 Utfall: 3,5 \(skala 1–4\) \(medelvärdet av frågorna\) Gruppen har ingen egen uppföljning/);
    expect(i6).not.toContain('Ingen uppföljning skrevs');
    // I3 (serious IT incidents, lower is better) fell from 6 to 3: down arrow, better, −3.
    expect(text(html)).toMatch(/I3 Antal allvarliga IT-incidenter[^↗↘]*↘ bättre \(−3\)/);
    expect(text(html)).not.toMatch(/↗ bättre \(−/);
  });
});
