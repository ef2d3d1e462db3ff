/// <reference lib="dom" />
// The yearly follow-up in a real browser: the report of each period, the follow-up list, the history and the
// comparison of the example plan show their content, have no axe-core violation (WCAG 2.1 A/AA) at 1280 and
// 360 px, need no horizontal scroll on a phone (wide history tables scroll inside a focusable region), and
// link only to pages and anchors that exist. The report prints on A4 without navigation and without forced page breaks
// (Måluppfyllelse too); the PDF and screenshots of every page are saved in test-results/ (PDF pages as PNG too when
// poppler's pdftoppm is installed), with the pages' weights.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../src/site/build-site.js';
import { pdfPageCount } from '../../src/site/print-pdf.js';
import { listFiles } from '../site/site-files.js';
import { axeViolations, launchChromium } from './browser.js';
import { serveStatic, type StaticServer } from './static-server.js';

const root = path.resolve(import.meta.dirname, '../..');
const BASE = '/sparbar/';
const RESULTS = path.join(root, 'test-results');
const SCREENSHOTS = path.join(RESULTS, 'screenshots');
const PLAN = 'ekby-digplan-2024-2027';

let out: string;
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  out = mkdtempSync(path.join(tmpdir(), 'sparbar-browser-uppfoljning-'));
  const result = await buildSite({ plansDir: path.join(root, 'plans'), outDir: out, base: BASE, logLevel: 'silent' });
  expect(result.errors).toEqual([]);
  expect(result.exitCode).toBe(0);
  server = await serveStatic(out, BASE);
  browser = await launchChromium();
  mkdirSync(SCREENSHOTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (out) rmSync(out, { recursive: true, force: true });
});

async function open(url: string, options: { width?: number; javaScript?: boolean } = {}): Promise<{ page: Page; requests: string[]; status: number }> {
  const context = await browser.newContext({ viewport: { width: options.width ?? 1280, height: 900 }, javaScriptEnabled: options.javaScript ?? true, locale: 'sv-SE' });
  const page = await context.newPage();
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  const response = await page.goto(server.url + url);
  return { page, requests, status: response?.status() ?? 0 };
}

async function close(page: Page) {
  await page.context().close();
}


const PAGES: { name: string; path: string; h1: RegExp; content: RegExp[] }[] = [
  {
    name: 'uppfoljning-2026-08',
    path: `${PLAN}/uppfoljning/2026-08/`,
    h1: /^Uppföljning augusti 2026$/,
    content: [
      /Uppföljningsrapport/,
      /Att uppmärksamma/,
      /Uppföljningen augusti 2026 visar att 15 mål och fokusområden inte är helt uppfyllda, att 2 aktiviteter har avvikelser och att 2 indikatorer inte nådde målvärdet/,
      /FO3\.4 E-arkiv och informationshantering\s+Ej uppfyllt för andra perioden i rad/,
      /Har passerat det antagna slutdatumet 30 juni 2026; nytt slutdatum 30 juni 2027 \(flyttat en gång\)/,
      /Utfall 2026: 92\s%, målvärde 93\s%/,
      /Ekby kommun/,
      /24 augusti 2026/,
      /Sammanfattning/,
      /Målen i korthet, augusti 2026/,
      /18 av 20/,
      /I korthet/,
      /Mål M1\s+IT-styrning/,
      /Fokusområde FO4\.3/,
      /Avvikelser/,
      /A23 Införande av e-arkiv/,
      /Styrprinciperna augusti 2026/,
      /Förändringar sedan augusti 2025/,
      /Blev klara \(14\)/,
      /Avbröts \(1\)/,
      /Försenad även augusti 2025/,
      /Indikatorernas utfall 2025 och 2026/,
      // Each key indicator's sparkline says its numbers in words, up to the report's year.
      /I3 Antal allvarliga IT-incidenter\s+3\sincidenter \(målvärde 4\sincidenter\)/,
      /Utfall 2023–2026: 9, 7, 6 och 3\sincidenter/,
      /Utfall 2023–2026: 1,5; 2,25; 2,75 och 3,5/,
    ],
  },
  {
    name: 'uppfoljning-2025-08',
    path: `${PLAN}/uppfoljning/2025-08/`,
    h1: /^Uppföljning augusti 2025$/,
    content: [/25 augusti 2025/, /Behandlad\s+Kommunstyrelsen 17 september 2025, § 141/, /Beslut: Kommunstyrelsen godkände uppföljningen/, /Sammanfattning/, /Mål M4/, /Styrprinciperna augusti 2025/, /planens första uppföljning/, /Utfall 2023–2025: 9, 7 och 6\sincidenter/],
  },
  {
    name: 'maluppfyllelse-2026-08',
    path: `${PLAN}/uppfoljning/2026-08/maluppfyllelse/`,
    h1: /^Måluppfyllelse augusti 2026$/,
    content: [
      /Behandlad av kommunstyrelsen 16 september 2026, § 128/,
      /30 mål och fokusområden har en skriven bedömning/,
      /Stämmer\s+30 av dem stämmer med aktiviteternas status/,
      /Ingen bedömning går emot aktiviteternas status/,
      /24 av 30 anger underlag/,
      /Varje mål och fokusområde mäts av minst en indikator/,
      /Mål M1\s+IT-styrning/,
      /Mot aktiviteterna\s+Stämmer\s+5 av 5 aktiviteter klara/,
      /IT-rådets protokoll med investeringsprövningar 2026/,
      /Indikatorer för mål M4, 2026/,
      /Bedömningens motivering/,
      /Fokusområde FO3\.4\s+E-arkiv och informationshantering/,
    ],
  },
  {
    name: 'uppfoljningar',
    path: `${PLAN}/uppfoljning/`,
    h1: /^Uppföljning$/,
    content: [/Uppföljning augusti 2026/, /Uppföljning augusti 2025/, /Augusti 2025 och augusti 2026/, /Första uppföljningen/, /Historik/],
  },
  {
    name: 'historik',
    path: `${PLAN}/historik/`,
    h1: /^Historik$/,
    content: [/Målens bedömning vid varje uppföljning/, /Fokusområdenas bedömning/, /Aktiviteternas status vid varje uppföljning/, /Indikatorernas utfall och målvärde per år/, /Ej aktuell/, /A36/, /I6\.4/],
  },
  {
    name: 'jamforelse',
    path: `${PLAN}/jamforelse/`,
    h1: /^Jämförelse augusti 2025 och augusti 2026$/,
    content: [/Läget i korthet/, /13 av 30 mål och fokusområden/, /Fortfarande försenad/, /Blev klar/, /Avbröts/, /Styrprinciper/],
  },
];

describe('the follow-up pages in a browser', () => {
  it('show their content in Swedish, with nothing but the HTML and the stylesheet, no axe violation, no scroll at 360 px', async () => {
    const weights: string[] = [];
    const css = listFiles(out).find((f) => f.startsWith('_astro/') && f.endsWith('.css'))!;
    const cssBytes = statSync(path.join(out, css)).size;
    for (const t of PAGES) {
      const { page, requests, status } = await open(t.path);
      expect(status, t.name).toBe(200);
      expect(await page.getAttribute('html', 'lang'), t.name).toBe('sv');
      const h1 = await page.locator('h1').allInnerTexts();
      expect(h1, t.name).toHaveLength(1);
      expect(h1[0], t.name).toMatch(t.h1);
      const text = await page.locator('main').innerText();
      for (const c of t.content) expect(text, `${t.name}: ${c}`).toMatch(c);
      expect(await page.title(), t.name).toMatch(/Ekby kommun/);
      const assets = requests.filter((r) => r !== server.url + t.path);
      expect(assets.filter((r) => r.endsWith('.css')), t.name).toHaveLength(1);
      expect(assets.filter((r) => !r.endsWith('.css')), t.name).toEqual([]);
      expect(await axeViolations(page), t.name).toEqual([]);
      await page.screenshot({ path: path.join(SCREENSHOTS, `${t.name}-1280.png`), fullPage: true });
      await close(page);

      const phone = await open(t.path, { width: 360 });
      expect(await phone.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), `${t.name} at 360 px`).toBeLessThanOrEqual(0);
      expect(await axeViolations(phone.page), `${t.name} at 360 px`).toEqual([]);
      await phone.page.screenshot({ path: path.join(SCREENSHOTS, `${t.name}-360.png`), fullPage: true });
      await close(phone.page);

      const bytes = statSync(path.join(out, t.path, 'index.html')).size;
      weights.push(`  ${(bytes / 1024).toFixed(1).padStart(6)} kB HTML + ${(cssBytes / 1024).toFixed(1)} kB CSS  ${t.path}`);
      expect(bytes, t.name).toBeLessThan(500 * 1024);
    }
    const report = `Sidvikt, uppföljningens sidor:\n${weights.join('\n')}\n`;
    console.log(report);
    writeFileSync(path.join(RESULTS, 'sidvikt-uppfoljning.txt'), report);
  });

  it('links from the start page and the plan page to every report, and every link on the new pages works', async () => {
    for (const from of ['', `${PLAN}/`]) {
      const html = readFileSync(path.join(out, from, 'index.html'), 'utf8');
      for (const period of ['2025-08', '2026-08']) expect(html, from || 'start').toContain(`href="${BASE}${PLAN}/uppfoljning/${period}/"`);
      expect(html).toContain(`href="${BASE}${PLAN}/historik/"`);
      // The short "Att uppmärksamma": the things named and linked, and the way to the whole list.
      expect(html, from || 'start').toContain('Att uppmärksamma augusti 2026');
      for (const node of ['mal/m2/', 'aktivitet/a18/', 'aktivitet/a23/', 'indikator/i4/']) expect(html, `${from || 'start'}: ${node}`).toContain(`href="${BASE}${PLAN}/${node}"`);
      expect(html, from || 'start').toContain(`href="${BASE}${PLAN}/uppfoljning/2026-08/#att-uppmarksamma"`);
    }
    const nav = readFileSync(path.join(out, PLAN, 'mal/m1/index.html'), 'utf8');
    expect(nav).toMatch(new RegExp(`<a href="${BASE}${PLAN}/uppfoljning/"[^>]*>Uppföljning</a>`));
    expect(nav).toMatch(new RegExp(`<a href="${BASE}${PLAN}/historik/"[^>]*>Historik</a>`));

    const broken: string[] = [];
    const origin = new URL(server.url).origin;
    for (const t of [...PAGES, { path: '' }, { path: `${PLAN}/` }]) {
      const url = server.url + t.path;
      const body = await (await fetch(url)).text();
      for (const m of body.matchAll(/\s(?:href|src|action)="([^"]*)"/g)) {
        const raw = m[1]!.replace(/&amp;/g, '&');
        if (/^(mailto:|tel:|data:)/.test(raw)) continue;
        const target = new URL(raw, url);
        if (target.origin !== origin) continue;
        const pageUrl = target.origin + target.pathname;
        const response = await fetch(pageUrl);
        if (!response.ok) {
          broken.push(`${t.path} → ${raw}: ${response.status}`);
          continue;
        }
        if (target.hash) {
          const html = pageUrl === url ? body : await response.text();
          if (!html.includes(`id="${decodeURIComponent(target.hash.slice(1))}"`)) broken.push(`${t.path} → ${raw}: ankaret saknas`);
        }
      }
    }
    expect(broken).toEqual([]);
  });

  it('lets keyboard users reach and scroll the history tables on a phone', async () => {
    const { page } = await open(`${PLAN}/historik/`, { width: 360 });
    const regions = page.locator('.table-scroll');
    expect(await regions.count()).toBe(4);
    for (const region of await regions.all()) {
      expect(await region.getAttribute('role')).toBe('region');
      expect(await region.getAttribute('tabindex')).toBe('0');
      const label = await region.getAttribute('aria-labelledby');
      expect(await page.locator(`#${label}`).evaluate((el) => el.tagName)).toBe('CAPTION');
    }
    const actions = page.locator('[aria-labelledby="historik-akt-tabell"]');
    expect(await actions.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    await actions.focus();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-labelledby'))).toBe('historik-akt-tabell');
    // The focus is visible, and the arrow keys scroll the region.
    expect(await actions.evaluate((el) => getComputedStyle(el).outlineStyle)).toBe('solid');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => (document.querySelector('[aria-labelledby="historik-akt-tabell"]') as HTMLElement).scrollLeft > 0);
    // The first column stays in view while the periods scroll.
    const left = await page.locator('#historik-akt-tabell').evaluate((caption) => caption.closest('table')!.querySelector('tbody th')!.getBoundingClientRect().left);
    expect(left).toBeGreaterThanOrEqual(0);
    await close(page);
  });

  it('prints the report on A4: no navigation, no forced page breaks, tables whole, saved as PDF and PNG pages', async () => {
    const { page } = await open(`${PLAN}/uppfoljning/2026-08/`);
    await page.emulateMedia({ media: 'print' });
    const hidden = await page.evaluate(() =>
      ['.main-nav', '.header-search', '.crumbs', '.section-nav', '.skip-link', '.report-toc', '.site-footer'].map((s) => {
        const el = document.querySelector(s);
        return el ? getComputedStyle(el).display : 'none';
      }),
    );
    expect(hidden).toEqual(['none', 'none', 'none', 'none', 'none', 'none', 'none']);
    const breaks = await page.evaluate(() => Array.from(document.querySelectorAll('.report-part, .report-goal')).map((el) => `${el.querySelector('h2, h3')!.textContent!.replace(/\s+/g, ' ').trim()}: ${getComputedStyle(el).breakBefore}`));
    // No forced breaks: they left half-empty pages (issue 13). Headings stay with what follows.
    expect(breaks).toEqual([
      'Sammanfattning: auto',
      'Mål och fokusområden: auto',
      'Mål M1 IT-styrning: auto',
      'Mål M2 Digitalisering: auto',
      'Mål M3 Verksamhetssystem: auto',
      'Mål M4 IT-infrastruktur: auto',
      'Styrprinciperna: auto',
      'Förändringar sedan augusti 2025: auto',
    ]);
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('.report-goal > h3')!).breakAfter)).toBe('avoid');
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('.report-fa table')!).breakInside)).toBe('avoid');
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('.report-fa tr')!).breakInside)).toBe('avoid');
    // The title block names organisation, plan, period and date.
    const head = await page.locator('.report-head').innerText();
    for (const s of ['Ekby kommun', 'Strategisk plan för digitalisering 2024–2027', 'Augusti 2026', '24 augusti 2026']) expect(head).toContain(s);
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    const file = path.join(RESULTS, 'uppfoljning-2026-08.pdf');
    writeFileSync(file, pdf);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdfPageCount(pdf)).toBeGreaterThan(1);
    const pdftoppm = spawnSync('pdftoppm', ['-png', '-r', '60', file, path.join(SCREENSHOTS, 'uppfoljning-2026-08-pdf')]);
    if (pdftoppm.status === 0) expect(readdirSync(SCREENSHOTS).filter((f) => f.startsWith('uppfoljning-2026-08-pdf')).length).toBe(pdfPageCount(pdf));
    await close(page);
  });

  it('prints Måluppfyllelse on A4 without navigation, no forced breaks, each facts box whole, saved as PDF and PNG pages', async () => {
    const { page } = await open(`${PLAN}/uppfoljning/2026-08/maluppfyllelse/`);
    await page.emulateMedia({ media: 'print' });
    const hidden = await page.evaluate(() => ['.main-nav', '.crumbs', '.section-nav', '.site-footer'].map((s) => getComputedStyle(document.querySelector(s)!).display));
    expect(hidden).toEqual(['none', 'none', 'none', 'none']);
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('.attainment-facts')!).breakInside)).toBe('avoid');
    expect(await page.evaluate(() => Array.from(document.querySelectorAll('.attainment-goal, .attainment-fa')).filter((el) => getComputedStyle(el).breakBefore === 'page').length)).toBe(0);
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    const file = path.join(RESULTS, 'maluppfyllelse-2026-08.pdf');
    writeFileSync(file, pdf);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdfPageCount(pdf)).toBeGreaterThan(1);
    const pdftoppm = spawnSync('pdftoppm', ['-png', '-r', '60', file, path.join(SCREENSHOTS, 'maluppfyllelse-2026-08-pdf')]);
    if (pdftoppm.status === 0) expect(readdirSync(SCREENSHOTS).filter((f) => f.startsWith('maluppfyllelse-2026-08-pdf')).length).toBe(pdfPageCount(pdf));
    await close(page);
  });
});
