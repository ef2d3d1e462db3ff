// "Ändringar sedan antagandet" as data: the plan diff against the adopted tag, narrowed to one plan and grouped
// by goal in plain Swedish; the configuration key that names the adopted revision.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPlans } from '../../src/check/check-plans.js';
import { planSinceAdoption } from '../../src/diff/since-adoption.js';
import { adoptionView, plainLine, type AdoptionView } from '../../src/site/adoption-view.js';
import { adoptedRevisions, siteHistory } from '../../src/site/history.js';
import { loadSiteConfig, resolveSiteConfig } from '../../src/site/site-config.js';
import { tempRepo, type TempRepo } from '../helpers/git-repo.js';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';

const PLAN = 'plans/ekby/plan-2024-2027';
const DOC = 'ekby-digplan-2024-2027';

type Available = Extract<AdoptionView, { state: 'available' }>;

describe('adoptionView', () => {
  let repo: TempRepo;
  let view: Available;
  beforeAll(() => {
    repo = tempRepo();
    repo.git('tag', 'plan-2024-antagen');
    repo.edit(`${PLAN}/aktiviteter/digitaliseringsenheten/A05.md`, 'slut: 2025-12-31', 'slut: 2026-12-31');
    repo.edit(`${PLAN}/aktiviteter/it-enheten/A14.md`, 'bidrar_till: [FO4.1]', 'bidrar_till: [FO4.1, FO4.2]');
    repo.edit(`${PLAN}/mal/M1.md`, 'styrprinciper: [SP7, SP8, SP10, SP11]', 'styrprinciper: [SP8, SP10, SP11]');
    repo.edit(`${PLAN}/uppfoljning/2026-08/digitaliseringsenheten/FO2.3.md`, 'bedömning: uppfyllt', 'bedömning: delvis uppfyllt');
    repo.remove(`${PLAN}/aktiviteter/kultur-och-fritid/A35.md`);
    repo.remove(`${PLAN}/uppfoljning/2025-08/kultur-och-fritid/A35.md`);
    repo.remove(`${PLAN}/uppfoljning/2026-08/kultur-och-fritid/A35.md`);
    repo.write(
      `${PLAN}/aktiviteter/digitaliseringsenheten/A37.md`,
      '---\ntyp: aktivitet\nid: A37\ntitel: Chatt för invånarfrågor\nbidrar_till: [FO2.1]\nansvarig: Kommunledningsförvaltningen – Digitaliseringsenheten\nstart: 2026-09-01\nslut: 2027-06-30\nstatus: ej påbörjad\n---\nEn chatt på webbplatsen.\n',
    );
    repo.commit('Revidering september 2026', { author: 'Anna Berg', date: '2026-09-17T10:00:00+02:00' });
    const since = planSinceAdoption(path.join(repo.dir, 'plans'), 'plan-2024-antagen');
    const v = adoptionView(DOC, since, { policies: ['ekby-it-policy'] });
    if (v.state !== 'available') throw new Error(JSON.stringify(v));
    view = v;
  });
  afterAll(() => repo.cleanup());

  it('sums up what changed in the plan since the adopted tag', () => {
    expect(view.revision).toBe('plan-2024-antagen');
    expect(view.planExisted).toBe(true);
    expect(view.errorsBefore).toBe(0);
    expect(view.errorsNow).toBe(0);
    expect(view.summary).toEqual(['1 ny aktivitet', '1 borttagen aktivitet', '1 ändrat mål', '2 ändrade aktiviteter', '1 ändrad uppföljning', '2 borttagna uppföljningar']);
    expect(view.coverage).toEqual([{ text: 'Styrprincipen förverkligas inte längre av något mål.', warning: true, node: { key: 'ekby-it-policy:SP7', type: 'styrprincip', id: 'SP7', title: expect.any(String) } }]);
  });

  it('groups the changes by goal, in goal order, with plain sentences', () => {
    expect(view.groups.map((g) => g.goal?.id ?? null)).toEqual(['M1', 'M2', 'M4']);
    const m1 = view.groups.find((g) => g.goal?.id === 'M1')!;
    expect(m1.items[0]).toEqual({ label: 'Ändrat mål', node: { key: `${DOC}:M1`, type: 'mål', id: 'M1', title: 'IT-styrning' }, removed: false, lines: [expect.stringMatching(/^Förverkligar inte längre SP7 /)] });
    const m2 = view.groups.find((g) => g.goal?.id === 'M2')!;
    const labels = m2.items.map((i) => `${i.label} ${i.node.id}`);
    // Actions in id order, whatever happened to them; then the follow-ups.
    expect(labels).toEqual([
      'Ändrad aktivitet A05',
      'Borttagen aktivitet A35',
      'Ny aktivitet A37',
      'Borttagen uppföljning augusti 2025 av A35',
      'Borttagen uppföljning augusti 2026 av A35',
      'Ändrad uppföljning augusti 2026 av FO2.3',
    ]);
    const item = (label: string) => m2.items.find((i) => `${i.label} ${i.node.id}` === label)!;
    expect(item('Ny aktivitet A37').lines).toContainEqual(expect.stringMatching(/^Bidrar till FO2\.1 \S/));
    expect(item('Ny aktivitet A37').lines).toContain('Slut: 2027-06-30');
    expect(item('Ändrad aktivitet A05').lines).toEqual(['Slutdatum: 2025-12-31 → 2026-12-31 (senareläggs 12 månader)']);
    expect(item('Ändrad uppföljning augusti 2026 av FO2.3').lines).toEqual(['Bedömning: uppfyllt → delvis uppfyllt']);
    const all = view.groups.flatMap((g) => g.items);
    const removed = all.filter((i) => i.removed);
    expect(removed.map((i) => i.label)).toEqual(['Borttagen aktivitet', 'Borttagen uppföljning augusti 2025 av', 'Borttagen uppföljning augusti 2026 av']);
    expect(all.find((i) => i.node.id === 'A14')!.lines).toEqual([expect.stringMatching(/^Bidrar till nu också FO4\.2 /)]);
    // Nothing of the markdown escaping reaches the page.
    expect(JSON.stringify(view)).not.toMatch(/\\\\[[\]*_]/);
  });

  it('leaves out other plans, says when the plan did not exist, and when nothing changed', () => {
    const since = planSinceAdoption(path.join(repo.dir, 'plans'), 'plan-2024-antagen');
    const other = adoptionView('annan-plan', since);
    expect(other).toMatchObject({ state: 'available', summary: [], groups: [] });
    const same = adoptionView(DOC, planSinceAdoption(path.join(repo.dir, 'plans'), 'HEAD'));
    expect(same).toMatchObject({ state: 'available', planExisted: true, summary: [], coverage: [], groups: [] });
    expect(adoptionView(DOC, null)).toEqual({ state: 'not-configured', plan: DOC });
    const unknown = adoptionView(DOC, planSinceAdoption(path.join(repo.dir, 'plans'), 'finns-inte'), { revision: 'finns-inte' });
    expect(unknown).toMatchObject({ state: 'unavailable', revision: 'finns-inte', reason: expect.stringMatching(/känner inte till revisionen "finns-inte"/) });
  });

  it('siteHistory gives the adopted commit with its date and author, once per revision', () => {
    const dir = path.join(repo.dir, 'plans');
    const graph = checkPlans(dir).graph;
    const h = siteHistory(dir, graph, new Map([[DOC, 'plan-2024-antagen']]));
    expect(h.available).toBe(true);
    const v = h.adoption[DOC]!;
    expect(v.state).toBe('available');
    if (v.state === 'available') expect(v.commit).toMatchObject({ commit: repo.git('rev-parse', 'plan-2024-antagen'), date: '2026-01-01T12:00:00+01:00', author: 'Test', message: 'Planen som antagen' });
  });

  it('siteHistory given the build’s own check of the work tree says the same as when it checks the work tree itself', () => {
    const dir = path.join(repo.dir, 'plans');
    const check = checkPlans(dir);
    const revisions = new Map([[DOC, 'plan-2024-antagen']]);
    const reused = siteHistory(dir, check.graph, revisions, check);
    expect(reused).toEqual(siteHistory(dir, check.graph, revisions));
    expect(reused.adoption[DOC]!.state).toBe('available');
    // The same with a rule configured in sparbar.config.json, and with one that has messages of its own (checked again).
    const configFile = path.join(dir, 'sparbar.config.json');
    const original = readFileSync(configFile, 'utf8');
    try {
      for (const rules of ['{"action-without-owner": "av"}', '{"ingen-sådan-regel": "av"}']) {
        writeFileSync(configFile, JSON.stringify({ ...JSON.parse(original), regler: JSON.parse(rules) }));
        const configured = checkPlans(dir);
        expect(siteHistory(dir, configured.graph, revisions, configured), rules).toEqual(siteHistory(dir, configured.graph, revisions));
      }
    } finally {
      writeFileSync(configFile, original);
    }
  });
});

describe('antagen_revision in sparbar.config.json', () => {
  it('takes one revision for every plan, or one per plan id, and names an unknown plan id', () => {
    const graph = checkPlans('test/fixtures/site/multi').graph;
    const plans = graph.nodes.filter((n) => n.type === 'plan').map((n) => n.key);
    expect(plans.length).toBeGreaterThan(1);
    expect([...adoptedRevisions('v1', graph).revisions]).toEqual(plans.map((p) => [p, 'v1']));
    expect([...adoptedRevisions({ 'norrby-plan-2024': 'norrby-antagen' }, graph).revisions]).toEqual([['norrby-plan-2024', 'norrby-antagen']]);
    expect(adoptedRevisions(null, graph)).toEqual({ revisions: new Map(), errors: [] });
    const bad = adoptedRevisions({ 'norby-plan-2024': 'x' }, graph);
    expect(bad.errors).toEqual([expect.stringMatching(/^antagen_revision\.norby-plan-2024: det finns ingen plan med id "norby-plan-2024" \(planerna heter .*"norrby-plan-2024"/)]);
  });

  it('is read and checked with the rest of the configuration', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'sparbar-config-'));
    try {
      writeFileSync(path.join(dir, 'sparbar.config.json'), '{"antagen_revision": "plan-2024-antagen"}');
      const one = loadSiteConfig(dir);
      expect(one.errors).toEqual([]);
      expect(resolveSiteConfig(one.config, []).adoptedRevision).toBe('plan-2024-antagen');
      writeFileSync(path.join(dir, 'sparbar.config.json'), '{"antagen_revision": {"ekby-digplan-2024-2027": "v2024"}}');
      expect(resolveSiteConfig(loadSiteConfig(dir).config, []).adoptedRevision).toEqual({ 'ekby-digplan-2024-2027': 'v2024' });
      expect(resolveSiteConfig({}, []).adoptedRevision).toBeNull();
      for (const bad of ['"--output=x"', '"två ord"', '""', '3', '{"p": ""}']) {
        writeFileSync(path.join(dir, 'sparbar.config.json'), `{"antagen_revision": ${bad}}`);
        expect(loadSiteConfig(dir).errors.join('\n'), bad).toMatch(/antagen_revision/);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('plainLine undoes the diff summary’s markdown escaping', () => {
    expect(plainLine('Rubrik: a\\_b \\[x\\] → \\*y\\*')).toBe('Rubrik: a_b [x] → *y*');
  });
});

describe('adoptionView after a goal moved to another plan and an id renamed with references left behind', () => {
  it('tells the move on the plan it left, and the links and follow-ups still naming the old place as such', () => {
    const repo = tempRepo();
    try {
      repo.git('tag', 'plan-2024-antagen');
      repo.edit('plans/ekby/policy/policy.md', 'organisationer: [ekby]', 'organisationer: [ekby, aby]');
      repo.write('plans/organisationer/aby.md', '---\ntyp: organisation\nid: aby\ntitel: Åby kommun\n---\n');
      repo.write('plans/aby/plan-2025-2028/plan.md', '---\ntyp: plan\nid: aby-plan-2025-2028\ntitel: Åbys plan\norganisation: aby\npolicy: ekby-it-policy\nantagen_av: Kommunstyrelsen\nantagen: 2025-02-14\nperiod:\n  från: 2025\n  till: 2028\n---\n');
      repo.write('plans/aby/plan-2025-2028/mal/M4.md', repo.read(`${PLAN}/mal/M4.md`));
      repo.write('plans/aby/plan-2025-2028/fokusomraden/FO4.3.md', repo.read(`${PLAN}/fokusomraden/FO4.3.md`));
      repo.remove(`${PLAN}/mal/M4.md`);
      repo.remove(`${PLAN}/fokusomraden/FO4.3.md`);
      repo.edit(`${PLAN}/mal/M1.md`, '  - id: FO1.3', '  - id: FO1.6');
      const view = adoptionView(DOC, planSinceAdoption(path.join(repo.dir, 'plans'), 'plan-2024-antagen'), { policies: ['ekby-it-policy'] });
      if (view.state !== 'available') throw new Error(JSON.stringify(view));
      expect(view.summary).toEqual(expect.arrayContaining(['1 flyttat mål', '5 flyttade fokusområden', '1 fokusområde med nytt id']));
      const items = view.groups.flatMap((g) => g.items);
      expect(items).toContainEqual({
        label: 'Flyttat mål:',
        node: { key: 'aby-plan-2025-2028:M4', type: 'mål', id: 'M4', title: 'IT-infrastruktur' },
        removed: false,
        lines: ['Från planen ekby-digplan-2024-2027 Strategisk plan för digitalisering 2024–2027 till planen aby-plan-2025-2028 Åbys plan.'],
      });
      const i64 = items.find((i) => i.node.id === 'I6.4')!;
      expect(i64.lines).toEqual(['Mäter fortfarande FO1.3 (Nyttorealisering), som nu har id FO1.6: hänvisningen leder ingenstans. Skriv FO1.6.']);
      const left = items.filter((i) => i.label.startsWith('Uppföljning augusti 2026 som inte längre hör till'));
      expect(left.map((i) => `${i.label} ${i.node.id}`)).toEqual(expect.arrayContaining(['Uppföljning augusti 2026 som inte längre hör till målet M4', 'Uppföljning augusti 2026 som inte längre hör till fokusområdet FO1.3']));
      expect(items.map((i) => i.label)).not.toContain('Borttagen uppföljning augusti 2026 av');
      // No file path on the page.
      for (const i of items) for (const line of i.lines) expect(line).not.toMatch(/ekby\/plan-2024-2027/);
    } finally {
      repo.cleanup();
    }
  });
});
