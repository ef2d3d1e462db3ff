// stablePdf: chromium's PDF of the same page becomes the same bytes whatever the clock and the DOM node numbers
// (tester8 T10). A hand-written PDF with chromium's shapes (an /Info with both dates, structure elements named
// `(node…)`, a table cell's /Headers, the /IDTree) stands in for chromium here; test/browser/pdf.browser.ts prints
// the example twice with chromium itself.
import { describe, expect, it } from 'vitest';
import { reportDate } from '../../src/cli/commands/rapport.js';
import { documentDate } from '../../src/cli/commands/dokument.js';
import { checkPlans } from '../../src/check/check-plans.js';
import type { GraphNode } from '../../src/graph/types.js';
import { SiteModel } from '../../src/site/model.js';
import { stablePdf } from '../../src/site/print-pdf.js';
import path from 'node:path';

/** A PDF as chromium writes one, with its cross-reference table; `ids` are the structure elements' node numbers. */
function chromiumLikePdf(stamp: string, ids: [number, number, number]): Buffer {
  const id = (n: number) => `(node${String(n).padStart(8, '0')})`;
  const objects = [
    `<</Title (Uppf\\366ljning)\n/Producer (Skia/PDF m156)\n/CreationDate (${stamp})\n/ModDate (${stamp})>>`,
    '<</Type /Catalog\n/Pages 3 0 R\n/StructTreeRoot 4 0 R>>',
    '<</Type /Pages\n/Count 0\n/Kids []>>',
    `<</Type /StructTreeRoot\n/K [5 0 R 6 0 R 7 0 R]\n/IDTree 8 0 R>>`,
    `<</Type /StructElem\n/S /TH\n/ID ${id(ids[0])}>>`,
    `<</Type /StructElem\n/S /TH\n/ID ${id(ids[1])}>>`,
    `<</Type /StructElem\n/S /TD\n/ID ${id(ids[2])}\n/A [<</O /Table\n/Headers [${id(ids[0])} ${id(ids[1])}]>>]>>`,
    `<</Limits [${id(ids[0])} ${id(ids[2])}]\n/Names [${id(ids[0])} 5 0 R ${id(ids[1])} 6 0 R ${id(ids[2])} 7 0 R]>>`,
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<</Size ${objects.length + 1}\n/Root 2 0 R\n/Info 1 0 R>>\nstartxref\n${xref}\n%%EOF`;
  return Buffer.from(body, 'latin1');
}

/** Every object the cross-reference table names starts at its offset (`N 0 obj`). */
function xrefHolds(pdf: Buffer): boolean {
  const text = pdf.toString('latin1');
  const start = Number(/startxref\n(\d+)/.exec(text)![1]);
  const entries = [...text.slice(start).matchAll(/(\d{10}) 00000 n /g)].map((m) => Number(m[1]));
  return entries.length > 0 && entries.every((offset, i) => text.startsWith(`${i + 1} 0 obj`, offset));
}

describe('stablePdf', () => {
  it('gives the same bytes for two prints that differ in the clock and the node numbers', () => {
    const a = chromiumLikePdf("D:20261201051312+00'00'", [183, 184, 189]);
    const b = chromiumLikePdf("D:20261202235959+01'00'", [4183, 4184, 4201]);
    expect(a.equals(b)).toBe(false);
    const sa = stablePdf(a, '2026-08-24');
    const sb = stablePdf(b, '2026-08-24');
    expect(sa.equals(sb)).toBe(true);
    // Nothing moved: the same length, and the cross-reference table still points at every object.
    expect(sa.length).toBe(a.length);
    expect(xrefHolds(sa)).toBe(true);
    const text = sa.toString('latin1');
    expect(text).toContain("/CreationDate (D:20260824000000+00'00')\n/ModDate (D:20260824000000+00'00')>>");
    // Numbered in order, the table cell's headers and the sorted /IDTree with them.
    expect(text).toContain('/Headers [(node00000000) (node00000001)]');
    expect(text).toContain('/Names [(node00000000) 5 0 R (node00000001) 6 0 R (node00000002) 7 0 R]');
    expect(text).toContain('/Limits [(node00000000) (node00000002)]');
  });

  it('fits a date into a shorter stamp with spaces after it, and refuses what is not a date', () => {
    const pdf = chromiumLikePdf('D:20261201051312Z', [1, 2, 3]);
    const text = stablePdf(pdf, '2026-08-24').toString('latin1');
    expect(text).toContain('/CreationDate (D:20260824000000Z)\n');
    expect(xrefHolds(stablePdf(pdf, '2026-08-24'))).toBe(true);
    expect(() => stablePdf(pdf, '24 augusti')).toThrow(/inget datum/);
  });
});

describe('the dates the PDFs carry', () => {
  const graph = checkPlans(path.resolve(import.meta.dirname, '../../plans')).graph;
  it("the report's is the date printed as Uppföljningens datum, else the period's last day", () => {
    const model = new SiteModel(graph);
    expect(reportDate(model, 'ekby-digplan-2024-2027', '2026-08')).toBe('2026-08-24');
    const undated = new SiteModel({ ...graph, followUps: graph.followUps.map((f) => ({ ...f, date: null })) });
    expect(reportDate(undated, 'ekby-digplan-2024-2027', '2026-08')).toBe('2026-08-31');
    expect(reportDate(undated, 'ekby-digplan-2024-2027', '2025-08')).toBe('2025-08-31');
  });
  it("the decision document's is its last decision: adoption or revision", () => {
    const node = (fields: Record<string, unknown>) => ({ fields }) as unknown as GraphNode;
    expect(documentDate(node({ antagen: '2024-02-14', revideringar: [{ datum: '2025-09-17' }, { datum: '2025-01-10' }] }))).toBe('2025-09-17');
    expect(documentDate(node({ beslut: [{ antagen: '2024-03-01' }, { antagen: '2024-05-02' }], antagen: '2024-01-01' }))).toBe('2024-05-02');
    expect(documentDate(node({}))).toBe('2000-01-01');
  });
});
