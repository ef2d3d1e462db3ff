// The unfilled follow-up: right after `uppfoljning ny`, every opened follow-up (principles, goals, focus areas,
// actions) shows on the site as "ej inlämnad", never as an assessment nobody made, and is counted apart.
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { checkPlans } from '../../src/check/check-plans.js';
import { buildSite } from '../../src/site/build-site.js';
import { runCli } from '../helpers/cli.js';

// Each test here builds whole sites: minutes on a busy 2-core machine, so more than the suite's 120 s.
vi.setConfig({ testTimeout: 600_000, hookTimeout: 600_000 });

const PERIOD = '2027-08';
const PLAN = 'ekby-digplan-2024-2027';
const POLICY = 'ekby-it-policy';
let tmp: string;
let out: string;
let plans: string;
const read = (page: string) => readFileSync(path.join(out, page), 'utf8');
/** The badges of assessments somebody made (uppfyllt, delvis uppfyllt, ej uppfyllt) in a piece of HTML. */
const assessed = (html: string) => html.match(/badge--(?:uppfyllt|delvis-uppfyllt|ej-uppfyllt)/g) ?? [];
const notSubmitted = (html: string) => html.match(/<span class="badge badge--ej-inlamnad">Ej inlämnad<\/span>/g) ?? [];

beforeAll(async () => {
  tmp = mkdtempSync(path.join(tmpdir(), 'sparbar-ej-inlamnad-'));
  plans = path.join(tmp, 'plans');
  out = path.join(tmp, 'ut');
  cpSync('plans', plans, { recursive: true });
  const opened = await runCli(['uppfoljning', 'ny', PERIOD, plans]);
  expect(opened.code).toBe(0);
  const result = await buildSite({ plansDir: plans, outDir: out, logLevel: 'silent' });
  expect(result.errors).toEqual([]);
}, 600_000);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe(`the site right after uppfoljning ny ${PERIOD} on the example`, () => {
  it('counts the opened follow-ups apart in the graph: ej inlämnad, not ej uppfyllt or saknas', () => {
    const { graph } = checkPlans(plans);
    const rollup = graph.derived.rollups.find((r) => r.node === PLAN && r.period === PERIOD)!;
    expect(rollup.assessments).toEqual({ uppfyllt: 0, 'delvis uppfyllt': 0, 'ej uppfyllt': 0, saknas: 0, 'ej inlämnad': 4 });
    const opened = graph.followUps.filter((f) => f.period === PERIOD);
    expect(new Set(opened.map((f) => graph.nodes.find((n) => n.key === f.node)!.type))).toEqual(new Set(['styrprincip', 'mål', 'fokusområde', 'aktivitet']));
    expect(opened.every((f) => !f.submitted && f.assessment === null && f.status === null && f.author === null)).toBe(true);
  });

  it('the start page and the plan say "Ej inlämnad" for the four goals and show no assessment of the period', () => {
    for (const page of ['index.html', `${PLAN}/index.html`]) {
      const html = read(page);
      expect(notSubmitted(html).length, page).toBeGreaterThanOrEqual(4);
      // An assessment badge only as the legend of a zero count ("Uppfyllt 0 mål"), never on a goal.
      expect(html.match(/badge--(?:uppfyllt|delvis-uppfyllt|ej-uppfyllt)">[^<]*<\/span>(?! 0 mål)/g), page).toBeNull();
    }
    expect(read('index.html')).toMatch(/badge--ej-inlamnad">Ej inlämnad<\/span> 4 mål/);
  });

  it('every goal, focus area and principle page shows the period as "Ej inlämnad", every open action says its follow-up is not submitted', () => {
    const { graph } = checkPlans(plans);
    const pages = graph.followUps
      .filter((f) => f.period === PERIOD)
      .map((f) => graph.nodes.find((n) => n.key === f.node)!)
      .map((n) => ({ n, page: `${n.document === POLICY ? POLICY : PLAN}/${{ styrprincip: 'styrprincip', mål: 'mal', fokusområde: 'fokusomrade', aktivitet: 'aktivitet' }[n.type as string]}/${n.id.toLowerCase().replace('.', '-')}/index.html` }));
    expect(pages.length).toBe(52);
    for (const { n, page } of pages) {
      const html = read(page);
      if (n.type === 'aktivitet') expect(html, page).toContain('(uppföljningen ej inlämnad)');
      else expect(notSubmitted(html).length, page).toBeGreaterThan(0);
      expect(html, page).toContain('Uppföljningen är öppnad men inte inlämnad');
    }
  });

  it(`the report for ${PERIOD} makes no assessment, rests on no follow-up and names no author`, () => {
    const html = read(`${PLAN}/uppfoljning/${PERIOD}/index.html`);
    expect(html).toContain('Ingen uppföljning är inlämnad för perioden ännu');
    expect(html).not.toContain('skrivna av');
    // The goals' table of the period: four goals, each ej inlämnad.
    const table = /<table class="table stack report-summary"[\s\S]*?<\/table>/.exec(html)![0];
    expect(assessed(table)).toEqual([]);
    expect(notSubmitted(table)).toHaveLength(4);
    // Focus areas counted as not submitted (ej inlämnade), not as not assessed.
    expect(table).not.toContain('ej bedöm');
    expect(table).toContain('11 ej inlämnade fokusområden');
  });

  it(`says in Att uppmärksamma ${PERIOD} which statuses are carried from 2026-08, never "i rad", and how many follow-ups are not submitted`, () => {
    const html = read(`${PLAN}/uppfoljning/${PERIOD}/index.html`);
    const attention = /<section class="attention"[\s\S]*?<\/section>/.exec(html)![0];
    const text = attention.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ');
    expect(text).not.toContain('i rad');
    expect(text).toMatch(/A23 Införande av e-arkiv Försenad senast rapporterad i uppföljningen augusti 2026; ingen status är rapporterad augusti 2027/);
    expect(text).toMatch(/Har passerat det antagna slutdatumet 30 juni 2026; nytt slutdatum 30 juni 2027/);
    expect(text).toContain('Uppföljningen augusti 2027 är inte inlämnad.');
    expect(text).toMatch(/\d+ uppföljningar av mål, fokusområden, styrprinciper och aktiviteter är inte inlämnade ännu/);
  });
});
