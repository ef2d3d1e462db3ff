// Counts that add up: every status count on the start page, the plan, goal and focus-area tables and the owners
// adds up to the number of actions, with "status saknas" and "startar senare" as groups of their own.
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { checkPlans } from '../../src/check/check-plans.js';
import { buildSite } from '../../src/site/build-site.js';
import { countBlocks, htmlPages } from './site-files.js';

// Each test here builds whole sites: minutes on a busy 2-core machine, so more than the suite's 120 s.
vi.setConfig({ testTimeout: 600_000, hookTimeout: 600_000 });

const FIXTURE = path.resolve(import.meta.dirname, '../fixtures/site/status-saknas');
let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(path.join(tmpdir(), 'sparbar-counts-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function build(plans: string, name: string): Promise<(page: string) => string> {
  const out = path.join(tmp, name);
  const result = await buildSite({ plansDir: plans, outDir: out, logLevel: 'silent' });
  expect(result.errors).toEqual([]);
  return (page) => readFileSync(path.join(out, page), 'utf8');
}

const sum = (b: { groups: { n: number }[] }) => b.groups.reduce((n, g) => n + g.n, 0);
const labels = (b: { groups: { label: string; n: number }[] }) => Object.fromEntries(b.groups.map((g) => [g.label, g.n]));

describe('status counts in the graph', () => {
  it('count an action without status as missing (status saknas), never as ej påbörjad, and never as late', () => {
    const { graph } = checkPlans(FIXTURE);
    expect(graph.derived.actionStatus.filter((r) => r.node === 'lunda-plan:A2')).toEqual([{ node: 'lunda-plan:A2', period: '2025-08', status: null, overdue: false }]);
    const plan = graph.derived.rollups.find((r) => r.node === 'lunda-plan' && r.period === '2025-08')!.actions;
    expect(plan).toEqual({ total: 3, byStatus: { 'ej påbörjad': 0, pågår: 1, klar: 0, försenad: 0, pausad: 0, avbruten: 0 }, missing: 2, startsLater: 1, overdue: 0 });
  });
});

describe('status counts on the site', () => {
  it('add up to every action when one has no status and one starts after the follow-up period', async () => {
    const read = await build(FIXTURE, 'med-uppfoljning');
    // The start page, the plan, its goals, focus areas, actions, owners, the principle and the report each show counts.
    const pages = ['index.html', 'lunda-plan/index.html', 'lunda-plan/mal/m1/index.html', 'lunda-plan/mal/index.html', 'lunda-plan/aktivitet/index.html', 'lunda-plan/ansvariga/index.html', 'lunda-plan/ansvariga/ansvarig-saknas/index.html', 'lunda-plan/fokusomrade/index.html', 'lunda-policy/styrprincip/sp1/index.html', 'lunda-plan/uppfoljning/2025-08/index.html'];
    for (const page of pages) expect(countBlocks(read(page)).length, page).toBeGreaterThan(0);
    // Every count block on every published page adds up to the "av N" it ends with.
    for (const page of htmlPages(path.join(tmp, 'med-uppfoljning'))) {
      for (const b of countBlocks(read(page))) expect(sum(b), `${page}: ${JSON.stringify(b)}`).toBe(b.total);
    }
    // The plan's table of counts per period: the groups add up to Totalt, every action.
    // In August 2024 A1 was pågår, A4 had no status, A2 and A3 were yet to start.
    const rows = [...read('lunda-plan/index.html').matchAll(/<tr><th scope="row">([^<]*)<\/th>((?:<td[^>]*>\d+<\/td>)+)<\/tr>/g)];
    expect(rows.map((r) => r[1])).toEqual(['augusti 2025', 'augusti 2024']);
    for (const r of rows) {
      const cells = [...r[2]!.matchAll(/>(\d+)</g)].map((m) => Number(m[1]));
      expect(cells.at(-1), r[1]).toBe(4);
      expect(cells.slice(0, -1).reduce((a, b) => a + b, 0), r[1]).toBe(4);
    }
    // The whole plan: A1 pågår, A2 and A4 without status, A3 planned to start after 2025-08.
    for (const page of ['index.html', 'lunda-plan/index.html', 'lunda-plan/aktivitet/index.html']) {
      expect(labels(countBlocks(read(page))[0]!), page).toEqual({ pågår: 1, 'status saknas': 2, 'startar senare': 1 });
      expect(countBlocks(read(page))[0]!.total, page).toBe(4);
    }
    // The goal: its focus areas' actions and the one that contributes to it directly, each once.
    const goal = countBlocks(read('lunda-plan/mal/m1/index.html'));
    // Focus areas FO1.1 (A1, A2) and FO1.2 (A3), then the goal in each follow-up period.
    expect(goal.map((b) => b.total)).toEqual([2, 1, 4, 4]);
    // The owners: one block per owner, one action each (A4 under "Ansvarig saknas").
    expect(countBlocks(read('lunda-plan/ansvariga/index.html')).map((b) => b.total)).toEqual([1, 1, 1, 1]);
    expect(read('lunda-plan/mal/m1/index.html')).toContain('0 av 4');
    expect(read('index.html')).not.toContain('Inga aktiviteter');
  }, 600_000);

  it('add up to every action when the plan has no follow-up yet: no "Inga aktiviteter" for actions without status', async () => {
    const plans = path.join(tmp, 'utan-uppfoljning');
    cpSync(FIXTURE, plans, { recursive: true });
    rmSync(path.join(plans, 'plan/uppfoljning'), { recursive: true });
    const read = await build(plans, 'utan-uppfoljning-ut');
    for (const page of ['index.html', 'lunda-plan/index.html']) {
      const [whole] = countBlocks(read(page));
      expect(labels(whole!), page).toEqual({ pågår: 1, 'ej påbörjad': 1, 'status saknas': 2 });
      expect(whole!.total, page).toBe(4);
      expect(read(page)).not.toContain('Inga aktiviteter');
    }
  }, 600_000);
});
