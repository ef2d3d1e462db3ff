import { describe, expect, it } from 'vitest';
import { checkPlans } from '../../src/check/check-plans.js';
import { SiteModel } from '../../src/site/model.js';
import { searchRecords } from '../../src/site/search-index.js';

describe('offline search records', () => {
  const model = new SiteModel(checkPlans('plans').graph);
  const records = searchRecords(model, new Map());

  it('has one record per node page, at its address without the base', () => {
    const goal = records.find((r) => r.url === '/ekby-digplan-2024-2027/mal/m1/');
    expect(goal).toMatchObject({ title: expect.stringContaining('M1 IT-styrning'), kind: expect.any(String) });
  });

  it('has one record per follow-up report, with the assessments written for that period', () => {
    const reports = records.filter((r) => r.kind === 'Uppföljning').map((r) => r.url);
    expect(reports).toEqual(['/ekby-digplan-2024-2027/uppfoljning/2025-08/', '/ekby-digplan-2024-2027/uppfoljning/2026-08/']);
    const report = records.find((r) => r.url.endsWith('/2026-08/'))!;
    expect(report.title).toBe('Uppföljning augusti 2026: Strategisk plan för digitalisering 2024–2027');
    expect(report.content).toContain('A18 avbruten');
    expect(report.content).not.toContain('2025-08');
  });
});
