// sparbar diff: two revisions of a plan in a temporary git repository; the JSON for each kind of change,
// and the markdown summary for one realistic pull request.
import { existsSync, readFileSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CheckCache } from '../../src/check/check-cache.js';
import { checkPlans } from '../../src/check/check-plans.js';
import { compareRevisions } from '../../src/diff/compare-revisions.js';
import type { PlanDiffReport } from '../../src/diff/compare-revisions.js';
import { runCli } from '../helpers/cli.js';
import { snapshotTree } from '../helpers/tree.js';
import { tempRepo, type TempRepo } from '../helpers/git-repo.js';

const PLAN = 'plans/ekby/plan-2024-2027';
const DOC = 'ekby-digplan-2024-2027';

/** A realistic pull request: a new action, one removed, one renamed, a due date slipped, an action moved, a principle dropped, follow-ups. */
function realisticChange(repo: TempRepo): void {
  repo.write(
    `${PLAN}/aktiviteter/digitaliseringsenheten/A37.md`,
    '---\ntyp: aktivitet\nid: A37\ntitel: Chattbot för medborgarfrågor\nbidrar_till: [FO2.1]\nansvarig: Kommunledningsförvaltningen – Digitaliseringsenheten\nstart: 2026-09-01\nslut: 2027-06-30\nstatus: ej påbörjad\nbudget: { belopp: 600, enhet: tkr, slag: drift }\n---\nEn chattbot svarar på de vanligaste frågorna dygnet runt.\n',
  );
  // A36 is dropped, with its follow-up.
  repo.remove(`${PLAN}/aktiviteter/kultur-och-fritid/A36.md`);
  repo.remove(`${PLAN}/uppfoljning/2026-08/kultur-och-fritid/A36.md`);
  // A20 gets the id A38 in the same file; its follow-ups follow.
  repo.edit(`${PLAN}/aktiviteter/it-enheten/A20.md`, 'id: A20', 'id: A38');
  repo.edit(`${PLAN}/uppfoljning/2025-08/it-enheten/A20.md`, 'avser: A20', 'avser: A38');
  repo.edit(`${PLAN}/uppfoljning/2026-08/it-enheten/A20.md`, 'avser: A20', 'avser: A38');
  // A05: a year later, late, and moved from FO2.1 to FO2.3.
  repo.edit(`${PLAN}/aktiviteter/digitaliseringsenheten/A05.md`, 'slut: 2025-12-31', 'slut: 2026-12-31');
  repo.edit(`${PLAN}/aktiviteter/digitaliseringsenheten/A05.md`, 'bidrar_till: [FO2.1, FO2.2]', 'bidrar_till: [FO2.2, FO2.3]');
  repo.edit(`${PLAN}/aktiviteter/digitaliseringsenheten/A05.md`, 'belopp: 4.5', 'belopp: 5.2');
  // SP4 loses both goals that realised it.
  repo.edit(`${PLAN}/mal/M2.md`, 'styrprinciper: [SP1, SP2, SP3, SP4, SP5, SP6, SP12]', 'styrprinciper: [SP1, SP2, SP3, SP5, SP6, SP12]');
  repo.edit(`${PLAN}/mal/M3.md`, 'styrprinciper: [SP4, SP8, SP9, SP10]', 'styrprinciper: [SP8, SP9, SP10]');
  // Follow-ups: one assessment revised, one new for the new action.
  repo.edit(`${PLAN}/uppfoljning/2026-08/digitaliseringsenheten/FO2.3.md`, 'bedömning: uppfyllt', 'bedömning: delvis uppfyllt\nprognos: uppfyllt');
  repo.write(
    `${PLAN}/uppfoljning/2026-08/digitaliseringsenheten/A37.md`,
    '---\ntyp: uppföljning\navser: A37\nperiod: 2026-08\nstatus: ej påbörjad\nförfattare: Anna Berg, digitaliseringsstrateg\ndatum: 2026-08-24\n---\nUpphandlingen förbereds.\n',
  );
}

describe('sparbar diff', () => {
  let repo: TempRepo;
  let report: PlanDiffReport;
  beforeAll(() => {
    repo = tempRepo();
    realisticChange(repo);
    report = compareRevisions(path.join(repo.dir, 'plans'), 'main').report;
  });
  afterAll(() => repo.cleanup());

  it('names both sides', () => {
    expect(report.format).toBe('sparbar-diff');
    expect(report.version).toBe(1);
    expect(report.folder).toBe('plans');
    expect(report.base).toMatchObject({ revision: 'main', commit: repo.git('rev-parse', 'main'), exists: true, errors: 0 });
    expect(report.head).toMatchObject({ revision: null, commit: null, exists: true, errors: 0 });
  });

  it('with the check cache of the work tree check, reads only the revision files whose bytes differ, with the same report', () => {
    const dir = path.join(repo.dir, 'plans');
    const cache = CheckCache.open(dir, undefined);
    const workTree = checkPlans(dir, { cache });
    const misses = cache.misses;
    const { report: again } = compareRevisions(dir, 'main', undefined, {}, workTree, { checked: cache });
    expect(again).toEqual(report);
    // A36 and its follow-up are gone from the work tree; A20, its two follow-ups, A05, M2, M3 and FO2.3's follow-up changed.
    expect(cache.misses - misses).toBe(9);
    expect(cache.hits).toBe(report.base.files - 9);
  });

  it('reports an added node with its fields and links', () => {
    expect(report.nodes.added).toEqual([
      expect.objectContaining({
        key: `${DOC}:A37`,
        type: 'aktivitet',
        id: 'A37',
        title: 'Chattbot för medborgarfrågor',
        file: 'ekby/plan-2024-2027/aktiviteter/digitaliseringsenheten/A37.md',
        goal: `${DOC}:M2`,
        fields: expect.objectContaining({ slut: '2027-06-30', budget: { belopp: 600, enhet: 'tkr', slag: 'drift' } }),
        links: expect.arrayContaining([{ type: 'contributes-to', to: `${DOC}:FO2.1`, title: 'E-tjänster och självservice' }]),
      }),
    ]);
  });

  it('reports a removed node', () => {
    expect(report.nodes.removed).toEqual([
      { key: `${DOC}:A36`, type: 'aktivitet', id: 'A36', title: 'Digital bokning av lokaler och anläggningar', file: 'ekby/plan-2024-2027/aktiviteter/kultur-och-fritid/A36.md', goal: `${DOC}:M2` },
    ]);
  });

  it('reports an id change in the same file as a rename, not a removal and an addition', () => {
    expect(report.nodes.renamed).toEqual([
      {
        from: expect.objectContaining({ key: `${DOC}:A20`, id: 'A20' }),
        to: expect.objectContaining({ key: `${DOC}:A38`, id: 'A38', title: 'Gemensam integrationsplattform' }),
        reason: 'same-file',
        reusedId: false,
        moved: null,
        changes: [],
      },
    ]);
    expect(report.nodes.added.map((n) => n.id)).not.toContain('A38');
    expect(report.nodes.removed.map((n) => n.id)).not.toContain('A20');
    // Its follow-ups follow it: not removed and added again.
    expect(report.followUps.removed.map((f) => f.node.id)).not.toContain('A20');
    expect(report.followUps.added.map((f) => f.node.id)).not.toContain('A38');
  });

  it('reports field changes: due date and budget', () => {
    const a05 = report.nodes.changed.find((c) => c.node.id === 'A05');
    expect(a05?.changes).toEqual([
      { field: 'budget', before: { belopp: 4.5, enhet: 'Mkr', slag: 'investering' }, after: { belopp: 5.2, enhet: 'Mkr', slag: 'investering' } },
      { field: 'slut', before: '2025-12-31', after: '2026-12-31' },
    ]);
  });

  it('reports links added and removed between nodes on both sides', () => {
    const ids = (list: PlanDiffReport['links']['added']) => list.map((l) => `${l.from.id} ${l.type} ${l.to.id}`);
    expect(ids(report.links.added)).toEqual(['A05 contributes-to FO2.3']);
    expect(ids(report.links.removed)).toEqual(['A05 contributes-to FO2.1', 'M2 realises SP4', 'M3 realises SP4']);
  });

  it('reports a principle that becomes uncovered', () => {
    expect(report.coverage.uncovered).toEqual([expect.objectContaining({ key: 'ekby-it-policy:SP4', type: 'styrprincip', id: 'SP4' })]);
    expect(report.coverage.covered).toEqual([]);
  });

  it('reports follow-ups added, changed and removed', () => {
    expect(report.followUps.added).toEqual([expect.objectContaining({ node: expect.objectContaining({ id: 'A37' }), period: '2026-08', status: 'ej påbörjad' })]);
    expect(report.followUps.removed).toEqual([expect.objectContaining({ node: expect.objectContaining({ id: 'A36' }), period: '2026-08' })]);
    expect(report.followUps.changed).toEqual([
      {
        node: expect.objectContaining({ id: 'FO2.3' }),
        period: '2026-08',
        file: 'ekby/plan-2024-2027/uppfoljning/2026-08/digitaliseringsenheten/FO2.3.md',
        changes: [
          { field: 'bedömning', before: 'uppfyllt', after: 'delvis uppfyllt' },
          { field: 'prognos', before: null, after: 'uppfyllt' },
        ],
      },
    ]);
  });

  it('summarises the pull request in Swedish markdown, grouped by goal', async () => {
    const r = await runCli(['diff', 'main', path.join(repo.dir, 'plans')]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const commit = repo.git('rev-parse', '--short=7', 'main');
    expect(r.stdout).toBe(
      [
        '## Ändringar i planen',
        '',
        `Planmappen \`plans\` i \`main\` (${commit}) jämförd med arbetskopian.`,
        '',
        '**I korthet:** 1 ny aktivitet, 1 borttagen aktivitet, 1 aktivitet med nytt id, 2 ändrade mål, 1 ändrad aktivitet, 1 ny uppföljning, 1 ändrad uppföljning, 1 borttagen uppföljning.',
        '',
        '### Täckning',
        '',
        '- **Obs!** Styrprincipen SP4 Invånare och företag ska bara behöva lämna en uppgift en gång förverkligas inte längre av något mål.',
        '',
        '### Mål M2 Digitalisering',
        '',
        '- **Mål M2 Digitalisering**',
        '  - Förverkligar inte längre SP4 Invånare och företag ska bara behöva lämna en uppgift en gång',
        '- **Aktivitet A05 Ny e-tjänsteplattform och Mina sidor**',
        '  - Budget: 4,5 Mkr (investering) → 5,2 Mkr (investering)',
        '  - Slutdatum: 2025-12-31 → 2026-12-31 (senareläggs 12 månader)',
        '  - Bidrar nu till FO2.3 Automatisering av handläggning (i stället för FO2.1 E-tjänster och självservice)',
        '- **Borttagen aktivitet A36 Digital bokning av lokaler och anläggningar**',
        '- **Ny aktivitet A37 Chattbot för medborgarfrågor**',
        '  - Ansvarig Kommunledningsförvaltningen – Digitaliseringsenheten, startdatum 2026-09-01, slutdatum 2027-06-30, status ej påbörjad, budget 600 tkr (drift)',
        '  - Bidrar till FO2.1 E-tjänster och självservice',
        '- **Borttagen uppföljning 2026-08** av A36 Digital bokning av lokaler och anläggningar',
        '- **Ny uppföljning 2026-08** av A37 Chattbot för medborgarfrågor: status ej påbörjad',
        '- **Uppföljning 2026-08** av FO2.3 Automatisering av handläggning',
        '  - Bedömning: uppfyllt → delvis uppfyllt',
        '  - Prognos: uppfyllt (ny uppgift)',
        '',
        '### Mål M3 Verksamhetssystem',
        '',
        '- **Mål M3 Verksamhetssystem**',
        '  - Förverkligar inte längre SP4 Invånare och företag ska bara behöva lämna en uppgift en gång',
        '- **Aktivitet A20 har fått id A38** Gemensam integrationsplattform (samma fil, ekby/plan-2024-2027/aktiviteter/it-enheten/A20.md)',
        '',
      ].join('\n'),
    );
  });
});

describe('sparbar diff between commits', () => {
  let repo: TempRepo;
  beforeAll(() => {
    repo = tempRepo();
  });
  afterAll(() => repo.cleanup());

  it('compares two commits and never touches the work tree or the index', async () => {
    realisticChange(repo);
    const head = repo.commit('Revidering 2026');
    // Uncommitted edits and a staged file stay exactly as they were, and are not part of a commit-to-commit diff.
    repo.edit(`${PLAN}/mal/M1.md`, 'titel: IT-styrning', 'titel: IT-styrning och arkiv');
    repo.write('staged.txt', 'i indexet\n');
    repo.git('add', 'staged.txt');
    const tree = snapshotTree(repo.dir);
    const status = repo.git('status', '--porcelain=v1');
    const r = await runCli(['diff', 'main~1', head, path.join(repo.dir, 'plans'), '--format', 'json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as PlanDiffReport;
    expect(report.head).toMatchObject({ revision: head, commit: head });
    expect(report.nodes.changed.map((c) => c.node.id)).not.toContain('M1');
    expect(report.nodes.renamed.map((x) => x.to.id)).toEqual(['A38']);
    expect(snapshotTree(repo.dir)).toEqual(tree);
    expect(repo.git('status', '--porcelain=v1')).toBe(status);
    // The work tree, by contrast, has the uncommitted title.
    const wt = await runCli(['diff', head, path.join(repo.dir, 'plans'), '--format', 'json']);
    expect((JSON.parse(wt.stdout) as PlanDiffReport).nodes.changed).toEqual([
      { node: expect.objectContaining({ id: 'M1' }), changes: [{ field: 'titel', before: 'IT-styrning', after: 'IT-styrning och arkiv' }] },
    ]);
    expect(snapshotTree(repo.dir)).toEqual(tree);
  });
});

describe('sparbar diff: renames, documents and edge cases', () => {
  const repos: TempRepo[] = [];
  const fresh = () => {
    const r = tempRepo();
    repos.push(r);
    return r;
  };
  afterAll(() => repos.forEach((r) => r.cleanup()));
  const diff = (repo: TempRepo) => compareRevisions(path.join(repo.dir, 'plans'), 'main').report;

  it('treats a moved file with a new id and the same content as a rename', () => {
    const repo = fresh();
    const from = `${PLAN}/aktiviteter/it-enheten/A21.md`;
    const text = repo.read(from).replace('id: A21', 'id: A40');
    repo.remove(from);
    repo.write(`${PLAN}/aktiviteter/samhallsbyggnad/A40.md`, text);
    for (const p of ['2025-08', '2026-08']) {
      const fu = `${PLAN}/uppfoljning/${p}/it-enheten/A21.md`;
      if (existsSync(path.join(repo.dir, fu))) repo.edit(fu, 'avser: A21', 'avser: A40');
    }
    const report = diff(repo);
    expect(report.nodes.added).toEqual([]);
    expect(report.nodes.removed).toEqual([]);
    expect(report.nodes.renamed).toEqual([
      {
        from: expect.objectContaining({ id: 'A21' }),
        to: expect.objectContaining({ id: 'A40', file: 'ekby/plan-2024-2027/aktiviteter/samhallsbyggnad/A40.md' }),
        reason: 'same-content',
        reusedId: false,
        moved: null,
        changes: [{ field: 'fil', before: 'ekby/plan-2024-2027/aktiviteter/it-enheten/A21.md', after: 'ekby/plan-2024-2027/aktiviteter/samhallsbyggnad/A40.md' }],
      },
    ]);
  });

  it('renames an inline focus area in its goal file', () => {
    const repo = fresh();
    repo.edit(`${PLAN}/mal/M2.md`, 'id: FO2.4', 'id: FO2.12');
    for (const f of repo.git('grep', '-l', '-E', 'FO2\\.4\\b', '--', 'plans').split('\n').filter(Boolean)) repo.edit(f, /FO2\.4\b/g, 'FO2.12');
    const report = diff(repo);
    expect(report.nodes.renamed.map((r) => `${r.from.id}→${r.to.id} ${r.reason}`)).toEqual(['FO2.4→FO2.12 same-file']);
    expect(report.nodes.added).toEqual([]);
    expect(report.links).toEqual({ added: [], removed: [], broken: [] });
    expect(report.followUps).toEqual({ added: [], removed: [], changed: [], detached: [] });
  });

  it('reports a renamed plan once, not every node in it', () => {
    const repo = fresh();
    for (const f of repo.git('grep', '-l', DOC, '--', 'plans').split('\n').filter(Boolean)) repo.edit(f, new RegExp(DOC, 'g'), 'ekby-digplan-2024-2028');
    const report = diff(repo);
    expect(report.nodes.renamed.map((r) => `${r.from.key}→${r.to.key}`)).toEqual([`${DOC}→ekby-digplan-2024-2028`]);
    expect(report.nodes.added).toEqual([]);
    expect(report.nodes.removed).toEqual([]);
    expect(report.nodes.changed).toEqual([]);
    expect(report.followUps.changed).toEqual([]);
  });

  it('says that a goal moved to another plan of the folder, with its focus areas, and what was left pointing at it', async () => {
    const repo = fresh();
    repo.edit('plans/ekby/policy/policy.md', 'organisationer: [ekby]', 'organisationer: [ekby, aby]');
    repo.write('plans/organisationer/aby.md', '---\ntyp: organisation\nid: aby\ntitel: Åby kommun\n---\n');
    repo.write(
      'plans/aby/plan-2025-2028/plan.md',
      '---\ntyp: plan\nid: aby-plan-2025-2028\ntitel: Åbys plan\norganisation: aby\npolicy: ekby-it-policy\nantagen_av: Kommunstyrelsen\nantagen: 2025-02-14\nperiod:\n  från: 2025\n  till: 2028\n---\n',
    );
    repo.write('plans/aby/plan-2025-2028/mal/M4.md', repo.read(`${PLAN}/mal/M4.md`));
    repo.write('plans/aby/plan-2025-2028/fokusomraden/FO4.3.md', repo.read(`${PLAN}/fokusomraden/FO4.3.md`));
    repo.remove(`${PLAN}/mal/M4.md`);
    repo.remove(`${PLAN}/fokusomraden/FO4.3.md`);
    const report = diff(repo);
    const moved = { from: { key: DOC, type: 'plan', id: DOC, title: 'Strategisk plan för digitalisering 2024–2027' }, to: { key: 'aby-plan-2025-2028', type: 'plan', id: 'aby-plan-2025-2028', title: 'Åbys plan' } };
    expect(report.nodes.renamed.map((r) => `${r.from.key}→${r.to.key}`)).toEqual(['FO4.1', 'FO4.2', 'FO4.3', 'FO4.4', 'FO4.5', 'M4'].map((id) => `${DOC}:${id}→aby-plan-2025-2028:${id}`));
    for (const r of report.nodes.renamed) expect(r.moved).toEqual(moved);
    // The file and the link to the plan follow from the move: not repeated.
    for (const r of report.nodes.renamed) expect(r.changes).toEqual([]);
    expect(report.links.removed).toEqual([]);
    // The follow-ups are still on disk in the first plan, naming ids that are no longer there.
    expect(report.followUps.removed).toEqual([]);
    expect(report.followUps.detached.map((f) => `${f.node.id} ${f.period} ${f.written}`)).toContain('M4 2026-08 M4');
    expect(report.followUps.detached).toHaveLength(12);
    expect(report.links.broken).toContainEqual(expect.objectContaining({ type: 'contributes-to', from: expect.objectContaining({ id: 'A14' }), to: expect.objectContaining({ key: 'aby-plan-2025-2028:FO4.1' }), written: 'FO4.1' }));
    const md = (await runCli(['diff', 'main', path.join(repo.dir, 'plans')])).stdout;
    expect(md).toContain('1 flyttat mål, 5 flyttade fokusområden, 12 uppföljningar vars ”avser” inte längre leder någonstans, 15 hänvisningar som inte längre leder någonstans');
    expect(md).toContain('- **Mål M4 IT-infrastruktur har flyttats** från planen ekby-digplan-2024-2027 Strategisk plan för digitalisering 2024–2027 till planen aby-plan-2025-2028 Åbys plan\n');
    expect(md).toContain('- **Fokusområde FO4.3 Molntjänster efter riskanalys har flyttats** med målet M4\n');
    expect(md).toContain(
      '- **Aktivitet A14 Nytt trådlöst nät i kommunens verksamhetslokaler**\n  - **Obs!** Bidrar fortfarande till FO4.1 (Stabilt och säkert nät), som nu finns i planen aby-plan-2025-2028: hänvisningen leder ingenstans. Skriv aby-plan-2025-2028:FO4.1.\n',
    );
    expect(md).toContain(
      '- **Uppföljning 2026-08 av M4 IT-infrastruktur hör inte längre till målet**\n  - Filen finns kvar och avser fortfarande M4, som nu finns i planen aby-plan-2025-2028: uppföljningen hör inte längre till något mål. (ekby/plan-2024-2027/uppfoljning/2026-08/digitaliseringsenheten/M4.md)',
    );
    for (const wrong of ['har fått id M4', 'Borttagen uppföljning', 'Hör inte längre till', 'Bidrar inte längre till']) expect(md).not.toContain(wrong);
    // The action that still names FO4.1 stays under goal M4, where the reader looks for it.
    expect(md.indexOf('Aktivitet A14')).toBeLessThan(md.indexOf('### Policy, plan och övrigt'));
  });

  it('tells a link still written to a renamed id as broken, not as a link removed from the new id', async () => {
    const repo = fresh();
    repo.edit(`${PLAN}/mal/M1.md`, '  - id: FO1.3', '  - id: FO1.6');
    const report = diff(repo);
    expect(report.nodes.renamed.map((r) => `${r.from.id}→${r.to.id} ${r.reason}`)).toEqual(['FO1.3→FO1.6 same-file']);
    // I6.4 measured FO1.3 and still names it; it never measured FO1.6.
    expect(report.links.removed).toEqual([]);
    expect(report.links.broken.map((l) => `${l.from.id} ${l.type} ${l.written} (nu ${l.to.id})`)).toEqual(['A03 contributes-to FO1.3 (nu FO1.6)', 'I6.4 measures FO1.3 (nu FO1.6)']);
    expect(report.followUps.detached.map((f) => `${f.period} ${f.written}`)).toEqual(['2025-08 FO1.3', '2026-08 FO1.3']);
    const md = (await runCli(['diff', 'main', path.join(repo.dir, 'plans')])).stdout;
    expect(md).toContain('**Obs!** Mäter fortfarande FO1.3 (Nyttorealisering), som nu har id FO1.6: hänvisningen leder ingenstans. Skriv FO1.6.');
    expect(md).toContain('Filen finns kvar och avser fortfarande FO1.3, som nu har id FO1.6: uppföljningen hör inte längre till något fokusområde. Skriv avser: FO1.6.');
    expect(md).not.toMatch(/inte längre FO1\.6|Borttagen uppföljning/);
    // Once the references are updated, only the rename is left.
    for (const f of repo.git('grep', '-l', '-E', 'FO1\\.3\\b', '--', 'plans').split('\n').filter(Boolean)) repo.edit(f, /FO1\.3\b/g, 'FO1.6');
    const fixed = diff(repo);
    expect(fixed.links).toEqual({ added: [], removed: [], broken: [] });
    expect(fixed.followUps).toEqual({ added: [], removed: [], changed: [], detached: [] });
  });

  it('says so when nothing changed', async () => {
    const repo = fresh();
    const r = await runCli(['diff', 'main', path.join(repo.dir, 'plans')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Inga ändringar i planen.');
  });

  it('treats a folder missing at the base as all new, and one missing on both sides as a usage error', async () => {
    const repo = tempRepo({ withPlans: false });
    repos.push(repo);
    repo.write('README.md', '# Planer\n');
    repo.commit('Tomt förråd');
    repo.write('plans/organisationer/ekby.md', '---\ntyp: organisation\nid: ekby\ntitel: Ekby kommun\n---\n');
    const r = await runCli(['diff', 'main', path.join(repo.dir, 'plans'), '--format', 'json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as PlanDiffReport;
    expect(report.base.exists).toBe(false);
    expect(report.nodes.added.map((n) => n.key)).toEqual(['ekby']);
    const md = await runCli(['diff', 'main', path.join(repo.dir, 'plans')]);
    expect(md.stdout).toContain('Planmappen fanns inte i `main`');
    const none = await runCli(['diff', 'main', 'HEAD', path.join(repo.dir, 'saknas')]);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/^sparbar diff: Planmappen "saknas" finns varken i main eller i HEAD\./);
    const typo = await runCli(['diff', 'main', path.join(repo.dir, 'plan')]);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toMatch(/"[^"]*plan" är varken en mapp eller en revision som git känner till\./);
  });

  it('exits 1 when the head has errors, still printing the diff, and notes errors at the base', async () => {
    const repo = fresh();
    repo.edit(`${PLAN}/aktiviteter/digitaliseringsenheten/A05.md`, 'status: ej påbörjad', 'status: pågående');
    const r = await runCli(['diff', 'main', path.join(repo.dir, 'plans')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('**Obs!** Planen i arbetskopian har 1 fel.');
    expect(r.stderr).toMatch(/planen i arbetskopian har 1 fel/);
    const broken = repo.commit('Trasig');
    repo.edit(`${PLAN}/aktiviteter/digitaliseringsenheten/A05.md`, 'status: pågående', 'status: pågår');
    const fixed = await runCli(['diff', broken, path.join(repo.dir, 'plans')]);
    expect(fixed.code).toBe(0);
    expect(fixed.stdout).toContain(`**Obs!** Planen i \`${broken}\``);
  });

  it('reports a symbolic link out of the folder at a revision, like check', () => {
    const repo = fresh();
    repo.write('utanfor.md', '---\ntyp: organisation\nid: x\ntitel: X\n---\n');
    repo.git('commit', '-q', '--allow-empty', '-m', 'noop');
    symlinkSync('../../utanfor.md', path.join(repo.dir, 'plans/organisationer/lank.md'));
    const head = repo.commit('Länk');
    const c = compareRevisions(path.join(repo.dir, 'plans'), 'main', head);
    expect(c.head.messages.map((m) => `${m.file} ${m.ruleId}`)).toEqual(['organisationer/lank.md symlink-outside']);
  });

  it('refuses unknown revisions, folders outside git, bad formats and missing arguments with exit 2', async () => {
    const repo = fresh();
    const dir = path.join(repo.dir, 'plans');
    const unknown = await runCli(['diff', 'finnsinte', dir]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^sparbar diff: git känner inte till revisionen "finnsinte"\. Kontrollera namnet/);
    // A folder (another clone's plans) or a path given as the revision: no advice to fetch it.
    const folder = await runCli(['diff', path.join(repo.dir, 'plans/ekby'), dir]);
    expect(folder.code).toBe(2);
    expect(folder.stderr).toMatch(/^sparbar diff: "[^"]*plans\/ekby" är en mapp, inte en git-revision\. .*sparbar diff FETCH_HEAD plans\.$/m);
    expect(folder.stderr).not.toMatch(/git fetch origin/);
    const missing = await runCli(['diff', '../saknas/plans', dir]);
    expect(missing.stderr).toMatch(/^sparbar diff: Mappen "\.\.\/saknas\/plans" finns inte, och git känner inte heller till någon revision med det namnet\./);
    const asHead = await runCli(['diff', 'main', path.join(repo.dir, 'plans/ekby'), dir]);
    expect(asHead.stderr).toMatch(/plans\/ekby" är en mapp, inte en git-revision/);
    const option = await runCli(['diff', '--format', 'json', '-x']);
    expect(option.code).toBe(2);
    expect((await runCli(['diff'])).stderr).toMatch(/ange revisionen att jämföra med/);
    expect((await runCli(['diff', 'main', dir, '--format', 'html'])).stderr).toMatch(/okänt format "html"\. Välj markdown eller json\./);
    const outside = await runCli(['diff', 'main', path.join(path.dirname(repo.dir))]);
    expect(outside.code).toBe(2);
    expect(outside.stderr).toMatch(/ligger inte i ett git-förråd/);
    expect(readFileSync(path.join(repo.dir, '.git/HEAD'), 'utf8')).toBe('ref: refs/heads/main\n');
  });
});
