// A policy of areas and goals, without principles (issue 12): goals realise the policy's areas (`områden: [O1]`),
// the plan checks clean, the graph links goals to areas and rolls the follow-up up to each area, the diff sees the
// link, and no published page speaks of principles the policy does not have.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { checkPlans } from '../../src/check/check-plans.js';
import { diffGraphs } from '../../src/diff/diff-graphs.js';
import { buildSite } from '../../src/site/build-site.js';
import { runCli } from '../helpers/cli.js';
import { brokenLinks, htmlPages } from './site-files.js';

// One test here builds a whole site: minutes on a busy 2-core machine, so more than the suite's 120 s.
vi.setConfig({ testTimeout: 600_000, hookTimeout: 600_000 });

const FIXTURE = path.resolve(import.meta.dirname, '../fixtures/site/omraden-utan-principer');
let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(path.join(tmpdir(), 'sparbar-omraden-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const realises = (edges: { from: string; to: string; type: string }[]) =>
  edges
    .filter((e) => e.type === 'realises')
    .map((e) => `${e.from} → ${e.to}`)
    .sort();

describe('a policy with areas and goals and no principles', () => {
  it('checks clean: no principles and goals that name areas are valid, with no warning about either', () => {
    // The fixture has no indicators (what it is about is areas), so no-indicator names its two goals, and nothing else is said.
    const { messages } = checkPlans(FIXTURE);
    expect(messages.map((m) => `${m.file}:${m.line} ${m.ruleId}`)).toEqual(['plan/mal/M1.md:3 no-indicator', 'plan/mal/M2.md:3 no-indicator']);
  });

  it('links each goal to the areas it realises, and rolls the goals and their actions up to each area', () => {
    const { graph } = checkPlans(FIXTURE);
    expect(graph.nodes.filter((n) => n.type === 'styrprincip')).toEqual([]);
    expect(realises(graph.edges)).toEqual([
      'norrby-plan:M1 → norrby-it-policy:O1',
      'norrby-plan:M1 → norrby-it-policy:O2',
      'norrby-plan:M2 → norrby-it-policy:O3',
    ]);
    // The goals' fields keep no link keys: områden is an edge, not a field.
    expect(graph.nodes.find((n) => n.key === 'norrby-plan:M1')!.fields).not.toHaveProperty('områden');
    const o1 = graph.derived.rollups.find((r) => r.node === 'norrby-it-policy:O1' && r.period === '2025-08');
    expect(o1?.assessments).toMatchObject({ 'delvis uppfyllt': 1, 'ej uppfyllt': 0, saknas: 0 });
    expect(o1?.actions.total).toBe(1);
    const o3 = graph.derived.rollups.find((r) => r.node === 'norrby-it-policy:O3' && r.period === '2025-08');
    expect(o3?.assessments).toMatchObject({ 'ej uppfyllt': 1 });
    expect(graph.derived.coverage.uncoveredPrinciples).toEqual([]);
  });

  it('a misspelt area is an unknown reference with a suggestion, and an area where a principle belongs is refused', () => {
    const plans = path.join(tmp, 'fel-omrade');
    cpSync(FIXTURE, plans, { recursive: true });
    const goal = path.join(plans, 'plan/mal/M2.md');
    writeFileSync(goal, readFileSync(goal, 'utf8').replace('områden: [O3]', 'områden: [O03]\nstyrprinciper: [O3]'));
    const messages = checkPlans(plans).messages.filter((m) => m.ruleId !== 'no-indicator');
    expect(messages.map((m) => `${m.file}:${m.line}:${m.column} ${m.ruleId}`)).toEqual([
      'plan/mal/M2.md:5:11 unknown-reference',
      'plan/mal/M2.md:6:17 wrong-reference-type',
    ]);
    expect(messages[0]!.message).toBe('"områden" hänvisar till "O03", som inte finns. Menade du "O3"?');
    expect(messages[1]!.message).toContain('som är ett område');
  });

  it('the diff lists a goal that now realises another area', () => {
    const plans = path.join(tmp, 'diff');
    cpSync(FIXTURE, plans, { recursive: true });
    const goal = path.join(plans, 'plan/mal/M2.md');
    writeFileSync(goal, readFileSync(goal, 'utf8').replace('områden: [O3]', 'områden: [O3, O1]'));
    const diff = diffGraphs(checkPlans(FIXTURE).graph, checkPlans(plans).graph);
    expect(diff.links.added.map((l) => `${l.from.key} ${l.type} ${l.to.key}`)).toEqual(['norrby-plan:M2 realises norrby-it-policy:O1']);
    expect(diff.links.removed).toEqual([]);
  });

  it('sparbar ny mål --till O2 writes a goal that realises the area, and the plan still checks with only what is left to fill in', async () => {
    const plans = path.join(tmp, 'ny');
    cpSync(FIXTURE, plans, { recursive: true });
    const r = await runCli(['ny', 'mål', plans, '--till', 'O2', '--titel', 'Gemensam e-post']);
    expect(r.code).toBe(0);
    const written = readFileSync(path.join(plans, 'plan/mal/M3.md'), 'utf8');
    expect(written).toMatch(/^områden: \[O2\]$/m);
    expect(written).not.toMatch(/^styrprinciper:/m);
    const { graph, messages } = checkPlans(plans);
    expect(realises(graph.edges)).toContain('norrby-plan:M3 → norrby-it-policy:O2');
    expect(messages.filter((m) => m.fatal === true)).toEqual([]);
  });

  it('builds a site whose pages name the areas and goals and never principles the policy does not have', async () => {
    const out = path.join(tmp, 'site');
    const result = await buildSite({ plansDir: FIXTURE, outDir: out, logLevel: 'silent' });
    expect(result.errors).toEqual([]);
    const read = (page: string) => readFileSync(path.join(out, page), 'utf8');
    // The change history holds commit messages, the plan writers' own words: left out.
    const text = (page: string) =>
      read(page)
        .replace(/<section class="change-history[\s\S]*?<\/section>/g, '')
        .replace(/<[^>]+>/g, ' ')
        .replace(/\s+/g, ' ');

    // No list of principles, and no page that counts or names principles that are not there.
    const pages = htmlPages(out);
    expect(pages).not.toContain('norrby-it-policy/styrprincip/index.html');
    for (const page of pages) {
      expect(text(page), page).not.toMatch(/0 styrprinciper|styrprinciperna som fullmäktige|styrprincip(?!er(na)? )/i);
    }
    expect(brokenLinks(out, '/')).toEqual([]);

    // The start page begins the chain at the policy's areas.
    expect(text('index.html')).toContain('från policyns områden, via målen');
    // The policy lists its areas, each with the goals that realise it.
    const policy = text('norrby-it-policy/index.html');
    expect(policy).toContain('Områden');
    expect(policy).toMatch(/O1 Samverkan Förverkligas av M1 Gemensam drift med grannkommunerna \./);
    expect(policy).toMatch(/O3 Kompetens Förverkligas av M2 Digital kompetens för alla medarbetare \./);
    // The area's page: the goals that realise it (the way down the chain).
    expect(text('norrby-it-policy/omrade/o2/index.html')).toMatch(/Mål som förverkligar området Mål M1 Gemensam drift med grannkommunerna/);
    // The goal's page: the areas it realises (the way up).
    expect(text('norrby-plan/mal/m1/index.html')).toMatch(/Områden som målet förverkligar O1 Samverkan O2 Teknisk plattform/);
    // Traceability: areas against goals, all covered.
    const trace = text('norrby-plan/sparbarhet/index.html');
    expect(trace).toContain('3 av 3 områden förverkligas av minst ett av planens mål.');
    expect(trace).toContain('Områden mot mål');
    expect(trace).toMatch(/Förverkligar O1 , O2/);
  });
});
