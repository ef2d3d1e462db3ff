/// <reference lib="dom" />
// The published site in a real browser (Debian's chromium via playwright-core): every page type shows its
// content, no internal link is broken, axe-core finds no WCAG 2.1 A/AA or best-practice violation on any page, 360 px needs
// no horizontal scroll, pages need only their HTML and one stylesheet, the skip link, search and print
// work, and screenshots are saved in test-results/screenshots/.
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../src/site/build-site.js';
import { listFiles } from '../site/site-files.js';
import { axeViolations, launchChromium } from './browser.js';
import { serveStatic, type StaticServer } from './static-server.js';

const root = path.resolve(import.meta.dirname, '../..');
const BASE = '/sparbar/';
const SCREENSHOTS = path.join(root, 'test-results', 'screenshots');
const PLAN = 'ekby-digplan-2024-2027';
const POLICY = 'ekby-it-policy';

let out: string;
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  out = mkdtempSync(path.join(tmpdir(), 'sparbar-browser-'));
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
  const response = await page.goto(url.startsWith('http') ? url : server.url + url.replace(/^\//, ''));
  return { page, requests, status: response?.status() ?? 0 };
}

async function close(page: Page) {
  await page.context().close();
}


async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** One page of each type, with what it must show. */
const PAGE_TYPES: { name: string; path: string; h1: RegExp; content: RegExp[] }[] = [
  { name: 'start', path: '', h1: /Ekby kommun/, content: [/Strategisk plan för digitalisering 2024–2027/, /Vision/, /Läget augusti 2026/, /IT-styrning/, /Gå vidare/] },
  { name: 'plan', path: `${PLAN}/`, h1: /Strategisk plan för digitalisering/, content: [/Kommunstyrelsen/, /Revideringar/, /Aktiviteternas status vid varje uppföljning/, /M4/] },
  { name: 'policy', path: `${POLICY}/`, h1: /IT- och digitaliseringspolicy/, content: [/Vision/, /Områden och styrprinciper/, /SP12/, /Planer som genomför policyn/] },
  { name: 'område', path: `${POLICY}/omrade/o2/`, h1: /Tydliga och transparenta strukturer/, content: [/SP8/, /SP9/] },
  { name: 'styrprincip', path: `${POLICY}/styrprincip/sp9/`, h1: /Informationssäkerheten/, content: [/Säkerhetsnivån bestäms efter riskanalys/, /Så genomförs principen/, /M3/, /FO4\.2/, /Aktivitet/, /Klar|Pågår/] },
  { name: 'mål', path: `${PLAN}/mal/m2/`, h1: /Digitalisering/, content: [/Förväntat resultat 2027/, /Styrprinciper som målet förverkligar/, /FO2\.11/, /A05/, /Uppföljning augusti 2026/, /Uppföljning augusti 2025/] },
  { name: 'fokusområde', path: `${PLAN}/fokusomrade/fo2-3/`, h1: /Automatisering av handläggning/, content: [/Leder upp till/, /M2/, /Uppföljning/] },
  { name: 'aktivitet', path: `${PLAN}/aktivitet/a14/`, h1: /Nytt trådlöst nät/, content: [/Servicenämnden – IT-enheten/, /6\u00a0Mkr, investering/, /31 oktober 2025/, /FO4\.1/, /SP9/, /Uppföljning augusti 2026/, /Uppföljning augusti 2025/] },
  { name: 'indikator', path: `${PLAN}/indikator/i1/`, h1: /e-legitimation/, content: [/Målvärde och utfall per år/, /Inte nått|Nått/, /82/, /Målvärdet för 2027 har höjts från 90\s%\still 95\s%/, /90 →[^\d]*95\s+höjt 17 september 2025/] },
  { name: 'indikator med räknad enhet', path: `${PLAN}/indikator/i3/`, h1: /IT-incidenter/, content: [/Enhet\s+incidenter/, /Utfall:\s3\sincidenter/] },
  { name: 'indikatorgrupp', path: `${PLAN}/indikator/i6/`, h1: /Digital mognad/, content: [/Medelvärde av 4 indikatorer/, /Indikatorer i gruppen/, /I6\.4/] },
  { name: 'spårbarhet', path: `${PLAN}/sparbarhet/`, h1: /Spårbarhet/, content: [/Styrprinciper mot mål/, /Mål mot fokusområden/, /Hela kedjan/, /12 av 12/] },
  { name: 'ansvariga', path: `${PLAN}/ansvariga/`, h1: /Ansvariga/, content: [/Servicenämnden – IT-enheten/, /Socialförvaltningen/] },
  { name: 'ansvarig enhet', path: `${PLAN}/ansvariga/servicenamnden-it-enheten/`, h1: /Servicenämnden – IT-enheten/, content: [/A14/, /Aktiviteter/] },
  { name: 'mållista', path: `${PLAN}/mal/`, h1: /^Mål$/, content: [/M1/, /M4/] },
  { name: 'fokusområdeslista', path: `${PLAN}/fokusomrade/`, h1: /Fokusområden/, content: [/FO4\.5/] },
  { name: 'aktivitetslista', path: `${PLAN}/aktivitet/`, h1: /Aktiviteter/, content: [/A36/] },
  { name: 'indikatorlista', path: `${PLAN}/indikator/`, h1: /Indikatorer/, content: [/I6\.1/] },
  { name: 'styrprincipslista', path: `${POLICY}/styrprincip/`, h1: /Styrprinciper/, content: [/SP1/, /SP12/] },
  { name: 'områdeslista', path: `${POLICY}/omrade/`, h1: /Områden/, content: [/O1/, /O2/] },
  { name: 'planer', path: 'planer/', h1: /Planer och policyer/, content: [/Ekby kommun/, /Gäller/] },
  { name: 'organisation', path: 'organisation/ekby/', h1: /Ekby kommun/, content: [/Kommunkod/, /9999/] },
  { name: 'öppna data', path: 'oppna-data/', h1: /Öppna data/, content: [/graf\.json/, /noder\.csv/, /UTF-8 med BOM/, /Semikolon/, /Vad finns i filerna\?/, /licensen CC0 1\.0/, /dcat\.rdf/, /DCAT-AP-SE/] },
  { name: 'tillgänglighet', path: 'tillganglighet/', h1: /Tillgänglighets\u00ad?redogörelse/, content: [/lagen om tillgänglighet till digital offentlig service/, /Tillsyn/, /Digg/] },
  { name: 'sök', path: 'sok/', h1: /Sök/, content: [/Alla sidor/, /A14/] },
];

describe('the published site in a browser', () => {
  it('shows every page type with its content, in Swedish, with no axe violation and no scroll at 360 px', async () => {
    for (const t of PAGE_TYPES) {
      const { page, requests, status } = await open(t.path);
      expect(status, t.name).toBe(200);
      expect(await page.getAttribute('html', 'lang'), t.name).toBe('sv');
      const h1 = await page.locator('h1').allInnerTexts();
      expect(h1, t.name).toHaveLength(1);
      expect(h1[0], t.name).toMatch(t.h1);
      const text = await page.locator('main').innerText();
      for (const c of t.content) expect(text, `${t.name}: ${c}`).toMatch(c);
      expect(await page.title(), t.name).toMatch(/Ekby kommun/);
      // Nothing but the HTML and the one shared stylesheet.
      const assets = requests.filter((r) => r !== server.url + t.path);
      expect(assets.filter((r) => r.endsWith('.css')), t.name).toHaveLength(1);
      expect(assets.filter((r) => !r.endsWith('.css')), t.name).toEqual([]);
      expect(await axeViolations(page), t.name).toEqual([]);
      await close(page);

      const phone = await open(t.path, { width: 360 });
      expect(await horizontalOverflow(phone.page), `${t.name} at 360 px`).toBeLessThanOrEqual(0);
      expect(await axeViolations(phone.page), `${t.name} at 360 px`).toEqual([]);
      await close(phone.page);
    }
  });

  it('has no broken internal link anywhere, and axe finds nothing on any page', async () => {
    // Crawl from the start page over HTTP: every internal link answers 200 and every #anchor exists.
    const seen = new Map<string, string>();
    const queue = [server.url];
    const broken: string[] = [];
    const origin = new URL(server.url).origin;
    while (queue.length > 0) {
      const url = queue.shift()!;
      if (seen.has(url)) continue;
      const response = await fetch(url);
      const body = response.ok ? await response.text() : '';
      seen.set(url, body);
      if (!response.ok) {
        broken.push(`${url}: ${response.status}`);
        continue;
      }
      if (!(response.headers.get('content-type') ?? '').startsWith('text/html')) continue;
      for (const m of body.matchAll(/\s(?:href|src|action)="([^"]*)"/g)) {
        const raw = m[1]!.replace(/&amp;/g, '&');
        if (/^(mailto:|tel:|data:)/.test(raw)) continue;
        const target = new URL(raw, url);
        if (target.origin !== origin) continue;
        if (target.hash) {
          const page = target.origin + target.pathname;
          const id = decodeURIComponent(target.hash.slice(1));
          const html = page === url.split('#')[0] ? body : seen.get(page) ?? (await (await fetch(page)).text());
          if (!html.includes(`id="${id}"`)) broken.push(`${url} → ${raw}: ankaret saknas`);
        }
        target.hash = '';
        target.search = '';
        if (!seen.has(target.href)) queue.push(target.href);
      }
    }
    expect(broken).toEqual([]);
    const pages = [...seen.keys()].filter((u) => u.endsWith('/'));
    const files = listFiles(out).filter((f) => f.endsWith('index.html'));
    // Every page of the site is reachable by links.
    expect(pages.length).toBe(files.length);

    const failures: string[] = [];
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    for (const url of pages) {
      await page.goto(url);
      for (const v of await axeViolations(page)) failures.push(`${url}: ${v}`);
    }
    await context.close();
    expect(failures).toEqual([]);
  });

  it('names the search field and the two search landmarks apart (axe best practice landmark-unique)', async () => {
    const { page } = await open('sok/');
    expect(await page.getAttribute('#sok-sidhuvud', 'placeholder')).toBe('Sök på webbplatsen');
    const names = await page.locator('[role="search"]').evaluateAll((forms) => forms.map((f) => f.getAttribute('aria-label')));
    expect(names).toEqual(['Sök i sidhuvudet', 'Sök på sidan Sök']);
    expect(await axeViolations(page, ['landmark-unique', 'landmark-no-duplicate-main', 'landmark-one-main'])).toEqual([]);
    await close(page);
  });

  it("draws each goal's action bar at the same length, at 390 and 1280 px, filled by its statuses", async () => {
    for (const width of [390, 1280]) {
      const { page } = await open('', { width });
      const bars = await page.locator('table .counts .bar').evaluateAll((els) =>
        els.map((bar) => ({
          width: bar.getBoundingClientRect().width,
          inner: bar.clientWidth,
          segments: Array.from(bar.children).reduce((sum, seg) => sum + seg.getBoundingClientRect().width, 0),
        })),
      );
      // One bar per goal of the example (M1 has 5 of 5 done and the longest legend per bar is M3's).
      expect(bars, `${width} px`).toHaveLength(4);
      for (const bar of bars) {
        expect(Math.abs(bar.width - bars[0]!.width), `${width} px`).toBeLessThan(1);
        expect(Math.abs(bar.segments - bar.inner), `${width} px`).toBeLessThan(1.5);
      }
      await close(page);
    }
  });

  it('shows the heading of every node page above the fold on a 390 × 844 phone, the section menu behind one control that works without script', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, javaScriptEnabled: false, locale: 'sv-SE' });
    const page = await context.newPage();
    const nodePages = PAGE_TYPES.filter((t) => ['plan', 'policy', 'område', 'styrprincip', 'mål', 'fokusområde', 'aktivitet', 'indikator', 'indikatorgrupp'].includes(t.name));
    for (const t of nodePages) {
      await page.goto(server.url + t.path);
      const bottom = await page.locator('h1').evaluate((h) => h.getBoundingClientRect().bottom);
      expect(bottom, t.name).toBeLessThan(844);
      expect(await page.locator('.section-nav__list').isVisible(), t.name).toBe(false);
      expect(await page.locator('.section-nav details').getAttribute('open'), t.name).toBeNull();
    }
    // The menu opens with its summary, by keyboard too, and lists the plan's pages.
    await page.goto(`${server.url}${PLAN}/mal/m2/`);
    await page.locator('.section-nav summary').focus();
    await page.keyboard.press('Enter');
    const links = page.locator('.section-nav details a');
    expect(await links.first().isVisible()).toBe(true);
    expect(await links.allInnerTexts()).toEqual(expect.arrayContaining(['Översikt', 'Mål', 'Aktiviteter', 'Indikatorer', 'Uppföljning']));
    expect(await page.locator('.section-nav details a[aria-current="page"]').innerText()).toBe('Mål');
    await context.close();
    // Open, the menu passes axe (which needs script to run) on a phone.
    const phone = await open(`${PLAN}/mal/m2/`, { width: 390 });
    await phone.page.locator('.section-nav summary').click();
    expect(await phone.page.locator('.section-nav details a').first().isVisible()).toBe(true);
    expect(await axeViolations(phone.page)).toEqual([]);
    await close(phone.page);
    // On a wide screen the links are a row, with no control.
    const wide = await open(`${PLAN}/mal/m2/`);
    expect(await wide.page.locator('.section-nav__list').isVisible()).toBe(true);
    expect(await wide.page.locator('.section-nav summary').isVisible()).toBe(false);
    await close(wide.page);
  });

  it('keeps year tables real tables: År, Målvärde and Utfall in view at 360 px, the latest period first where a table scrolls, no column cut off at 1280 px', async () => {
    /** Each scrolling table on the page: whether it overflows, its column headings, and which of them are in view. */
    const tables = (page: Page) =>
      page.locator('.table-scroll').evaluateAll((regions) =>
        regions.map((r) => {
          const box = r.getBoundingClientRect();
          const heads = Array.from(r.querySelectorAll('thead th'));
          return {
            caption: r.querySelector('caption')?.textContent ?? '',
            overflows: r.scrollWidth > r.clientWidth + 1,
            heads: heads.map((h) => h.textContent?.trim() ?? ''),
            inView: heads.map((h) => h.getBoundingClientRect().right <= box.right + 1),
            display: getComputedStyle(r.querySelector('td')!).display,
          };
        }),
      );
    // The indicator's values per year: a table on a phone, its first three columns in view without scrolling.
    const phone = await open(`${PLAN}/indikator/i1/`, { width: 360 });
    const [years] = await tables(phone.page);
    expect(years!.display).toBe('table-cell');
    expect(years!.heads.slice(0, 3)).toEqual(['År', 'Målvärde', 'Utfall']);
    expect(years!.inView.slice(0, 3)).toEqual([true, true, true]);
    await close(phone.page);
    // The history's tables put the latest period first, in view beside the row headings on a phone.
    const history = await open(`${PLAN}/historik/`, { width: 360 });
    const phoneTables = await tables(history.page);
    expect(phoneTables.map((t) => t.heads.slice(1, 3))).toEqual([
      ['augusti 2026', 'augusti 2025'],
      ['augusti 2026', 'augusti 2025'],
      ['augusti 2026', 'augusti 2025'],
      ['2027', '2026'],
    ]);
    for (const t of phoneTables) expect(t.inView[1], t.caption).toBe(true);
    await close(history.page);
    // At 1280 px every column of these tables is in view: none scrolls.
    for (const url of [`${PLAN}/historik/`, `${PLAN}/indikator/i1/`, `${PLAN}/indikator/i5/`]) {
      const wide = await open(url);
      for (const t of await tables(wide.page)) expect(t.overflows, `${url}: ${t.caption}`).toBe(false);
      await close(wide.page);
    }
  });

  it("names the plan once on its overview at 390 px: the section menu leaves out the title the heading gives", async () => {
    const overview = await open(`${PLAN}/`, { width: 390 });
    const title = await overview.page.locator('h1').innerText();
    const shown = await overview.page.getByText(title, { exact: true }).evaluateAll((els) => els.filter((e) => (e as HTMLElement).offsetParent !== null).length);
    expect(shown).toBe(1);
    expect(await overview.page.locator('.section-nav__title').count()).toBe(0);
    await close(overview.page);
    // Elsewhere in the plan the menu names it, as the way back to the overview.
    const goal = await open(`${PLAN}/mal/m2/`, { width: 390 });
    expect(await goal.page.locator('.section-nav__title').innerText()).toBe(title);
    await close(goal.page);
  });

  it('works without JavaScript and lets keyboard users skip to the content', async () => {
    const { page } = await open(`${PLAN}/mal/m1/`, { javaScript: false });
    expect(await page.locator('h1').innerText()).toBe('IT-styrning');
    await page.keyboard.press('Tab');
    const first = await page.evaluate(() => document.activeElement?.textContent);
    expect(first).toBe('Hoppa till innehållet');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('innehall');
    await close(page);
  });

  it('searches offline with the Pagefind index', async () => {
    const { page } = await open('sok/?q=trådlöst');
    const results = page.locator('#sokresultat ol li a');
    await results.first().waitFor({ timeout: 15_000 });
    const hrefs = await results.evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).getAttribute('href')));
    expect(hrefs).toContain(`${BASE}${PLAN}/aktivitet/a14/`);
    // The header's search box leads to the same page.
    await page.goto(server.url);
    await page.fill('#sok-sidhuvud', 'mognad');
    await page.press('#sok-sidhuvud', 'Enter');
    await page.locator('#sokresultat ol li a').first().waitFor({ timeout: 15_000 });
    expect(page.url()).toContain('/sok/?q=mognad');
    expect(await axeViolations(page)).toEqual([]);
    await close(page);
  });

  it('prints on A4 without navigation, tables whole, external links spelt out', async () => {
    const { page } = await open(`${PLAN}/mal/m2/`);
    await page.emulateMedia({ media: 'print' });
    const hidden = await page.evaluate(() =>
      ['.main-nav', '.header-search', '.crumbs', '.section-nav', '.skip-link'].map((s) => {
        const el = document.querySelector(s);
        return el ? getComputedStyle(el).display : 'none';
      }),
    );
    expect(hidden).toEqual(['none', 'none', 'none', 'none', 'none']);
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('table')!).breakInside)).toBe('avoid');
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    mkdirSync(path.dirname(SCREENSHOTS), { recursive: true });
    writeFileSync(path.join(path.dirname(SCREENSHOTS), 'utskrift-mal-m2.pdf'), pdf);
    expect(pdf.length).toBeGreaterThan(10_000);
    const org = await open('organisation/ekby/');
    await org.page.emulateMedia({ media: 'print' });
    const after = await org.page.evaluate(() => getComputedStyle(document.querySelector('.facts a[href^="http"]')!, '::after').content);
    expect(after).toContain('https://www.ekby.example');
    await close(org.page);
    await close(page);
  });

  it('saves screenshots of start, a principle, a goal, the traceability page, an indicator and the report at phone and desktop width', async () => {
    const shots = [
      { name: 'start', path: '' },
      { name: 'styrprincip', path: `${POLICY}/styrprincip/sp9/` },
      { name: 'mal', path: `${PLAN}/mal/m2/` },
      { name: 'sparbarhet', path: `${PLAN}/sparbarhet/` },
      { name: 'indikator', path: `${PLAN}/indikator/i1/` },
      { name: 'rapport', path: `${PLAN}/uppfoljning/2026-08/` },
    ];
    for (const width of [360, 390, 1280]) {
      for (const s of shots) {
        const { page } = await open(s.path, { width });
        const file = path.join(SCREENSHOTS, `${s.name}-${width}.png`);
        await page.screenshot({ path: file, fullPage: true });
        expect(statSync(file).size).toBeGreaterThan(10_000);
        await close(page);
      }
    }
  });

  it('reports page weight: each page is its HTML plus one shared stylesheet', () => {
    const files = listFiles(out);
    const css = files.filter((f) => f.startsWith('_astro/') && f.endsWith('.css'));
    expect(css).toHaveLength(1);
    const cssBytes = statSync(path.join(out, css[0]!)).size;
    const html = files.filter((f) => f.endsWith('.html')).map((f) => ({ f, bytes: statSync(path.join(out, f)).size })).sort((a, b) => a.bytes - b.bytes);
    const median = html[Math.floor(html.length / 2)]!;
    const largest = html[html.length - 1]!;
    const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;
    const report = [
      `Sidvikt (HTML + den gemensamma stilmallen ${kb(cssBytes)}), ${html.length} sidor:`,
      `  median  ${kb(median.bytes + cssBytes)} (${median.f})`,
      `  störst  ${kb(largest.bytes + cssBytes)} (${largest.f})`,
    ].join('\n');
    console.log(report);
    mkdirSync(path.dirname(SCREENSHOTS), { recursive: true });
    writeFileSync(path.join(path.dirname(SCREENSHOTS), 'sidvikt.txt'), `${report}\n`);
    expect(largest.bytes).toBeLessThan(500 * 1024);
  });
});
