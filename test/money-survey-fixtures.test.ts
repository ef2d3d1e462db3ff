// Money as plans state it and survey indicators (issue 12), on two fictional plans written for it: a yearly IT report
// toward the budget frame with money per year, requested and allocated (test/fixtures/plans-budgetram, shape 3), and
// a municipality's results in a maturity survey with four cornerstones, a total, respondents, a breakdown by size
// class and the national mean (test/fixtures/plans-mognadsmatning, shape 5). Each checks with 0 errors and only the
// warnings for what its document does not give; the graph holds the budgets per year and the group of groups; the
// built sites show sums that add up and the survey's printed values, reference series and breakdown.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { checkPlans } from '../src/check/check-plans.js';
import { budgetLines } from '../src/graph/budgets.js';
import { buildSite } from '../src/site/build-site.js';

// Building two whole sites takes minutes on a busy 2-core machine.
vi.setConfig({ testTimeout: 600_000, hookTimeout: 600_000 });

const BUDGET = path.resolve(import.meta.dirname, 'fixtures/plans-budgetram');
const SURVEY = path.resolve(import.meta.dirname, 'fixtures/plans-mognadsmatning');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'sparbar-money-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const warnings = (messages: { file: string; ruleId: string; fatal?: boolean | null }[]) => messages.map((m) => `${m.fatal ? 'fel' : 'varning'} ${m.ruleId} ${m.file}`);
/** A page's text without tags, its spaces made plain. */
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&nbsp;|\u00a0/g, ' ').replace(/\s+/g, ' ');
/** The rows of the table whose caption is `caption`, each as its cells' text. */
function tableRows(html: string, caption: string): string[][] {
  const at = [...html.matchAll(/<caption[^>]*>(.*?)<\/caption>/g)].find((m) => m[1] === caption)?.index ?? -1;
  expect(at, caption).toBeGreaterThan(-1);
  const table = html.slice(at, html.indexOf('</table>', at));
  return [...table.matchAll(/<tr[^>]*>(.*?)<\/tr>/gs)].map((r) => [...r[1]!.matchAll(/<t[hd][^>]*>(.*?)<\/t[hd]>/gs)].map((c) => text(c[1]!).trim()));
}

describe('a yearly report toward the budget frame (fixture plans-budgetram)', () => {
  const { graph, messages } = checkPlans(BUDGET);

  it('checks with 0 errors; its warnings name the facts the report does not give, and nothing else', () => {
    expect(warnings(messages)).toEqual([
      'varning document-without-adopting-body policy/policy.md',
      'varning document-without-adoption-date policy/policy.md',
      'varning policy-without-validity policy/policy.md',
      ...['A1', 'A2', 'A3', 'A4', 'A5'].map((a) => `varning action-without-due-date rapport/aktiviteter/${a}.md`),
      // A yearly report toward the budget frame states no indicators: no-indicator names both its goals.
      'varning no-indicator rapport/mal/M1.md',
      'varning goal-without-expected-result rapport/mal/M1.md',
      'varning goal-without-target-year rapport/mal/M1.md',
      'varning no-indicator rapport/mal/M2.md',
      'varning goal-without-expected-result rapport/mal/M2.md',
      'varning goal-without-target-year rapport/mal/M2.md',
      'varning budget-without-kind rapport/mal/M2.md',
      'varning document-without-adopting-body rapport/rapport.md',
      'varning document-without-adoption-date rapport/rapport.md',
    ]);
  });

  it('holds the money per year, requested and allocated, on a focus area, a goal and the actions', () => {
    const node = (id: string) => graph.nodes.find((n) => n.key === `rydeby-it-rapport-2027:${id}`)!;
    const perYear = (id: string) => budgetLines(node(id).fields).map((l) => `${l.year} ${l.stage ?? '-'} ${l.kind ?? '-'} ${l.low / 100}–${l.high / 100} kr`);
    expect(perYear('FO1.1')).toEqual([
      '2025 beviljad drift 5000000–5000000 kr',
      '2026 beviljad drift 5000000–5000000 kr',
      '2027 beviljad drift 5000000–5000000 kr',
      '2028 begärd drift 10000000–10000000 kr',
      '2029 begärd drift 10000000–10000000 kr',
    ]);
    expect(perYear('M2')).toEqual(['2026 - - 29000000–37000000 kr']);
    expect(perYear('FO2.2')).toEqual(['2027 begärd investering 2400000–2400000 kr', '2028 begärd investering 2400000–2400000 kr']);
    expect(perYear('A3')).toEqual(['2026 beviljad investering 450000–450000 kr', '2027 begärd investering 300000–300000 kr']);
    expect(perYear('A4')).toEqual([]);
  });

  describe('on the site', () => {
    let read: (page: string) => string;
    beforeAll(async () => {
      const out = path.join(tmp, 'budgetram');
      const result = await buildSite({ plansDir: BUDGET, outDir: out, logLevel: 'silent' });
      expect(result.errors).toEqual([]);
      read = (page) => readFileSync(path.join(out, page), 'utf8');
    });

    it('adds the money up per year, apart for beviljad and begärd, exactly across tkr and Mkr', () => {
      const plan = read('rydeby-it-rapport-2027/index.html');
      // The actions: A1 1,2 Mkr + A2 800 tkr allocated for 2025 make 2 Mkr; A3 450 tkr allocated 2026, 300 tkr requested 2027.
      expect(tableRows(plan, 'Budget för aktiviteterna per år')).toEqual([
        ['År', 'Beviljad', 'Begärd'],
        ['2025', '2 Mkr investering', '–'],
        ['2026', '450 tkr investering', '–'],
        ['2027', '–', '300 tkr investering'],
      ]);
      // The focus areas: the programme's 5 Mkr a year allocated 2025–2027 and 10 Mkr requested 2028–2029, FO2.2's
      // 2 400 tkr requested 2027 and 2028: never added to each other across kinds.
      expect(tableRows(plan, 'Budget för fokusområdena per år')).toEqual([
        ['År', 'Beviljad', 'Begärd'],
        ['2025', '5 Mkr drift', '–'],
        ['2026', '5 Mkr drift', '–'],
        ['2027', '5 Mkr drift', '2 400 tkr investering'],
        ['2028', '–', '2 400 tkr investering 10 Mkr drift'],
        ['2029', '–', '10 Mkr drift'],
      ]);
      // The goal's range stays a range, in a column of its own: the report does not say requested or allocated.
      expect(tableRows(plan, 'Budget för målen per år')).toEqual([
        ['År', 'Läge ej angivet'],
        ['2026', '29–37 Mkr slag ej angivet'],
      ]);
      // What the "ej angivet" headings and words mean is said under the table that has them, and only then.
      expect(text(plan)).toContain('”Läge ej angivet” betyder att budgeten inte säger om pengarna är begärda eller beviljade.');
      expect(text(plan)).toContain('”slag ej angivet” betyder att budgeten inte säger om pengarna är investering eller drift.');
      expect(text(plan)).not.toContain('”År ej angivet” betyder');
      expect(text(plan)).toContain('3 av 5 aktiviteter har en budget');
      expect(text(plan)).toContain('2 av 4 fokusområden har en budget');
    });

    it('lists a focus area\'s and a goal\'s own money as the report states it', () => {
      expect(text(read('rydeby-it-rapport-2027/fokusomrade/fo1-1/index.html'))).toContain('Budget för fokusområdet 5 Mkr om året 2025–2027, drift, beviljad 10 Mkr om året 2028–2029, drift, begärd');
      expect(text(read('rydeby-it-rapport-2027/mal/m2/index.html'))).toContain('Budget för målet 29–37 Mkr (2026), slag ej angivet');
      expect(text(read('rydeby-it-rapport-2027/aktivitet/a3/index.html'))).toContain('450 tkr (2026), investering, beviljad; 300 tkr (2027), investering, begärd');
    });
  });
});

describe('a maturity survey with four cornerstones and a total (fixture plans-mognadsmatning)', () => {
  const { graph, messages } = checkPlans(SURVEY);
  const series = (id: string) => graph.derived.indicators.find((s) => s.node === `ostvik-mognad:${id}`)!;

  it('checks with 0 errors; its warnings name the facts the documents do not give, and nothing else', () => {
    expect(warnings(messages)).toEqual([
      'varning goal-without-focus-area plan/mal.md',
      'varning document-without-adopting-body plan/plan.md',
      'varning document-without-adoption-date plan/plan.md',
      'varning plan-without-period plan/plan.md',
      'varning document-without-adopting-body policy/policy.md',
      'varning document-without-adoption-date policy/policy.md',
      'varning policy-without-validity policy/policy.md',
    ]);
  });

  it('has a total whose members are the four cornerstones, each a group of its questions', () => {
    expect(series('H').members).toEqual(['ostvik-mognad:H1', 'ostvik-mognad:H2', 'ostvik-mognad:H3', 'ostvik-mognad:H4']);
    expect(['H1', 'H2', 'H3', 'H4'].map((h) => series(h).members.length)).toEqual([4, 5, 4, 6]);
    expect(series('H').computed).toBe(true);
  });

  it('keeps the printed values and computes the means beside them, the total from the unrounded cornerstones', () => {
    // H2 2022: (2 + 2 + 1 + 2 + 1) / 5 = 1,6; printed 1.6.
    expect(series('H2').points.find((p) => p.year === 2022)).toMatchObject({ actual: 1.6, computedMean: 1.6 });
    // H1 2024: (3 + 3 + 2 + 3) / 4 = 2,75, printed 2.8.
    expect(series('H1').points.find((p) => p.year === 2024)).toMatchObject({ actual: 2.8, computedMean: 2.75 });
    // The total: (2,5 + 1,6 + 2 + 2) / 4 = 2,025 in 2022 (printed 2.0) and (2,75 + 2,2 + 2,75 + 2,5) / 4 = 2,55 in 2024 (printed 2.6).
    expect(series('H').points.map((p) => [p.year, p.actual, p.computedMean ?? null, p.target])).toEqual([
      [2022, 2, 2.025, null],
      [2024, 2.6, 2.55, null],
      [2026, null, null, 3],
    ]);
  });

  it('warns with both values when a printed mean is off by more than its rounding, and not within it', () => {
    const withH1 = (printed: string) => {
      const dir = path.join(tmp, `h1-${printed}`);
      cpSync(SURVEY, dir, { recursive: true });
      const file = path.join(dir, 'plan/indikatorer/H1.md');
      const before = readFileSync(file, 'utf8');
      expect(before).toContain('2024: 2.8 }');
      writeFileSync(file, before.replace('2024: 2.8 }', `2024: ${printed} }`));
      return checkPlans(dir).messages.filter((m) => m.ruleId === 'group-value-differs-from-mean');
    };
    // H1's questions give 2,75 in 2024: 2,7 and 2,8 are that mean rounded (0,05 away), 2,9 is not.
    expect(withH1('2.7')).toEqual([]);
    const [warning, ...more] = withH1('2.9');
    expect(more).toEqual([]);
    expect(warning!.reason).toBe('Gruppen H1 anger 2,9 för 2024, men medelvärdet av medlemmarna är 2,75 (2,8 avrundat till en decimal). Skillnaden är större än avrundningen (0,05). Kontrollera gruppens värde och medlemmarnas värden för 2024.');
    expect(warning!.fatal).toBeFalsy();
  });

  it('reports groups that contain each other as a cycle at the grupp that closes it, and no mean warnings from it', () => {
    const dir = path.join(tmp, 'cirkel');
    cpSync(SURVEY, dir, { recursive: true });
    const file = path.join(dir, 'plan/indikatorer/H.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('mäter: [M1]\n', 'mäter: [M1]\ngrupp: H1\n'));
    const { messages: said } = checkPlans(dir);
    const cycle = said.filter((m) => m.ruleId === 'reference-cycle');
    expect(cycle.map((m) => [m.file, m.line, m.column, m.fatal])).toEqual([['plan/indikatorer/H.md', 9, 8, true]]);
    expect(cycle[0]!.reason).toContain('H → H1 → H');
    expect(said.filter((m) => m.ruleId === 'group-value-differs-from-mean')).toEqual([]);
  });

  describe('on the site', () => {
    let read: (page: string) => string;
    beforeAll(async () => {
      const out = path.join(tmp, 'mognad');
      const result = await buildSite({ plansDir: SURVEY, outDir: out, logLevel: 'silent' });
      expect(result.errors).toEqual([]);
      read = (page) => readFileSync(path.join(out, page), 'utf8');
    });

    it('shows the total with the national mean, the respondents and the computed mean beside the printed value', () => {
      const page = read('ostvik-mognad/indikator/h/index.html');
      expect(tableRows(page, 'H: målvärde och utfall per år (skala 1–4)')).toEqual([
        ['År', 'Målvärde', 'Utfall', 'Riket (medelvärde)', 'Beräknat medelvärde', 'Svarande', 'Förändring', 'Trend', 'Mot målvärdet'],
        ['2022', '–', '2,0', '2,3', '2,025', '231', '–', '–', '–'],
        ['2024', '–', '2,6', '2,5', '2,55', '248', '+0,6', 'bättre', '–'],
        ['2026', '3', '–', '–', '–', '–', '–', '–', '–'],
      ]);
      expect(text(page)).toContain('Medelvärde av 4 indikatorgrupper med samma vikt');
    });

    it('says what a question and a cornerstone measure through the total', () => {
      for (const page of ['h1', 'h1-1']) expect(text(read(`ostvik-mognad/indikator/${page}/index.html`)), page).toContain('Genom gruppen H Digital mognad, totalt , som mäter mål M1 Högre digital mognad .');
    });

    it('shows the breakdown by size class as a table', () => {
      expect(tableRows(read('ostvik-mognad/indikator/h/index.html'), 'H: utfall per kommunstorlek och år (skala 1–4)')).toEqual([
        ['Kommunstorlek', '2022', '2024'],
        ['Under 15 000 invånare', '2,1', '2,3'],
        ['15 000–50 000 invånare', '2,3', '2,5'],
        ['Över 50 000 invånare', '2,6', '2,8'],
      ]);
    });

    it('charts the national mean beside the outcome, named in the legend and in the text alternative', () => {
      const page = read('ostvik-mognad/indikator/h/index.html');
      const svg = page.slice(page.indexOf('<svg class="chart"'), page.indexOf('</svg>', page.indexOf('<svg class="chart"')));
      expect(svg).toContain('>Riket (medelvärde)</text>');
      expect(svg).toMatch(/<desc id="[^"]+">Linjediagram med målvärde, utfall och jämförelse per år 2022–2026\. Senaste utfall 2024: 2,6\. Riket \(medelvärde\) 2024: 2,5/);
      // One hollow square per year of the reference series.
      expect(svg.match(/<rect [^>]*fill="#fff"/g)).toHaveLength(2 + 1);
    });
  });
});
