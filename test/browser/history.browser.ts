/// <reference lib="dom" />
// History from git in a real browser: a plan in a temporary git repository (an adopted tag, later commits by
// named authors, one change not committed) built under a base path; and the same plan copied outside git.
// The "Ändringshistorik" sections (collapsed, in words) and the page "Ändringar sedan antagandet" show their
// content, have no axe-core violation (WCAG 2.1 A/AA) at 1280 and 360 px, need no horizontal
// scroll on a phone, and no internal link of the sites is broken.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../src/site/build-site.js';
import { exampleConfig } from '../helpers/example-config.js';
import { tempRepo, type TempRepo } from '../helpers/git-repo.js';
import { brokenLinks } from '../site/site-files.js';
import { axeViolations, launchChromium } from './browser.js';
import { serveStatic, type StaticServer } from './static-server.js';

const root = path.resolve(import.meta.dirname, '../..');
const BASE = '/sparbar/';
const PLAN = 'plans/ekby/plan-2024-2027';
const DOC = 'ekby-digplan-2024-2027';

let repo: TempRepo;
let work: string;
let browser: Browser;
const servers: StaticServer[] = [];
let inGit: StaticServer;
let outsideGit: StaticServer;

beforeAll(async () => {
  repo = tempRepo({ withPlans: false });
  cpSync(path.join(root, 'plans'), path.join(repo.dir, 'plans'), { recursive: true });
  repo.write('plans/sparbar.config.json', exampleConfig({ antagen_revision: 'plan-2024-antagen' }));
  repo.commit('Planen som KS antog', { author: 'Karin Ström', date: '2024-02-14T16:00:00+01:00' });
  repo.git('tag', 'plan-2024-antagen');
  repo.edit(`${PLAN}/aktiviteter/digitaliseringsenheten/A05.md`, 'slut: 2025-12-31', 'slut: 2026-12-31');
  repo.edit(`${PLAN}/mal/M1.md`, 'styrprinciper: [SP7, SP8, SP10, SP11]', 'styrprinciper: [SP8, SP10, SP11]');
  repo.remove(`${PLAN}/aktiviteter/kultur-och-fritid/A35.md`);
  repo.remove(`${PLAN}/uppfoljning/2025-08/kultur-och-fritid/A35.md`);
  repo.remove(`${PLAN}/uppfoljning/2026-08/kultur-och-fritid/A35.md`);
  repo.write(
    `${PLAN}/aktiviteter/digitaliseringsenheten/A37.md`,
    '---\ntyp: aktivitet\nid: A37\ntitel: Chatt för invånarfrågor\nbidrar_till: [FO2.1]\nansvarig: Kommunledningsförvaltningen – Digitaliseringsenheten\nstart: 2026-09-01\nslut: 2027-06-30\nstatus: ej påbörjad\n---\nEn chatt på webbplatsen.\n',
  );
  repo.commit('Revidering: A05 senareläggs, A35 utgår, A37 tillkommer', { author: 'Anna Berg', date: '2025-09-17T10:00:00+02:00' });
  repo.edit(`${PLAN}/uppfoljning/2026-08/digitaliseringsenheten/FO2.3.md`, 'bedömning: uppfyllt', 'bedömning: delvis uppfyllt');
  repo.commit('Bedömningen av FO2.3 justeras', { author: 'Lena Holm', date: '2026-08-25T15:00:00+02:00' });
  repo.edit(`${PLAN}/uppfoljning/2026-08/digitaliseringsenheten/A12.md`, /status: \S+/, 'status: pausad');

  work = mkdtempSync(path.join(tmpdir(), 'sparbar-browser-historik-'));
  const outsidePlans = path.join(work, 'utan-git', 'plans');
  cpSync(path.join(root, 'plans'), outsidePlans, { recursive: true });
  writeFileSync(path.join(outsidePlans, 'sparbar.config.json'), exampleConfig({ antagen_revision: 'plan-2024-antagen' }));
  for (const [plans, out] of [
    [path.join(repo.dir, 'plans'), path.join(work, 'git-site')],
    [outsidePlans, path.join(work, 'utan-git-site')],
  ] as const) {
    const result = await buildSite({ plansDir: plans, outDir: out, base: BASE, logLevel: 'silent' });
    expect(result.errors).toEqual([]);
    expect(result.exitCode).toBe(0);
    expect(brokenLinks(out, BASE)).toEqual([]);
    servers.push(await serveStatic(out, BASE));
  }
  [inGit, outsideGit] = servers as [StaticServer, StaticServer];
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  for (const s of servers) await s.close();
  repo?.cleanup();
  if (work) rmSync(work, { recursive: true, force: true });
});

async function open(server: StaticServer, sub: string, width = 1280): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'sv-SE' });
  const page = await context.newPage();
  const response = await page.goto(server.url + sub);
  expect(response?.status(), sub).toBe(200);
  return page;
}


/** Every page visited at 1280 and 360 px: what it must show, no axe violation, no horizontal scroll on a phone. */
async function checkPages(server: StaticServer, pages: { path: string; content: RegExp[] }[]) {
  for (const p of pages) {
    for (const width of [1280, 360]) {
      const page = await open(server, p.path, width);
      const label = `${p.path} at ${width} px`;
      expect(await page.locator('h1').count(), label).toBe(1);
      const text = await page.locator('main').innerText();
      for (const c of p.content) expect(text, `${label}: ${c}`).toMatch(c);
      expect(await axeViolations(page), label).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), label).toBeLessThanOrEqual(0);
      await page.context().close();
    }
  }
}

describe('history from git in the browser', () => {
  it('shows node histories, last changes of follow-ups and the changes since adoption, accessibly', async () => {
    await checkPages(inGit, [
      { path: `${DOC}/andringar/`, content: [/Ändringar sedan antagandet/, /I korthet: 1 ny aktivitet, 1 borttagen aktivitet, 1 ändrat mål/, /Styrprincipen förverkligas inte längre av något mål/, /Mål M2 Digitalisering/, /Slutdatum: 2025-12-31 → 2026-12-31/, /Borttagen aktivitet\s+A35/] },
      { path: `${DOC}/aktivitet/a05/`, content: [/Ändringshistorik/, /2 ändringar, den senaste 17 september 2025 av Anna Berg/, /Ändringar i planen sedan den antogs/] },
      { path: `${DOC}/fokusomrade/fo2-3/`, content: [/Ändringshistorik/, /Uppföljning augusti 2026/] },
      { path: `${DOC}/fokusomrade/fo1-1/`, content: [/Ändringshistorik/] },
      { path: `${DOC}/`, content: [/Ändringshistorik/, /Ändringar sedan antagandet/] },
      { path: 'ekby-it-policy/styrprincip/sp7/', content: [/Ändringshistorik/, /Karin Ström/] },
    ]);
  });

  it('opens the collapsed history with the keyboard and then shows what changed, in words', async () => {
    for (const width of [1280, 360]) {
      const page = await open(inGit, `${DOC}/aktivitet/a05/`, width);
      const history = page.locator('.change-history');
      expect(await history.innerText()).not.toContain('Karin Ström');
      await history.locator('summary').focus();
      await page.keyboard.press('Enter');
      const text = await history.innerText();
      expect(text).toMatch(/17 september 2025, Anna Berg\s+Slutdatum: 2025-12-31 → 2026-12-31 \(senareläggs 12 månader\)/);
      expect(text).toMatch(/14 februari 2024, Karin Ström\s+Skapades/);
      expect(await axeViolations(page), `open history at ${width} px`).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
      await page.context().close();
    }
  });

  it('says on every page what is missing when built outside git', async () => {
    await checkPages(outsideGit, [
      { path: `${DOC}/andringar/`, content: [/Jämförelsen med den antagna planen kan inte visas/] },
      { path: `${DOC}/mal/m2/`, content: [/Ändringshistoriken kan inte visas: webbplatsen byggdes utanför en git-klon/] },
    ]);
  });

  it('has no broken link from the new pages, over HTTP', async () => {
    for (const server of [inGit, outsideGit]) {
      const page = await open(server, `${DOC}/andringar/`);
      const hrefs = await page.locator('main a[href]').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
      await page.context().close();
      expect(hrefs.length).toBeGreaterThan(0);
      for (const href of hrefs) {
        const url = new URL(href);
        const response = await fetch(url.origin + url.pathname);
        expect(response.status, href).toBe(200);
        if (url.hash) expect(await response.text(), href).toContain(`id="${decodeURIComponent(url.hash.slice(1))}"`);
      }
    }
  });
});
