// `npm run bench -- --only import`: how long `sparbar importera` takes on a 40-page PDF. The PDF is made
// here with pdfkit: a policy and plan with areas, principles with sub-points, goals with focus areas and
// expected results, and an action table, with a running header, "Sida X av Y" and hyphenated line ends.
// Each timed run reads the PDF, repairs and recognises it, plans the files and writes the new folder.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import PDFDocument from 'pdfkit';
import { importDocument } from '../src/import/import-document.js';
import { planImport } from '../src/import/to-files.js';
import { writeNewFolder } from '../src/import/write-folder.js';
import { gc, median } from './measure.js';
import { num, type Section } from './table.js';

export interface ImportBenchOptions {
  pages: number;
  runs: number;
  workDir: string;
  /** Seconds one import may take. */
  targetSeconds: number;
  log: (line: string) => void;
}

/**
 * A PDF of at least `pages` A4 pages in the shape of a policy with a strategic plan; resolves to its bytes and
 * page count. The number of goals is estimated, then raised until the PDF has the pages asked for.
 */
export async function makePlanPdf(pages: number): Promise<{ bytes: Buffer; pages: number }> {
  let goals = Math.max(4, Math.round(pages * 2.2));
  let pdf = await planPdf(goals);
  for (let attempt = 0; pdf.pages < pages && attempt < 5; attempt++) {
    goals = Math.ceil((goals * pages) / pdf.pages) + 1;
    pdf = await planPdf(goals);
  }
  return pdf;
}

function planPdf(goals: number): Promise<{ bytes: Buffer; pages: number }> {
  const doc = new PDFDocument({ size: 'A4', margin: 0, autoFirstPage: false, bufferPages: true });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const left = 60;
  let y = 0;
  const newPage = () => {
    doc.addPage();
    y = 80;
  };
  const line = (text: string, size = 11, x = left, font = 'Helvetica') => {
    if (y > 770) newPage();
    doc.font(font).fontSize(size).text(text, x, y, { lineBreak: false });
    y += size * 1.4;
  };
  const gap = (h: number) => (y += h);
  newPage();
  line('IT- och digitaliseringspolicy med strategisk plan 2025–2028 för Benchby kommun', 16, left, 'Helvetica-Bold');
  line('Antagen av kommunfullmäktige 2024-11-25');
  line('Giltighet: 2025-01-01 – 2028-12-31');
  gap(10);
  line('Strategiska områden och styrprinciper', 14, left, 'Helvetica-Bold');
  let principle = 0;
  for (let area = 1; area <= 4; area++) {
    gap(8);
    line(`Område ${area}: Område nummer ${area} för verksamhetsnytta`, 12, left, 'Helvetica-Bold');
    line('Styrprinciper för området:');
    for (let p = 0; p < 5; p++) {
      principle++;
      line(`• Styrprincip om gemensamma lösningar och samutnyttjande nummer ${principle}`, 11, left + 10);
      for (let s = 1; s <= 2; s++) line(`o Underpunkt ${s} om informationssäkerhet och riskanalys`, 11, left + 28);
    }
  }
  let goal = 0;
  let actions = 0;
  const rows: string[][] = [];
  gap(10);
  line('Övergripande mål', 14, left, 'Helvetica-Bold');
  while (goal < goals) {
    goal++;
    gap(8);
    line(`${goal}. Mål nummer ${goal} — Kommunen arbetar med digitalisering och verksam-`);
    line('hetsnytta inom ett område där invånare och företag märker skillnad i vardagen.');
    line(`Förverkligar styrprinciperna: ${((goal - 1) % principle) + 1}, ${(goal % principle) + 1}`);
    line('Fokusområden:');
    for (let f = 1; f <= 4; f++) {
      line(`• Fokusområde ${f} för mål ${goal} om e-tjänster och digitala möten`, 11, left + 10);
      actions++;
      rows.push([`Aktivitet ${actions} för fokusområde ${goal}.${f}`, `FO${goal}.${f}`, 'Kommunledningsförvaltningen', '2026-06-30', 'pågår', '250 tkr drift']);
    }
    line('Förväntat resultat 2028');
    line('Alla ärenden inom området kan skötas digitalt och uppföljningen visar nyttan.');
  }
  newPage();
  line('Handlingsplan', 14, left, 'Helvetica-Bold');
  const widths = [150, 45, 120, 55, 40, 70];
  const row = (cells: string[], bold: boolean) => {
    if (y > 770) newPage();
    let x = left;
    cells.forEach((c, i) => {
      doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(7).text(c, x, y, { lineBreak: false });
      x += widths[i]!;
    });
    y += 11;
  };
  row(['Aktivitet', 'Bidrar till', 'Ansvarig', 'Klart', 'Status', 'Budget'], true);
  for (const r of rows) row(r, false);
  const range = doc.bufferedPageRange();
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(i);
    doc.font('Helvetica').fontSize(8).text('Benchby kommun – IT-policy och plan', left, 40, { lineBreak: false });
    doc.font('Helvetica').fontSize(8).text(`Sida ${i + 1} av ${range.count}`, 270, 800, { lineBreak: false });
  }
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.end();
  return done.then((bytes) => ({ bytes, pages: range.count }));
}

export async function benchImport(options: ImportBenchOptions): Promise<Section> {
  const { bytes, pages } = await makePlanPdf(options.pages);
  const file = path.join(options.workDir, 'plan.pdf');
  writeFileSync(file, bytes);
  options.log(`[bench] import: ${pages} pages, ${num(bytes.length / 1024)} KiB`);
  const samples: number[] = [];
  let nodes = 0;
  let files = 0;
  for (let run = 0; run < options.runs; run++) {
    const out = mkdtempSync(path.join(options.workDir, 'import-'));
    gc();
    const started = performance.now();
    const result = await importDocument(file);
    const planned = planImport(result);
    writeNewFolder(path.join(out, 'plans'), planned.files);
    samples.push(performance.now() - started);
    nodes = planned.nodes.length;
    files = planned.files.length;
    rmSync(out, { recursive: true, force: true });
  }
  const med = median(samples);
  const worst = Math.max(...samples);
  const ok = worst <= options.targetSeconds * 1000;
  return {
    title: `import: sparbar importera on a ${pages}-page PDF`,
    tables: [
      {
        columns: ['pages', 'nodes', 'files', 'runs', 'median ms', 'slowest ms', `target ms`],
        rows: [[String(pages), String(nodes), String(files), String(options.runs), num(med), num(worst), num(options.targetSeconds * 1000)]],
      },
    ],
    notes: [`Each run: read the PDF with unpdf, repair and recognise, plan the files, write the new folder. ${ok ? 'Within' : 'MISSED'} the target of ${options.targetSeconds} s.`],
    ok,
  };
}
