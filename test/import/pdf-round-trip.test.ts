// The same round trip through a PDF that chromium prints: `dokument --pdf` of the example plan, imported
// again. The PDF's lists have no written markers (chromium draws them), its tables wrap their cells and every
// page has "Sida X av Y" in the footer: the importer reads them all back.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkPlans } from '../../src/check/check-plans.js';
import { findChromium } from '../../src/site/print-pdf.js';
import { runCli } from '../helpers/cli.js';
import { importAndCheck, summarise } from './import-check.js';
import { tempFolder } from '../helpers/temp-folder.js';

const chromium = findChromium().path;

describe('dokument --pdf, then importera (chromium)', () => {
  if (chromium === null) {
    it('needs chromium', (context) => context.skip('Chromium saknas (apt-get install chromium); PDF-rundturen körs inte.'));
    return;
  }
  const work = tempFolder('sparbar-pdf-rundtur-');
  const pdf = path.join(work, 'plan.pdf');
  const imported = runCli(['dokument', 'plans', '--pdf', pdf]).then((r) => {
    if (r.code !== 0) throw new Error(r.stderr);
    return importAndCheck('plan.pdf', readFileSync(pdf));
  });

  it('gives the same principles, goals, focus areas, links and actions, node by node', async () => {
    const before = summarise(checkPlans('plans').graph);
    const after = summarise((await imported).check.graph);
    expect(after.areas).toEqual(before.areas);
    for (const [i, p] of before.principles.entries()) expect(after.principles[i], p.id).toEqual(p);
    for (const [i, g] of before.goals.entries()) expect(after.goals[i], g.id).toEqual(g);
    for (const [i, a] of before.actions.entries()) expect(after.actions[i], a.id).toEqual(a);
    expect([after.principles.length, after.goals.length, after.actions.length]).toEqual([before.principles.length, before.goals.length, before.actions.length]);
  }, 180_000);

  it('removes the footers and reads the title page', async () => {
    const { result } = await imported;
    expect(result.source.pages).toBeGreaterThan(5);
    expect(result.repairs.filter((r) => r.kind === 'running-line' && /Sida \d+ av \d+/.test(r.before)).length + result.repairs.filter((r) => r.kind === 'page-number').length).toBeGreaterThanOrEqual(result.source.pages! - 1);
    expect(result.plan?.title).toBe('Strategisk plan för digitalisering 2024–2027');
    expect(result.plan).toMatchObject({ adoptedBy: 'Kommunstyrelsen', adopted: '2024-02-14', caseNumber: 'KS 2024/38', period: { från: 2024, till: 2027 } });
  }, 180_000);
});
