// Effects (effektmål) and critical success factors on the site (issue 12): listed on their policy's or plan's page,
// a page each with the goals and focus areas that name them, linked from those goals and focus areas, set against
// the goals on the traceability page, in the open data; and `uppfoljning ny` opens unfilled follow-ups for the
// effects and for the areas of a policy without principles, shown as "ej inlämnad".
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { checkPlans } from '../../src/check/check-plans.js';
import { buildSite } from '../../src/site/build-site.js';
import { runCli } from '../helpers/cli.js';
import { brokenLinks } from './site-files.js';

// Builds two whole sites: minutes on a busy 2-core machine, so more than the suite's 120 s.
vi.setConfig({ testTimeout: 600_000, hookTimeout: 600_000 });

const FIXTURE = path.resolve(import.meta.dirname, '../fixtures/plans-vision-malbild');
const PERIOD = '2026-08';
let tmp: string;
let plans: string;
let out: string;
const read = (page: string) => readFileSync(path.join(out, page), 'utf8');
/** The text of a page without tags, spaces collapsed. */
const text = (page: string) => read(page).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

beforeAll(async () => {
  tmp = mkdtempSync(path.join(tmpdir(), 'sparbar-effektmal-site-'));
  plans = path.join(tmp, 'plans');
  out = path.join(tmp, 'ut');
  cpSync(FIXTURE, plans, { recursive: true });
  const result = await buildSite({ plansDir: plans, outDir: out, logLevel: 'silent' });
  expect(result.errors).toEqual([]);
}, 600_000);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('effects and success factors on the site', () => {
  it('the policy and the plan list them in their order, each linked to its page, with who names it', () => {
    const policy = text('asby-it-strategi/index.html');
    expect(policy).toContain('Effektmål E1 Invånare och företag kan sköta sina ärenden med kommunen när det passar dem – 1 mål och 2 fokusområden bidrar till det');
    expect(policy).toContain('E2 Medarbetarna lägger sin tid på verksamheten, inte på att leta och skriva av uppgifter – 2 mål och 1 fokusområde bidrar till det');
    expect(read('asby-it-strategi/index.html')).toContain('href="/asby-it-strategi/effektmal/e1/"');
    const plan = text('asby-strategi-mal/index.html');
    expect(plan).toContain('Kritiska framgångsfaktorer KF1 Ledningen efterfrågar och följer upp arbetet – förutsätts av 1 mål och 1 fokusområde');
    // A plan without actions says so, not "0 aktiviteter".
    expect(plan).toContain('Planen har inga aktiviteter');
    expect(plan).not.toMatch(/\b0 aktiviteter/);
    // Its policy has neither areas nor principles: the traceability link speaks of effects.
    expect(plan).toContain('Effektmål mot mål, mål mot fokusområden, och hela kedjan');
  });

  it('an effect’s page lists each goal and then its focus areas that serve it, and its description', () => {
    const page = text('asby-it-strategi/effektmal/e2/index.html');
    expect(page).toContain('Effektmål E2');
    expect(page).toContain('Uppgifter som kommunen redan har ska inte behöva lämnas eller skrivas in igen.');
    const order = ['Mål M2', 'Fokusområde FO2.1', 'Mål M3'].map((s) => page.indexOf(s));
    expect(order.every((i) => i > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(page).toContain('Planen har inga aktiviteter ännu.');
    const factor = text('asby-strategi-mal/framgangsfaktor/kf3/index.html');
    expect(factor).toContain('Mål och fokusområden som förutsätter framgångsfaktorn');
    expect(factor).toMatch(/Mål M3 Medarbetare som kan och vill använda it i arbetet/);
  });

  it('a goal and a focus area link to the effects and success factors they name, and never say they lack a principle', () => {
    const goal = text('asby-strategi-mal/mal/m2/index.html');
    expect(goal).toContain('Effektmål som målet bidrar till E2 Medarbetarna');
    expect(goal).toContain('E3 Politiker och chefer fattar beslut på aktuella och jämförbara underlag');
    expect(goal).toContain('Kritiska framgångsfaktorer för målet KF1 Ledningen efterfrågar och följer upp arbetet KF2');
    expect(goal).not.toMatch(/styrprincip|område i policyn/i);
    const fa = text('asby-strategi-mal/fokusomrade/fo1-2/index.html');
    expect(fa).toContain('Effektmål E1');
    expect(fa).toContain('Framgångsfaktor KF3');
    expect(fa).not.toMatch(/styrprincip|område i policyn/i);
  });

  it('the traceability page sets the effects and the success factors against the goals, and no principles', () => {
    const page = text('asby-strategi-mal/sparbarhet/index.html');
    expect(page).toContain('3 av 3 effektmål har minst ett mål eller fokusområde som bidrar till dem');
    expect(page).toContain('3 av 3 kritiska framgångsfaktorer har minst ett mål eller fokusområde som förutsätter dem');
    expect(page).toContain('Effektmål mot mål En markering betyder att målet eller ett av dess fokusområden bidrar till effektmålet.');
    expect(page).toContain('Kritiska framgångsfaktorer mot mål');
    expect(page).not.toMatch(/Styrprinciper mot mål|Mål utan/);
    // E3 is served by M2 (itself and through FO2.2) and by no other goal.
    const row = /<tr[^>]*>\s*<th scope="row"><a[^>]*><span class="nid">E3<\/span>[\s\S]*?<\/tr>/.exec(read('asby-strategi-mal/sparbarhet/index.html'))![0];
    expect(row.match(/class="hit"/g)).toHaveLength(1);
    expect(row).toContain('M2 bidrar till');
    expect(row).toContain('1 mål');
  });

  it('the open data and the site’s links hold them', () => {
    expect(brokenLinks(out, '/')).toEqual([]);
    const graph = JSON.parse(read('data/graf.json')) as { nodes: { type: string; key: string }[]; edges: { type: string }[] };
    expect(graph.nodes.filter((n) => n.type === 'effektmål')).toHaveLength(3);
    expect(graph.nodes.filter((n) => n.type === 'framgångsfaktor')).toHaveLength(3);
    expect(graph.edges.filter((e) => e.type === 'serves')).toHaveLength(8);
    expect(graph.edges.filter((e) => e.type === 'relies-on')).toHaveLength(6);
    expect(read('data/noder.csv')).toContain('asby-strategi-mal:KF1;framgångsfaktor;KF1;Ledningen efterfrågar och följer upp arbetet;asby-strategi-mal;');
    expect(read('data/lankar.csv')).toContain('asby-strategi-mal:M1;asby-it-strategi:E1;serves;bidrar till effektmålet;mål;effektmål');
  });
});

describe(`uppfoljning ny ${PERIOD}`, () => {
  it('opens unfilled follow-ups for the policy’s effects, which the site shows as ej inlämnad', async () => {
    const opened = await runCli(['uppfoljning', 'ny', PERIOD, plans]);
    expect(opened.code).toBe(0);
    for (const id of ['e1', 'e2', 'e3']) expect(existsSync(path.join(plans, 'strategi/uppfoljning', PERIOD, 'utan-ansvarig', `${id}.md`)), id).toBe(true);
    const { graph, messages } = checkPlans(plans);
    expect(messages.filter((m) => m.fatal === true)).toEqual([]);
    const effects = graph.followUps.filter((f) => /:E\d$/.test(f.node));
    expect(effects.map((f) => `${f.node} ${f.period} ${f.submitted} ${f.assessment}`)).toEqual([
      `asby-it-strategi:E1 ${PERIOD} false null`,
      `asby-it-strategi:E2 ${PERIOD} false null`,
      `asby-it-strategi:E3 ${PERIOD} false null`,
    ]);
    expect(messages.filter((m) => m.ruleId === 'followup-unfilled' && m.file.startsWith('strategi/'))).toHaveLength(3);
    const site = path.join(tmp, 'efter-ny');
    const result = await buildSite({ plansDir: plans, outDir: site, logLevel: 'silent' });
    expect(result.errors).toEqual([]);
    const page = readFileSync(path.join(site, 'asby-it-strategi/effektmal/e1/index.html'), 'utf8');
    expect(page).toContain('<span class="badge badge--ej-inlamnad">Ej inlämnad</span>');
    expect(page).not.toMatch(/badge--(?:uppfyllt|delvis-uppfyllt|ej-uppfyllt)/);
  });

  it('opens follow-ups for the areas of a policy that has areas and no principles', async () => {
    const dir = path.join(tmp, 'omraden');
    cpSync(path.resolve(import.meta.dirname, '../fixtures/site/omraden-utan-principer'), dir, { recursive: true });
    const opened = await runCli(['uppfoljning', 'ny', '2025-08', dir]);
    expect(opened.code).toBe(0);
    const { graph, messages } = checkPlans(dir);
    expect(messages.filter((m) => m.fatal === true)).toEqual([]);
    expect(graph.followUps.filter((f) => f.node.startsWith('norrby-it-policy:')).map((f) => `${f.node} ${f.submitted}`)).toEqual([
      'norrby-it-policy:O1 false',
      'norrby-it-policy:O2 false',
      'norrby-it-policy:O3 false',
    ]);
  });
});
