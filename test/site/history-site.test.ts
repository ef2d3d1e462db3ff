// History from git on the built site: each node page's "Ändringshistorik", when each follow-up's assessment
// was last changed, the page "Ändringar sedan antagandet" against an adopted tag; a shallow clone and a build
// outside any git checkout say what is missing instead of failing.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildSite } from '../../src/site/build-site.js';
import { exampleConfig } from '../helpers/example-config.js';
import { tempRepo, type TempRepo } from '../helpers/git-repo.js';
import { brokenLinks, linksIn, listFiles } from './site-files.js';

// Each test here builds whole sites: minutes on a busy 2-core machine, so more than the suite's 120 s.
vi.setConfig({ testTimeout: 600_000, hookTimeout: 600_000 });

const PLAN = 'plans/ekby/plan-2024-2027';
const DOC = 'ekby-digplan-2024-2027';

/** The text of an HTML fragment, tags dropped and white space collapsed. */
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ')
    .replace(/ ([,.):])/g, '$1')
    .replace(/\( /g, '(')
    .trim();
const section = (html: string, cls: string) => {
  const m = new RegExp(`<section class="${cls}[^"]*"[\\s\\S]*?</section>`).exec(html);
  return m ? text(m[0]) : '';
};
const mainText = (html: string) => text(/<main[\s\S]*<\/main>/.exec(html)?.[0] ?? '');

describe('the site with history from git', () => {
  let repo: TempRepo;
  let out: string;
  const read = (f: string) => readFileSync(path.join(out, f), 'utf8');
  const sha: Record<string, string> = {};

  beforeAll(async () => {
    repo = tempRepo({ withPlans: false });
    cpSync('plans', path.join(repo.dir, 'plans'), { recursive: true });
    repo.write('plans/sparbar.config.json', exampleConfig({ antagen_revision: { [DOC]: 'plan-2024-antagen' } }));
    sha['adopted'] = repo.commit('Planen som KS antog', { author: 'Karin Ström', date: '2024-02-14T16:00:00+01:00' });
    repo.git('tag', 'plan-2024-antagen');
    // The policy's områden (a list of areas holding principles) edited: the history tells it item by item.
    repo.edit('plans/ekby/policy/policy.md', 'titel: Tydliga och transparenta strukturer för IT-arbetet', 'titel: Tydliga strukturer för IT-arbetet');
    repo.edit('plans/ekby/policy/policy.md', '      - id: SP12\n', '      - id: SP13\n        titel: Öppen källkod väljs när den fyller behovet\n      - id: SP12\n');
    sha['policy'] = repo.commit('Policyn: SP13 om öppen källkod', { author: 'Per Ek', date: '2024-11-20T09:00:00+01:00' });
    repo.edit(`${PLAN}/aktiviteter/digitaliseringsenheten/A05.md`, 'slut: 2025-12-31', 'slut: 2026-12-31');
    repo.edit(`${PLAN}/mal/M1.md`, 'styrprinciper: [SP7, SP8, SP10, SP11]', 'styrprinciper: [SP8, SP10, SP11]');
    sha['revision'] = repo.commit('A05 senareläggs ett år', { author: 'Anna Berg', date: '2025-09-17T10:00:00+02:00' });
    repo.edit(`${PLAN}/uppfoljning/2026-08/digitaliseringsenheten/FO2.3.md`, 'bedömning: uppfyllt', 'bedömning: delvis uppfyllt');
    sha['assess'] = repo.commit('Bedömningen av FO2.3 justeras', { author: 'Lena Holm', date: '2026-08-25T15:00:00+02:00' });
    // Not committed: A12's status for 2026-08.
    repo.edit(`${PLAN}/uppfoljning/2026-08/digitaliseringsenheten/A12.md`, /status: \S+/, 'status: pausad');
    out = mkdtempSync(path.join(os.tmpdir(), 'sparbar-historik-'));
    rmSync(out, { recursive: true });
    const result = await buildSite({ plansDir: path.join(repo.dir, 'plans'), outDir: out, logLevel: 'silent' });
    expect(result.errors).toEqual([]);
    expect(result.exitCode).toBe(0);
  }, 600_000);
  afterAll(() => {
    repo?.cleanup();
    if (out) rmSync(out, { recursive: true, force: true });
  });

  it('shows each node page its changes from git in a collapsed section: date, who and what changed in words, no file paths', () => {
    const html = read(`${DOC}/aktivitet/a05/index.html`);
    const a05 = section(html, 'change-history');
    expect(a05).toMatch(/^Ändringshistorik 2 ändringar, den senaste 17 september 2025 av Anna Berg /);
    expect(a05).toContain(
      `17 september 2025, Anna Berg Slutdatum: 2025-12-31 → 2026-12-31 (senareläggs 12 månader) Ändringens beskrivning: A05 senareläggs ett år (incheckning ${sha['revision']!.slice(0, 7)})`,
    );
    expect(a05).toContain(`14 februari 2024, Karin Ström Skapades Ändringens beskrivning: Planen som KS antog (incheckning ${sha['adopted']!.slice(0, 7)})`);
    expect(a05.indexOf('Anna Berg')).toBeLessThan(a05.indexOf('Karin Ström'));
    expect(html).toMatch(/<section class="change-history"[^>]*>\s*<h2 id="andringshistorik">Ändringshistorik<\/h2>\s*<details class="change-history__details">/);
    // No file path on any page, and commit ids only inside the history section (and the open data).
    for (const file of listFiles(out).filter((f) => f.endsWith('.html'))) {
      const page = read(file);
      expect(page, file).not.toMatch(/ekby\/plan-2024-2027\//);
      const outside = page.replace(/<section class="change-history"[\s\S]*?<\/section>/g, '').replace(/<details class="small">\s*<summary>Versionen i versionshanteringen[\s\S]*?<\/details>/g, '');
      for (const id of Object.values(sha)) expect(outside.includes(id.slice(0, 7)), `${file}: ${id.slice(0, 7)}`).toBe(false);
    }
    // Every kind of node page has the section: principle, goal, focus area, action, indicator, policy, plan (and area).
    for (const page of [`${DOC}/index.html`, 'ekby-it-policy/index.html', 'ekby-it-policy/styrprincip/sp9/index.html', 'ekby-it-policy/omrade/o1/index.html', `${DOC}/mal/m1/index.html`, `${DOC}/fokusomrade/fo2-3/index.html`, `${DOC}/indikator/i1/index.html`]) {
      expect(section(read(page), 'change-history'), page).toMatch(/14 februari 2024, Karin Ström Skapades/);
    }
    // An edit inside the policy's områden, in words, not the list as JSON before and after.
    const policy = section(read('ekby-it-policy/index.html'), 'change-history');
    expect(policy).toContain(
      '20 november 2024, Per Ek Område O2: titel ändrad (Tydliga och transparenta strukturer för IT-arbetet → Tydliga strukturer för IT-arbetet) Styrprincip SP13 tillagd i område O2: Öppen källkod väljs när den fyller behovet Ändringens beskrivning: Policyn: SP13 om öppen källkod',
    );
    expect(policy).not.toMatch(/[{}[\]]|"id"/);
    expect(section(read(`${DOC}/mal/m1/index.html`), 'change-history')).toMatch(/17 september 2025, Anna Berg Styrprinciper: SP7, SP8, SP10, SP11 → SP8, SP10, SP11 /);
    // A focus area written inside its goal's file says that the list is the file's.
    expect(section(read(`${DOC}/fokusomrade/fo1-1/index.html`), 'change-history')).toMatch(/Uppgifterna om fokusområde FO1\.1 står tillsammans med mål M1 IT-styrning, så listan gäller båda\./);
    expect(read(`${DOC}/index.html`)).toContain('<time datetime="2024-02-14T16:00:00+01:00">14 februari 2024</time>');
  });

  it("dates the plan's open data by its last committed change (the DCAT-AP-SE description's modified)", () => {
    // The last commit that changed the plan is the reassessment of FO2.3 on 25 August 2026; A12's change is not committed.
    const dcat = read('data/dcat.rdf');
    const modified = [...dcat.matchAll(/<dcterms:modified rdf:datatype="http:\/\/www\.w3\.org\/2001\/XMLSchema#date">([^<]+)</g)].map((m) => m[1]);
    expect(modified).toEqual(['2026-08-25', '2026-08-25']);
  });

  it('no longer says under each follow-up when its assessment was last changed', () => {
    const fo23 = read(`${DOC}/fokusomrade/fo2-3/index.html`);
    expect(mainText(fo23)).not.toContain('ändrades senast');
    expect(fo23).not.toContain('Senast ändrad');
    // The change of FO2.3's assessment is in its follow-up file's history, not on the follow-up.
    expect(mainText(read(`${DOC}/aktivitet/a12/index.html`))).not.toMatch(/inte incheckad/i);
  });

  it('has a page per plan with what changed since the adopted tag, grouped by goal', () => {
    const html = read(`${DOC}/andringar/index.html`);
    const t = mainText(html);
    expect(t).toContain('Planen som den antogs av kommunstyrelsen den 14 februari 2024, jämförd med planen som den ser ut nu.');
    expect(t).toContain(`Jämförelsen utgår från planen som den sparades 14 februari 2024 av Karin Ström. Versionen i versionshanteringen plan-2024-antagen (incheckning ${sha['adopted']!.slice(0, 7)})`);
    expect(t).toContain('I korthet: 1 ändrat mål, 1 ändrad aktivitet, 2 ändrade uppföljningar.');
    expect(t).toMatch(/Täckning Obs! SP7 [^:]*: Styrprincipen förverkligas inte längre av något mål\./);
    expect(t).toMatch(/Mål M1 IT-styrning Ändrat mål M1 IT-styrning Förverkligar inte längre SP7 /);
    expect(t).toContain('Ändrad aktivitet A05 Ny e-tjänsteplattform och Mina sidor Slutdatum: 2025-12-31 → 2026-12-31 (senareläggs 12 månader)');
    expect(t).toContain('Ändrad uppföljning augusti 2026 av FO2.3 Automatisering av handläggning Bedömning: uppfyllt → delvis uppfyllt');
    expect(t).toContain('Ändrad uppföljning augusti 2026 av A12');
    expect(t.indexOf('Mål M1 IT-styrning')).toBeLessThan(t.indexOf('Mål M2 '));
    const links = linksIn(html);
    for (const href of [`/${DOC}/aktivitet/a05/`, `/${DOC}/mal/m1/`, '/ekby-it-policy/styrprincip/sp7/', '#andringar-m2']) expect(links).toContain(href);
    // Reachable from the plan's page, its section menu and every node page of the plan.
    expect(linksIn(read(`${DOC}/index.html`))).toContain(`/${DOC}/andringar/`);
    expect(linksIn(read(`${DOC}/historik/index.html`))).toContain(`/${DOC}/andringar/`);
    expect(linksIn(read(`${DOC}/aktivitet/a05/index.html`))).toContain(`/${DOC}/andringar/`);
    expect(brokenLinks(out, '/')).toEqual([]);
  });

  it('says in a shallow clone that older changes are missing, and that the adopted tag is not there', async () => {
    const clone = mkdtempSync(path.join(os.tmpdir(), 'sparbar-grund-'));
    const shallowOut = path.join(clone, 'dist');
    try {
      execFileSync('git', ['clone', '-q', '--depth', '1', '--no-tags', `file://${repo.dir}`, path.join(clone, 'repo')], { env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' } });
      const result = await buildSite({ plansDir: path.join(clone, 'repo', 'plans'), outDir: shallowOut, logLevel: 'silent' });
      expect(result.errors).toEqual([]);
      expect(result.exitCode).toBe(0);
      const a05 = section(readFileSync(path.join(shallowOut, DOC, 'aktivitet/a05/index.html'), 'utf8'), 'change-history');
      expect(a05).toContain('Webbplatsen byggdes utan hela historiken, så äldre ändringar saknas i listan.');
      expect(a05).toContain('25 augusti 2026, Lena Holm Ändringens beskrivning: Bedömningen av FO2.3 justeras');
      expect(a05).not.toContain('Karin Ström');
      const since = mainText(readFileSync(path.join(shallowOut, DOC, 'andringar/index.html'), 'utf8'));
      expect(since).toMatch(/Jämförelsen med den antagna planen kan inte visas: git känner inte till revisionen "plan-2024-antagen".*grund klon/);
      expect(since).not.toContain('sparbar.config.json');
      // It cannot be shown, so nothing links to it.
      for (const page of [`${DOC}/index.html`, `${DOC}/aktivitet/a05/index.html`, `${DOC}/historik/index.html`]) {
        expect(linksIn(readFileSync(path.join(shallowOut, page), 'utf8')), page).not.toContain(`/${DOC}/andringar/`);
      }
      expect(brokenLinks(shallowOut, '/')).toEqual([]);
    } finally {
      rmSync(clone, { recursive: true, force: true });
    }
  }, 600_000);
});

describe('the site built outside a git checkout', () => {
  it('builds, and the history sections and the adoption page say why they are empty', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'sparbar-utan-git-'));
    try {
      expect(() => execFileSync('git', ['rev-parse', '--show-toplevel'], { cwd: dir, stdio: 'pipe' })).toThrow();
      cpSync('plans', path.join(dir, 'plans'), { recursive: true });
      writeFileSync(path.join(dir, 'plans', 'sparbar.config.json'), exampleConfig({ antagen_revision: 'plan-2024-antagen' }));
      const out = path.join(dir, 'dist');
      const result = await buildSite({ plansDir: path.join(dir, 'plans'), outDir: out, logLevel: 'silent' });
      expect(result.errors).toEqual([]);
      expect(result.exitCode).toBe(0);
      const read = (f: string) => readFileSync(path.join(out, f), 'utf8');
      for (const page of [`${DOC}/index.html`, `${DOC}/mal/m2/index.html`, `${DOC}/aktivitet/a05/index.html`, 'ekby-it-policy/styrprincip/sp9/index.html']) {
        expect(section(read(page), 'change-history'), page).toMatch(/^Ändringshistorik Ändringshistoriken kan inte visas: webbplatsen byggdes utanför en git-klon av planerna\./);
      }
      expect(read(`${DOC}/fokusomrade/fo2-3/index.html`)).not.toContain('Senast ändrad');
      // Without git no date of the last change is made up for the open data.
      expect(read('data/dcat.rdf')).not.toContain('dcterms:modified');
      expect(mainText(read(`${DOC}/andringar/index.html`))).toContain('Jämförelsen med den antagna planen kan inte visas: webbplatsen byggdes utanför en git-klon av planerna.');
      expect(linksIn(read(`${DOC}/index.html`))).not.toContain(`/${DOC}/andringar/`);
      expect(brokenLinks(out, '/')).toEqual([]);
      // Nothing of the build machine is published: not the folder (as given or with links resolved), not the home folder, not the host name.
      const machine = [dir, realpathSync(dir), os.homedir(), os.hostname()].filter((s) => s.length > 3);
      for (const file of listFiles(out)) {
        const text = readFileSync(path.join(out, file)).toString('latin1');
        for (const s of machine) expect(text.includes(Buffer.from(s).toString('latin1')), `${file} innehåller ${s}`).toBe(false);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 600_000);

  it('refuses a configuration that names a plan that does not exist', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'sparbar-fel-plan-'));
    try {
      cpSync('plans', path.join(dir, 'plans'), { recursive: true });
      writeFileSync(path.join(dir, 'plans', 'sparbar.config.json'), exampleConfig({ antagen_revision: { 'ekby-digplan-2024': 'v1' } }));
      const result = await buildSite({ plansDir: path.join(dir, 'plans'), outDir: path.join(dir, 'dist'), logLevel: 'silent' });
      expect(result.exitCode).toBe(1);
      expect(result.errors.join('\n')).toMatch(/antagen_revision\.ekby-digplan-2024: det finns ingen plan med id "ekby-digplan-2024" \(planerna heter "ekby-digplan-2024-2027"\)/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 600_000);
});
