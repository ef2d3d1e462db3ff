// The example plan folders in the shapes real documents come in (test/fixtures/plans-*, issue 12): each checks with
// no errors, its site builds, and every count of actions on the start page, the plan's pages and the goal pages
// adds up to the plan's actions. A plan without actions says so the same way everywhere, never a number.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { checkPlans } from '../../src/check/check-plans.js';
import { buildSite } from '../../src/site/build-site.js';
import { SiteModel } from '../../src/site/model.js';
import { countBlocks, htmlPages } from './site-files.js';

// Each test builds a whole site: minutes on a busy 2-core machine, so more than the suite's 120 s.
vi.setConfig({ testTimeout: 600_000, hookTimeout: 600_000 });

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures');
const SHAPES = readdirSync(FIXTURES).filter((d) => d.startsWith('plans-')).sort();
let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(path.join(tmpdir(), 'sparbar-fixture-counts-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const sum = (b: { groups: { n: number }[] }) => b.groups.reduce((n, g) => n + g.n, 0);

describe('the example plan folders in real documents’ shapes', () => {
  it('include the shapes without actions (1) and with a vision and no action plan yet (4)', () => {
    expect(SHAPES).toContain('plans-utan-aktiviteter');
    expect(SHAPES).toContain('plans-vision-malbild');
  });

  it.each(SHAPES)('%s: checks without errors, builds, and every count of actions adds up to the plan’s actions', async (shape) => {
    const dir = path.join(FIXTURES, shape);
    const { graph, messages } = checkPlans(dir);
    expect(messages.filter((m) => m.fatal === true).map((m) => `${m.file}:${m.line} ${m.ruleId}`)).toEqual([]);
    const out = path.join(tmp, shape);
    const result = await buildSite({ plansDir: dir, outDir: out, logLevel: 'silent' });
    expect(result.errors).toEqual([]);
    const read = (page: string) => readFileSync(path.join(out, page), 'utf8');
    // Every count block on every page adds up to the "av N" it ends with.
    for (const page of htmlPages(out)) {
      for (const b of countBlocks(read(page))) expect(sum(b), `${shape} ${page}: ${JSON.stringify(b)}`).toBe(b.total);
    }
    const model = new SiteModel(graph);
    for (const plan of model.ofType('plan')) {
      const actions = model.actionsOfPlan(plan.key).length;
      const planPage = `${model.pathOf(plan.key)}index.html`;
      // The plan's overview and its list of actions: the whole plan's count first.
      for (const page of [planPage, `${model.docUrl(plan.key, 'aktivitet/').slice(1)}index.html`]) {
        const [whole] = countBlocks(read(page));
        if (actions === 0) {
          expect(whole, `${shape} ${page}`).toBeUndefined();
          expect(read(page), `${shape} ${page}`).toContain('Inga aktiviteter');
        } else expect(whole!.total, `${shape} ${page}`).toBe(actions);
      }
      // Each goal's page counts no more actions than the plan has, and a plan without actions shows no count.
      for (const goal of model.goalsOfPlan(plan.key)) {
        const page = `${model.pathOf(goal.key)}index.html`;
        const below = model.actionsBelowGoal(goal.key).length;
        for (const b of countBlocks(read(page))) expect(b.total, `${shape} ${page}`).toBeLessThanOrEqual(actions);
        if (below === 0) {
          expect(countBlocks(read(page)), `${shape} ${page}`).toEqual([]);
          expect(read(page), `${shape} ${page}`).toContain('Inga aktiviteter');
        }
      }
    }
    // The start page: one count per current plan, each its plan's actions; a plan without actions says "Inga aktiviteter".
    const start = read('index.html');
    const current = model.currentPlans();
    const withActions = current.filter((p) => model.actionsOfPlan(p.key).length > 0);
    const startTotals = countBlocks(start).map((b) => b.total);
    for (const p of withActions) expect(startTotals, `${shape} ${p.key}`).toContain(model.actionsOfPlan(p.key).length);
    if (withActions.length < current.length) expect(start).toContain('Inga aktiviteter');
  });
});
