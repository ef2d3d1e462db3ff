import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkPlans } from '../src/check/check-plans.js';
import { graphToJson } from '../src/graph/to-json.js';

// The example plan's whole graph, byte for byte. After an intended change: UPDATE_GOLDEN=1 npx vitest run test/golden.test.ts
const GOLDEN = new URL('./golden/example-graph.json', import.meta.url);

describe('example plan graph (golden)', () => {
  it('checks without errors or warnings', () => {
    expect(checkPlans('plans').messages.map((m) => `${m.file}:${m.line}:${m.column} ${m.ruleId}`)).toEqual([]);
  });

  it('equals the golden file byte for byte', () => {
    const json = graphToJson(checkPlans('plans').graph);
    if (process.env['UPDATE_GOLDEN'] === '1') writeFileSync(GOLDEN, json);
    expect(json).toBe(readFileSync(GOLDEN, 'utf8'));
  });

  it('has the shape the example promises: 12 principles in 2 areas, 4 goals, 26 focus areas, 30+ actions by 5+ owners, 8+ indicators, two periods', () => {
    const { graph } = checkPlans('plans');
    const count = (t: string) => graph.nodes.filter((n) => n.type === t).length;
    expect(count('styrprincip')).toBe(12);
    expect(count('område')).toBe(2);
    expect(count('mål')).toBe(4);
    expect(count('fokusområde')).toBeGreaterThanOrEqual(24);
    expect(count('aktivitet')).toBeGreaterThanOrEqual(30);
    expect(new Set(graph.nodes.filter((n) => n.type === 'aktivitet').map((n) => n.fields['ansvarig'])).size).toBeGreaterThanOrEqual(5);
    expect(count('indikator')).toBeGreaterThanOrEqual(8);
    expect(Object.values(graph.derived.periods)).toEqual([['2025-08', '2026-08']]);
    expect(graph.derived.coverage.uncoveredPrinciples).toEqual([]);
  });
});
