// The site model over the multi-plan fixture and the example plan: URLs, the chain both ways, status, owners.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkPlans } from '../../src/check/check-plans.js';
import { graphToJson } from '../../src/graph/to-json.js';
import type { Graph } from '../../src/graph/types.js';
import { CSV_BOM } from '../../src/site/csv.js';
import { SiteModel } from '../../src/site/model.js';
import { openDataFiles } from '../../src/site/open-data.js';

const root = path.resolve(import.meta.dirname, '../..');
const multi = checkPlans(path.join(root, 'test/fixtures/site/multi')).graph;
const example = checkPlans(path.join(root, 'plans')).graph;

/** Splits a CSV file of ours (semicolons, RFC 4180 quotes, CRLF) into rows of fields. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ';') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  return rows;
}

describe('SiteModel URLs', () => {
  const model = new SiteModel(multi, { base: '/planer/' });

  it('derives stable readable URLs from document and node ids', () => {
    expect(model.url('norrby-plan-2024')).toBe('/planer/norrby-plan-2024/');
    expect(model.url('norrby-plan-2024:M1')).toBe('/planer/norrby-plan-2024/mal/m1/');
    expect(model.url('sodervik-plan-2024:M1')).toBe('/planer/sodervik-plan-2024/mal/m1/');
    expect(model.url('alvdalen-it-policy:SP1')).toBe('/planer/alvdalen-it-policy/styrprincip/sp1/');
    expect(model.url('alvdalen-it-policy:O2')).toBe('/planer/alvdalen-it-policy/omrade/o2/');
    expect(model.url('norrby')).toBe('/planer/organisation/norrby/');
    // FO1.1 is written the usual way and keeps its readable address; FO1-1 (a dash) gets the encoded form.
    expect(model.url('norrby-plan-2024:FO1.1')).toBe('/planer/norrby-plan-2024/fokusomrade/fo1-1/');
    expect(model.url('norrby-plan-2024:FO1-1')).toBe('/planer/norrby-plan-2024/fokusomrade/fo1-1_464f312d31/');
  });

  it('gives every node with a page its own URL', () => {
    const paths = multi.nodes.map((n) => model.pathOf(n.key)).filter((p): p is string => p !== undefined);
    expect(paths.length).toBe(multi.nodes.length);
    expect(new Set(paths).size).toBe(paths.length);
  });

  it('keeps documents off the site-wide segments', () => {
    const renamed = JSON.parse(graphToJson(multi).replaceAll('sodervik-plan-2024', 'sok')) as Graph;
    const m = new SiteModel(renamed);
    expect(m.url('sok')).toBe('/sok_736f6b/');
    expect(m.url('sok:M1')).toBe('/sok_736f6b/mal/m1/');
  });

  it('resolves relative markdown links between plan files to pages', () => {
    expect(model.resolveSourceLink('../norrby/plan-2024/plan.md', 'policy/policy.md')).toBe('/planer/norrby-plan-2024/');
    expect(model.resolveSourceLink('../../policy/policy.md#vision', 'norrby/plan-2024/M1.md')).toBe('/planer/alvdalen-it-policy/');
    expect(model.resolveSourceLink('../finns-inte.md', 'policy/policy.md')).toBeNull();
    expect(model.resolveSourceLink('../../../../utanfor.md', 'policy/policy.md')).toBeNull();
  });

  it('builds breadcrumbs up the chain', () => {
    expect(model.breadcrumbs('norrby-plan-2024:FO1.1').map((c) => c.label)).toEqual(['Start', 'Digitaliseringsplan för Norrby 2024–2027', 'M1 Gemensam plattform', 'FO1.1 Gemensamt nät']);
    expect(model.breadcrumbs('alvdalen-it-policy:SP3').map((c) => c.href)).toEqual(['/planer/', '/planer/alvdalen-it-policy/', '/planer/alvdalen-it-policy/omrade/o2/', '/planer/alvdalen-it-policy/styrprincip/sp3/']);
  });
});

describe('SiteModel chain and status', () => {
  const model = new SiteModel(multi);

  it('walks from principle to goals in every plan and back', () => {
    expect(model.goalsRealising('alvdalen-it-policy:SP1').map((g) => g.key)).toEqual(['norrby-plan-2020:M1', 'norrby-plan-2024:M1']);
    expect(model.principlesOfGoal('norrby-plan-2024:M1').map((p) => p.id)).toEqual(['SP1', 'SP3']);
    expect(model.actionsBelowGoal('norrby-plan-2024:M1').map((a) => a.id)).toEqual(['A1', 'A2']);
    expect(model.dependsOn('norrby-plan-2024:A2').map((a) => a.id)).toEqual(['A1']);
    expect(model.requiredBy('norrby-plan-2024:A1').map((a) => a.id)).toEqual(['A2']);
    const coverage = model.planCoverage('sodervik-plan-2024');
    expect(coverage.filter((c) => c.goals.length === 0).map((c) => c.principle.id)).toEqual(['SP1', 'SP3', 'SP4']);
  });

  it('knows which plans are current and which replaced', () => {
    expect(model.currentPlans().map((p) => p.key)).toEqual(['norrby-plan-2024', 'sodervik-plan-2024', 'vastra-plan-2025']);
    expect(model.replacedBy('norrby-plan-2020').map((p) => p.key)).toEqual(['norrby-plan-2024']);
    expect(model.documentsOf('sodervik').map((d) => d.key)).toEqual(['alvdalen-it-policy', 'sodervik-plan-2024']);
  });

  it('takes the status in the latest period, or the written one when there is no follow-up', () => {
    const a1 = model.node('norrby-plan-2024:A1')!;
    expect(model.latestActionState(a1)).toEqual({ status: 'klar', overdue: false, period: '2025-08' });
    expect(model.latestActionState(model.node('sodervik-plan-2024:A1')!)).toEqual({ status: 'pågår', overdue: false, period: null });
    expect(model.latestAssessment(model.node('norrby-plan-2024:M1')!)?.assessment).toBe('delvis uppfyllt');
    expect(model.countStatuses(model.actionsOfPlan('norrby-plan-2024'), '2025-08').total).toBe(2);
  });

  it('groups actions by owner with unique slugs', () => {
    expect(model.unitsOfPlan('norrby-plan-2024').map((u) => [u.name, u.slug])).toEqual([
      ['Kommunledningen', 'kommunledningen'],
      ['Samhällsbyggnad – IT', 'samhallsbyggnad-it'],
    ]);
  });
});

describe('open data', () => {
  const model = new SiteModel(example);
  const files = openDataFiles(model, 'https://plan.ekby.example/');

  it('offers the graph as the same JSON as sparbar graph', () => {
    expect(files[0]!.name).toBe('graf.json');
    expect(files[0]!.content).toBe(graphToJson(example));
  });

  it('writes CSV files whose every row has as many fields as the header', () => {
    for (const file of files.filter((f) => f.format === 'CSV')) {
      expect(file.content.startsWith(CSV_BOM), file.name).toBe(true);
      const rows = parseCsv(file.content.slice(1));
      expect(rows.length, file.name).toBeGreaterThan(1);
      for (const row of rows) expect(row.length, `${file.name}: ${row.join(';')}`).toBe(rows[0]!.length);
    }
    const nodes = parseCsv(files.find((f) => f.name === 'noder.csv')!.content.slice(1));
    expect(nodes.length - 1).toBe(example.nodes.length);
    const header = nodes[0]!;
    const a14 = nodes.find((r) => r[0] === 'ekby-digplan-2024-2027:A14')!;
    expect(a14[header.indexOf('webbadress')]).toBe('https://plan.ekby.example/ekby-digplan-2024-2027/aktivitet/a14/');
    expect(a14[header.indexOf('status')]).toBe('klar');
    expect(a14[header.indexOf('budget_belopp')]).toBe('6');
    const links = parseCsv(files.find((f) => f.name === 'lankar.csv')!.content.slice(1));
    expect(links.length - 1).toBe(example.edges.length);
    // Money per node and year as the plan states it: A14's 6 Mkr (no year given), in its unit.
    const budgets = parseCsv(files.find((f) => f.name === 'budgetar.csv')!.content.slice(1));
    const budgetHeader = budgets[0]!;
    expect(budgetHeader).toEqual(['nod', 'typ', 'id', 'titel', 'år', 'belopp_från', 'belopp_till', 'enhet', 'slag', 'läge']);
    const a14Budget = budgets.find((r) => r[0] === 'ekby-digplan-2024-2027:A14')!;
    expect([a14Budget[4], a14Budget[5], a14Budget[6], a14Budget[7]]).toEqual(['', '6', '6', 'Mkr']);
    expect(budgets.length - 1).toBe(example.nodes.filter((n) => (n.fields as { budget?: unknown }).budget !== undefined).length);
    const values = files.find((f) => f.name === 'indikatorvarden.csv')!.content;
    expect(values).toContain('ekby-digplan-2024-2027:I2;');
    expect(values).toContain(';99,86;');
  });
});
