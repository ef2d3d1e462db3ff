// Pure helpers of the site: slugs, Swedish formatting, CSV, the chart, the site configuration.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { indicatorChartSvg, niceTicks, revisionSentence, sparklineSvg, sparklineText } from '../../src/site/chart.js';
import { revisedTargets } from '../../src/site/target-revisions.js';
import { CSV_BOM, csvCell, toCsv } from '../../src/site/csv.js';
import { formatBudget, formatChange, formatDate, formatNumber, formatPeriod, stateClass } from '../../src/site/format.js';
import { naturalCompare } from '../../src/util/natural-compare.js';
import { baseProblem, normaliseBase, withBase } from '../../src/site/addresses.js';
import { DEFAULT_TEST_METHOD, loadSiteConfig, resolveSiteConfig } from '../../src/site/site-config.js';
import { assignSlugs, slugify } from '../../src/util/slug.js';
import { tempFolder } from '../helpers/temp-folder.js';

describe('slugify', () => {
  it('makes readable ASCII segments from Swedish ids and names', () => {
    expect(slugify('M1')).toBe('m1');
    expect(slugify('FO2.3')).toBe('fo2-3');
    expect(slugify('ekby-digplan-2024-2027')).toBe('ekby-digplan-2024-2027');
    expect(slugify('Samhällsbyggnadsförvaltningen – IT-enheten')).toBe('samhallsbyggnadsforvaltningen-it-enheten');
    expect(slugify('Åsa Øberg Straße')).toBe('asa-oberg-strasse');
    expect(slugify('...')).toBe('sida');
    expect(slugify('Ωμέγα', 'x')).toBe('x');
  });

  it('hands out unique slugs for names in key order, whatever order the keys come in, never a reserved one', () => {
    const entries = [
      { key: 'p:FO1.1', text: 'FO1.1' },
      { key: 'p:FO1-1', text: 'FO1-1' },
      { key: 'sok', text: 'sok' },
    ];
    const a = assignSlugs(entries, ['sok']);
    const b = assignSlugs([...entries].reverse(), ['sok']);
    expect([...a]).toEqual([...b]);
    expect(a.get('p:FO1-1')).toBe('fo1-1');
    expect(a.get('p:FO1.1')).toBe('fo1-1-2');
    expect(a.get('sok')).toBe('sok-2');
  });
});

describe('Swedish formatting', () => {
  it('writes numbers with decimal comma, spaces between thousands and a real minus', () => {
    expect(formatNumber(99.86)).toBe('99,86');
    expect(formatNumber(0.20000000000000284)).toBe('0,2');
    expect(formatNumber(1234567)).toBe('1\u00a0234\u00a0567');
    expect(formatNumber(-2)).toBe('\u22122');
    expect(formatChange(11)).toBe('+11');
    expect(formatChange(-3)).toBe('\u22123');
    expect(formatChange(1e-12)).toBe('±0');
  });

  it('writes dates, periods and budgets the Swedish way', () => {
    expect(formatDate('2024-02-14')).toBe('14 februari 2024');
    expect(formatDate('inte ett datum')).toBe('inte ett datum');
    expect(formatPeriod('2026-08')).toBe('augusti 2026');
    expect(formatBudget({ belopp: 4.5, enhet: 'Mkr', slag: 'investering' })).toBe('4,5\u00a0Mkr investering');
    expect(formatBudget({ belopp: 350, enhet: 'tkr', slag: 'drift', år: 2025 })).toBe('350\u00a0tkr drift (2025)');
  });

  it('orders ids naturally and names states for CSS', () => {
    expect(['FO2.10', 'FO2.2', 'FO2.1'].sort(naturalCompare)).toEqual(['FO2.1', 'FO2.2', 'FO2.10']);
    expect(stateClass('ej påbörjad')).toBe('ej-paborjad');
    expect(stateClass('delvis uppfyllt')).toBe('delvis-uppfyllt');
  });

  it('joins base paths', () => {
    expect(normaliseBase(undefined)).toBe('/');
    expect(normaliseBase('plan')).toBe('/plan/');
    expect(normaliseBase('/a/b/')).toBe('/a/b/');
    expect(withBase('/plan/', 'x/y/')).toBe('/plan/x/y/');
    expect(withBase('/', '')).toBe('/');
  });

  it('takes any base path a URL path can be, and names what makes one impossible', () => {
    for (const ok of ['/', '', 'plan', '/vårgårda/plan/', '/planer och uppföljning/', '/a.b/c_d-e~/']) expect(baseProblem(ok), ok).toBeUndefined();
    expect(baseProblem('/a?x')).toContain('tecknet ?');
    expect(baseProblem('/a#x')).toContain('tecknet #');
    expect(baseProblem('/a"b/')).toContain('tecknet "');
    expect(baseProblem('/a<b/')).toContain('tecknet <');
    expect(baseProblem('/a\\b/')).toContain('tecknet \\');
    expect(baseProblem('/a\tb/')).toContain('ett styrtecken');
    expect(baseProblem('/pl%C3%A5n/')).toContain('utan %-kodning');
    expect(baseProblem('/a/../b/')).toContain('"." eller ".."');
    expect(baseProblem('./plan/')).toContain('"." eller ".."');
    expect(baseProblem('https://plan.ekby.example/plan/')).toMatch(/är en hel adress.*--base \/plan\/$/);
    expect(baseProblem('//cdn.example/x/')).toMatch(/--base \/x\/$/);
    expect(baseProblem('http://plan.ekby.example')).toMatch(/--base \/$/);
    expect(baseProblem('//plan/')).toBeUndefined();
  });
});

describe('CSV for Swedish spreadsheets', () => {
  it('starts with a byte order mark, separates with semicolons and ends rows with CRLF', () => {
    const csv = toCsv(['a', 'b'], [[1, 'x'], [2.5, null]]);
    expect(csv.startsWith(CSV_BOM)).toBe(true);
    expect(csv).toBe(`${CSV_BOM}a;b\r\n1;x\r\n2,5;\r\n`);
  });

  it('quotes fields with separators, quotes and line breaks, and defuses formulas', () => {
    expect(csvCell('a;b')).toBe('"a;b"');
    expect(csvCell('säger "hej"')).toBe('"säger ""hej"""');
    expect(csvCell('rad 1\nrad 2')).toBe('"rad 1\nrad 2"');
    expect(csvCell('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(csvCell('@x')).toBe("'@x");
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell(0.1 + 0.2)).toBe('0,3');
    expect(csvCell(true)).toBe('ja');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(' kant ')).toBe('" kant "');
  });
});

describe('indicator chart', () => {
  const points = [
    { year: 2023, target: null, actual: 41 },
    { year: 2024, target: null, actual: null },
    { year: 2025, target: 65, actual: 61 },
    { year: 2026, target: 80, actual: 82 },
    { year: 2027, target: 95, actual: null },
  ];

  it('picks round ticks', () => {
    expect(niceTicks(41, 95)).toEqual([40, 60, 80, 100]);
    expect(niceTicks(99.3, 99.86)).toEqual([99.2, 99.4, 99.6, 99.8, 100]);
    expect(niceTicks(5, 5).length).toBeGreaterThan(1);
  });

  it('draws target and outcome with a title, a description and both series, the same every time', () => {
    const svg = indicatorChartSvg(points, { id: 'd', title: 'I1 <test>', unit: '%' });
    expect(svg).toBe(indicatorChartSvg(points, { id: 'd', title: 'I1 <test>', unit: '%' }));
    expect(svg).toMatch(/^<svg [^>]*role="img" aria-labelledby="d-title d-desc"/);
    expect(svg).toContain('<title id="d-title">I1 &lt;test&gt;</title>');
    expect(svg).toContain('Senaste utfall 2026: 82');
    expect(svg).toContain('stroke-dasharray');
    // The outcome line is broken where a year has no value: two points at most per segment here.
    const outcome = [...svg.matchAll(/<polyline points="([^"]*)"[^>]*stroke="#1d5ea8"/g)].map((m) => m[1]!.split(' ').length);
    expect(outcome).toEqual([2]);
    expect(svg.match(/<circle /g)?.length).toBe(3 + 1);
    expect(svg.endsWith('</svg>')).toBe(true);
  });

  it('draws a reference series (the national mean) as a dotted line with hollow squares, in the legend and the text alternative', () => {
    const withReference = [
      { year: 2022, target: null, actual: 2, reference: 2.3 },
      { year: 2024, target: 3, actual: 2.6, reference: 2.5 },
    ];
    const svg = indicatorChartSvg(withReference, { id: 'r', title: 'H', unit: 'skala 1–4', min: 1, max: 4, referenceLabel: 'Riket (medelvärde)' });
    expect(svg).toContain('<text x="86" y="43">Riket (medelvärde)</text>');
    expect(svg).toContain('Riket (medelvärde) 2024: 2,5.');
    expect(svg.match(/<rect /g)).toHaveLength(2 + 1);
    expect([...svg.matchAll(/<polyline [^>]*stroke="#6f3c8f"[^>]*stroke-dasharray="2 4"/g)]).toHaveLength(1);
    // Without a name the series is not drawn: a line nobody can name is not shown.
    const unnamed = indicatorChartSvg(withReference, { id: 'r', title: 'H', unit: 'skala 1–4', min: 1, max: 4 });
    expect(unnamed).not.toContain('<rect ');
    expect(unnamed).not.toContain('jämförelse');
  });

  it('starts the value axis at zero, so that 41 to 82 is drawn as a doubling, not as a line from the floor to the top', () => {
    const svg = indicatorChartSvg(points, { id: 'd', title: 'I1', unit: '%' });
    const ticks = [...svg.matchAll(/text-anchor="end"[^>]*>([^<]+)<\/text>/g)].map((m) => m[1]);
    expect(ticks).toEqual(['0', '25', '50', '75', '100']);
    // The zero tick sits on the axis line (the plot's bottom edge).
    const axis = /<line x1="\d+" y1="([\d.]+)" x2="\d+" y2="[\d.]+" stroke="#0b0c0c"/.exec(svg)!;
    const zero = /<text x="\d+" y="([\d.]+)" text-anchor="end"[^>]*>0<\/text>/.exec(svg)!;
    expect(Number(zero[1]) - 5).toBeCloseTo(Number(axis[1]), 5);
    // Values far from zero keep zero on the axis too.
    const high = indicatorChartSvg([{ year: 2025, target: 99.8, actual: 99.86 }, { year: 2026, target: 99.8, actual: 99.3 }], { id: 'h', title: 'I2' });
    expect(high).toMatch(/text-anchor="end"[^>]*>0<\/text>/);
  });

  it('labels the latest outcome and the last target with their values and unit', () => {
    const svg = indicatorChartSvg(points, { id: 'd', title: 'I1', unit: '%' });
    const labels = [...svg.matchAll(/font-weight="bold" fill="([^"]+)"[^>]*>([^<]+)<\/text>/g)].map((m) => [m[1], m[2]]);
    expect(labels).toEqual([['#1d5ea8', '82\u00a0%'], ['#505a5f', '95\u00a0%']]);
    // On a scale the label is the step alone.
    const scale = indicatorChartSvg([{ year: 2025, target: 3, actual: 2 }], { id: 's', title: 'Skala', unit: 'skala 1–4', min: 1, max: 4 });
    expect([...scale.matchAll(/font-weight="bold"[^>]*>([^<]+)<\/text>/g)].map((m) => m[1])).toEqual(['2', '3']);
  });

  it('draws the same chart at any size, its text at the same size in SVG units', () => {
    const wide = indicatorChartSvg(points, { id: 'w', title: 'I1', width: 760, height: 300 });
    expect(wide).toContain('viewBox="0 0 760 300"');
    expect(wide.match(/font-size="14"/g)?.length).toBe(indicatorChartSvg(points, { id: 'n', title: 'I1' }).match(/font-size="14"/g)?.length);
  });

  it('draws a sparkline of the outcomes from zero, hidden from screen readers, with the same numbers as text', () => {
    const svg = sparklineSvg(points);
    expect(svg).toMatch(/^<svg class="sparkline" [^>]*aria-hidden="true"/);
    const line = /<polyline points="([^"]+)"/.exec(svg)![1]!.split(' ').map((p) => p.split(',').map(Number));
    // Three outcomes (2024 has none); 82 is drawn twice as high above the zero line as 41.
    expect(line).toHaveLength(3);
    const base = Number(/<line x1="0" y1="([\d.]+)"/.exec(svg)![1]);
    expect((base - line[2]![1]!) / (base - line[0]![1]!)).toBeCloseTo(2, 1);
    expect(sparklineText(points, '%')).toBe('Utfall 2023–2026: 41, 61 och 82\u00a0%');
    expect(sparklineSvg(points)).toBe(svg);
    // One outcome is no trend: nothing is drawn and nothing said.
    expect(sparklineSvg([{ year: 2026, target: 5, actual: 3 }])).toBe('');
    expect(sparklineText([{ year: 2026, target: 5, actual: 3 }], 'antal')).toBe('');
  });

  it('shows a revised target as old → new: a cross at the old value, the label with both, the description in words', () => {
    const revised = points.map((p) => (p.year === 2027 ? { ...p, earlierTargets: [90] } : p));
    const svg = indicatorChartSvg(revised, { id: 'r', title: 'I1', unit: '%' });
    const labels = [...svg.matchAll(/font-weight="bold" fill="[^"]+"[^>]*>([^<]+)<\/text>/g)].map((m) => m[1]);
    expect(labels).toEqual(['82\u00a0%', '90 → 95\u00a0%']);
    // The label at the last year ends at its point, inside the drawing.
    expect(svg).toMatch(/<text x="[\d.]+" text-anchor="end" y="[\d.]+" font-size="14" font-weight="bold"[^>]*>90 → 95/);
    expect(svg).toContain('Målvärdet för 2027 har höjts från 90\u00a0% till 95\u00a0%.');
    // One cross (two strokes in one path) joined to the new target by a dotted line, only in the revised chart.
    expect(svg.match(/stroke-dasharray="2 3"/g)).toHaveLength(1);
    expect(indicatorChartSvg(points, { id: 'r', title: 'I1', unit: '%' })).not.toContain('stroke-dasharray="2 3"');
    // A revised year that is not the last is labelled too.
    const middle = indicatorChartSvg(points.map((p) => (p.year === 2026 ? { ...p, earlierTargets: [85] } : p)), { id: 'm', title: 'I1', unit: '%' });
    expect([...middle.matchAll(/font-weight="bold"[^>]*>([^<]+)<\/text>/g)].map((m) => m[1])).toContain('85 → 80\u00a0%');
    expect(revisionSentence(2026, [85], 80, '%')).toBe('Målvärdet för 2026 har sänkts från 85\u00a0% till 80\u00a0%.');
    expect(revisionSentence(2027, [85, 90], 95, 'procent')).toBe('Målvärdet för 2027 har ändrats från 85\u00a0% via 90\u00a0% till 95\u00a0%.');
  });

  it("reads an indicator's revised targets: oldest first, the latest date and decision, none where nothing changed", () => {
    const fields = {
      typ: 'indikator' as const,
      id: 'I1',
      titel: 'I1',
      enhet: '%',
      riktning: 'högre' as const,
      källa: 'egen' as const,
      målvärden: { '2026': 80, '2027': 95 },
      reviderade_målvärden: [
        { år: 2027, från: 90, datum: '2025-09-17', beslut: 'KS 2025-09-17 § 142' },
        { år: 2027, från: 85, datum: '2024-09-10' },
        { år: 2026, från: 80 },
        { år: 2030, från: 1 },
      ],
    };
    const revised = revisedTargets(fields);
    expect([...revised.keys()]).toEqual([2027]);
    expect(revised.get(2027)).toEqual({ year: 2027, earlier: [85, 90], current: 95, date: '2025-09-17', decision: 'KS 2025-09-17 § 142', change: 'höjt' });
    expect(revisedTargets({ ...fields, reviderade_målvärden: undefined }).size).toBe(0);
  });

  it('uses the whole scale of an ordinal indicator and draws nothing without values', () => {
    const svg = indicatorChartSvg([{ year: 2025, target: 3, actual: 2 }], { id: 's', title: 'Skala', min: 1, max: 4 });
    for (const tick of ['1', '2', '3', '4']) expect(svg).toContain(`>${tick}</text>`);
    expect(indicatorChartSvg([{ year: 2025, target: null, actual: null }], { id: 'x', title: 'x' })).toBe('');
  });
});

describe('site configuration', () => {
  it('has sensible defaults from the organisations in the plans', () => {
    const c = resolveSiteConfig({}, ['Ekby kommun']);
    expect(c.name).toBe('Ekby kommun: planer och uppföljning');
    expect(c.owner).toBe('Ekby kommun');
    expect(c.accessibility.compliance).toBe('delvis');
    expect(c.accessibility.method).toBeNull();
    expect(DEFAULT_TEST_METHOD).toMatch(/axe-core/);
    expect(resolveSiteConfig({}, ['A', 'B', 'C']).owner).toBe('A, B och C');
    expect(resolveSiteConfig({ tillgänglighet: { brister: ['x'] } }, []).accessibility.compliance).toBe('delvis');
  });

  it('reads sparbar.config.json from the plans folder and names every mistake', () => {
    const dir = tempFolder('sparbar-config-');
    expect(loadSiteConfig(dir)).toEqual({ config: {}, file: null, errors: [] });
    writeFileSync(path.join(dir, 'sparbar.config.json'), '\uFEFF{"webbplats": {"namn": "Plan"}, "tillgänglighet": {"bedömd": "2025-02-30", "kontakt": {"epost": "inte-epost"}}, "okänd": 1}');
    const bad = loadSiteConfig(dir);
    expect(bad.errors.join('\n')).toMatch(/okänd nyckel "okänd"/);
    expect(bad.errors.join('\n')).toMatch(/tillgänglighet\.bedömd/);
    expect(bad.errors.join('\n')).toMatch(/tillgänglighet\.kontakt\.epost/);
    writeFileSync(path.join(dir, 'sparbar.config.json'), '{ inte json');
    expect(loadSiteConfig(dir).errors[0]).toMatch(/inte giltig JSON/);
    writeFileSync(path.join(dir, 'sparbar.config.json'), '{"webbplats": {"namn": "Plan", "adress": "https://plan.example/"}}');
    const good = loadSiteConfig(dir);
    expect(good.errors).toEqual([]);
    expect(resolveSiteConfig(good.config, []).address).toBe('https://plan.example/');
    expect(loadSiteConfig(dir, path.join(dir, 'saknas.json')).errors[0]).toMatch(/finns inte/);
  });
});
