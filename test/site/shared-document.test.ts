// The site of a policy and strategy shared by three municipalities (issue 12, fixture plans-gemensam): each shared
// document is published once with its adopters and their decisions, each organisation's page lists what it has
// adopted with its own decision, the goal shows each organisation's own follow-up beside the whole strategy's, the
// earlier documents outside the tree are named, and every count on the start page, plan and goal pages adds up to
// the number of actions.
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildSite } from '../../src/site/build-site.js';
import { countBlocks, htmlPages } from './site-files.js';

// Builds a whole site: minutes on a busy 2-core machine.
vi.setConfig({ testTimeout: 600_000, hookTimeout: 600_000 });

const FIXTURE = path.resolve(import.meta.dirname, '../fixtures/plans-gemensam');
let out: string;
let tmp: string;
const read = (page: string) => readFileSync(path.join(out, page), 'utf8');
/** A page's text without tags and with spaces collapsed, for reading sentences. */
const text = (page: string) => read(page).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

beforeAll(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'sparbar-gemensam-'));
  out = path.join(tmp, 'ut');
  const result = await buildSite({ plansDir: FIXTURE, outDir: out, logLevel: 'silent' });
  expect(result.errors).toEqual([]);
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('a shared policy and strategy on the site', () => {
  it('publishes each shared document once, not once per municipality', () => {
    const dirs = readdirSync(out).filter((d) => d.startsWith('gemensam') || d.startsWith('lindvik'));
    expect(dirs.sort()).toEqual(['gemensam-it-policy', 'gemensam-strategi', 'lindvik-anvisningar']);
    // The start page shows the strategy once, with all three municipalities and each one's decision.
    const start = text('index.html');
    expect((read('index.html').match(/<h2[^>]*>\s*<a[^>]*>Gemensam digitaliseringsstrategi<\/a>/g) ?? []).length).toBe(1);
    expect(start).toContain('Kommunstyrelsen: Lindviks kommun 12 juni 2023, Storkulla kommun 19 juni 2023 och Åsmarks kommun 15 maj 2023');
    // The joint strategy's card names its organisations in the plural; each plan's attention section has a name of
    // its own (two plans followed up in August 2024 would otherwise give two landmarks of the same name).
    expect(read('index.html')).toContain('<dt>Organisationer</dt>');
    const names = [...read('index.html').matchAll(/<h4 id="uppmarksamma-\d+">([\s\S]*?)<\/h4>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, ''));
    expect(names.length).toBeGreaterThan(1);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toContain('Att uppmärksamma augusti 2024: Gemensam digitaliseringsstrategi');
  });

  it('lists each organisation’s decision on the document’s page, and says what is not given', () => {
    const html = read('gemensam-it-policy/index.html');
    const rows = [...html.matchAll(/<tr>\s*<th scope="row"><a[^>]*>([^<]*)<\/a><\/th>([\s\S]*?)<\/tr>/g)].map((m) => `${m[1]}: ${m[2]!.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim()}`);
    expect(rows).toEqual([
      'Lindviks kommun: Kommunfullmäktige 6 mars 2023 § 31 KS 2022/118',
      'Storkulla kommun: Kommunfullmäktige uppgift saknas § 7 uppgift saknas',
      'Åsmarks kommun: Kommunfullmäktige 20 februari 2023 § 12 uppgift saknas',
    ]);
    // With a decision per organisation, the document's own "Antagen" fact is not shown as missing.
    expect(html).not.toMatch(/<dt>Antagen<\/dt>/);
    expect(html.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ')).toContain('Policyn ersätter IT-policy för Åsmarks kommun (2012) och Digital agenda för Lindvik (2015).');
    expect(html).toContain('href="https://lindvik.example/digital-agenda-2015.pdf"');
  });

  it('lists on each organisation’s page what it has adopted, with its own decision', () => {
    const lindvik = text('organisation/lindvik/index.html');
    expect(lindvik).toContain('Policyer och planer som Lindviks kommun har antagit');
    expect(lindvik).toContain('Antagen av kommunfullmäktige 6 mars 2023 (§ 31, dnr KS 2022/118); gemensam med Åsmarks kommun och Storkulla kommun.');
    expect(lindvik).toContain('Lindviks anvisningar för digitalisering');
    const asmark = read('organisation/asmark/index.html');
    expect(asmark).toContain('Gemensam digitaliseringsstrategi');
    expect(asmark).not.toContain('Lindviks anvisningar');
  });

  it('shows each organisation’s own follow-up of the joint goal beside the whole strategy’s', () => {
    const goal = text('gemensam-strategi/mal/m1/index.html');
    expect(goal).toContain('Uppföljning per organisation');
    expect(goal).toMatch(/Åsmarks kommun Uppfyllt Åsmarks e-tjänster finns alla på plattformen\./);
    expect(goal).toMatch(/Lindviks kommun Ej uppfyllt Lindvik väntar/);
    expect(goal).toMatch(/Storkulla kommun Ingen egen uppföljning/);
    // The focus area Storkulla followed up on its own; Lindvik's own goal has no such section.
    expect(text('gemensam-strategi/fokusomrade/fo1-2/index.html')).toMatch(/Storkulla kommun Uppfyllt/);
    expect(read('lindvik-anvisningar/mal/m1/index.html')).not.toContain('Uppföljning per organisation');
  });

  it('shows in the report each organisation’s assessment beside the whole plan’s, and the goals rolled up for each', () => {
    const html = read('gemensam-strategi/uppfoljning/2024-08/index.html');
    const part = html.slice(html.indexOf('id="per-organisation"'), html.indexOf('id="styrprinciper"'));
    const cells = (row: string) => [...row.matchAll(/<td data-label="([^"]+)">([\s\S]*?)<\/td>/g)].map((m) => `${m[1]}: ${m[2]!.replace(/<[^>]+>/g, '').trim()}`);
    const rows = [...part.matchAll(/<tr class="[^"]*"><th scope="row">[\s\S]*?<span class="nid">([^<]+)<\/span>[\s\S]*?<\/th>([\s\S]*?)<\/tr>/g)].map((m) => [m[1], ...cells(m[2]!)]);
    expect(rows).toEqual([
      ['M1', 'Hela planen: Delvis uppfyllt', 'Åsmarks kommun: Uppfyllt', 'Lindviks kommun: Ej uppfyllt', 'Storkulla kommun: som hela planen'],
      ['FO1.1', 'Hela planen: Delvis uppfyllt', 'Åsmarks kommun: som hela planen', 'Lindviks kommun: som hela planen', 'Storkulla kommun: som hela planen'],
      ['FO1.2', 'Hela planen: Delvis uppfyllt', 'Åsmarks kommun: som hela planen', 'Lindviks kommun: som hela planen', 'Storkulla kommun: Uppfyllt'],
    ]);
    const foot = part.slice(part.indexOf('<tfoot>'));
    expect(cells(foot)).toEqual(['Hela planen: 0 uppfyllt, 1 delvis, 0 ej uppfyllt', 'Åsmarks kommun: 1 uppfyllt, 0 delvis, 0 ej uppfyllt', 'Lindviks kommun: 0 uppfyllt, 0 delvis, 1 ej uppfyllt', 'Storkulla kommun: 0 uppfyllt, 1 delvis, 0 ej uppfyllt']);
    // A plan of one organisation has no such part.
    expect(read('lindvik-anvisningar/uppfoljning/2024-08/index.html')).not.toContain('id="per-organisation"');
  });

  it('adds up every count on the start page, the plans and the goals to the number of actions', () => {
    const pages = ['index.html', 'gemensam-strategi/index.html', 'gemensam-strategi/mal/m1/index.html', 'lindvik-anvisningar/index.html', 'lindvik-anvisningar/mal/m1/index.html'];
    for (const page of pages) expect(countBlocks(read(page)).length, page).toBeGreaterThan(0);
    const sum = (b: { groups: { n: number }[] }) => b.groups.reduce((n, g) => n + g.n, 0);
    for (const page of htmlPages(out)) for (const b of countBlocks(read(page))) expect(sum(b), `${page}: ${JSON.stringify(b)}`).toBe(b.total);
    // The strategy's three actions and Lindvik's one, on the start page and each plan's page.
    expect(countBlocks(read('index.html')).map((b) => b.total)).toContain(3);
    expect(countBlocks(read('gemensam-strategi/index.html'))[0]!.total).toBe(3);
    expect(countBlocks(read('lindvik-anvisningar/index.html'))[0]!.total).toBe(1);
  });

  it('publishes nothing of the build machine', () => {
    for (const page of htmlPages(out)) {
      const html = read(page);
      expect(html, page).not.toContain(FIXTURE);
      expect(html, page).not.toContain(os.homedir());
    }
  });
});
