// A municipal plan with numbered chapters and an action table whose Mål column gives the document's own
// numbers, imported from Word and from the text Word gives when the document is copied (tabs between cells,
// a blank line between rows): the same goals, links, owners and money from both, and a report that lists
// every link and date it could not read instead of choosing the nearest goal or an impossible amount.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findMoney } from '../../src/import/facts.js';
import { importDocument } from '../../src/import/import-document.js';
import { importReport } from '../../src/import/import-report.js';
import type { ImportResult } from '../../src/import/model.js';
import { planImport, type PlannedImport } from '../../src/import/to-files.js';
import { readText } from '../../src/import/read-text.js';
import { runCli } from '../helpers/cli.js';
import { toDocx } from './render.js';
import { NUMBERED_PLAN, type ShapeBlock } from './shapes.js';
import { tempFolder } from '../helpers/temp-folder.js';

/** The shape as Word puts it on the clipboard as plain text: a tab after each table cell, blank lines between rows. */
function asCopiedFromWord(blocks: readonly ShapeBlock[]): string {
  const out: string[] = [];
  let number = 0;
  for (const b of blocks) {
    if (!('li' in b)) number = 0;
    if ('h' in b) out.push(b.h, '');
    else if ('p' in b) out.push(b.p, '');
    else if ('li' in b) {
      number++;
      out.push(`${number}. ${b.li}`);
      const next = blocks[blocks.indexOf(b) + 1];
      if (!next || !('li' in next)) out.push('');
    } else out.push(`${b.row.join('\t')}\t`, '');
  }
  return `${out.join('\n')}\n`;
}

/** The document read and planned as files (an action without a link is a missing-key error, so no graph here). */
async function importFile(name: string, bytes: string | Uint8Array): Promise<{ result: ImportResult; planned: PlannedImport }> {
  const file = path.join(tempFolder('sparbar-numbered-'), name);
  writeFileSync(file, bytes);
  const result = await importDocument(file);
  return { result, planned: planImport(result, { policy: 'testpolicy', organisation: 'testkommun' }) };
}

const cache = new Map<string, ReturnType<typeof importFile>>();
function imported(format: 'docx' | 'txt'): ReturnType<typeof importFile> {
  if (!cache.has(format)) {
    const bytes = format === 'docx' ? toDocx(NUMBERED_PLAN) : Promise.resolve(asCopiedFromWord(NUMBERED_PLAN));
    cache.set(format, bytes.then((b) => importFile(`plan.${format}`, b)));
  }
  return cache.get(format)!;
}

describe.each(['docx', 'txt'] as const)('a plan whose action table names goals by the document’s numbers (%s)', (format) => {
  it('reads the goals of the goals chapter only: the chapters after it are body text', async () => {
    const { result } = await imported(format);
    expect(result.plan!.goals.map((g) => [g.id, g.title, g.focusAreas.map((f) => `${f.id} ${f.title}`)])).toEqual([
      ['M1', 'Enklare service', ['FO1.1 E-tjänster för de vanligaste ärendena', 'FO1.2 Ett gemensamt kontaktcenter']],
      ['M2', 'Säker IT-drift', ['FO2.1 Informationssäkerhet']],
      ['M3', 'Digital kompetens', []],
    ]);
    expect(result.kept.map((k) => k.heading)).toEqual(['Inledning', 'Uppföljning']);
  });

  it('links each action to the goal or focus area its Mål cell numbers, keeps each cell in its column, and takes money from the budget cell alone', async () => {
    const { result } = await imported(format);
    expect(result.plan!.actions.map((a) => ({ id: a.id, title: a.title, contributesTo: a.contributesTo, owner: a.owner, end: a.end, budget: a.budget && `${a.budget.belopp} ${a.budget.enhet}` }))).toEqual([
      { id: 'A01', title: 'Införa e-tjänst för bygglov', contributesTo: ['FO1.1'], owner: 'Samhällsbyggnadsförvaltningen', end: '2026-06-30', budget: '1500 tkr' },
      { id: 'A02', title: 'Starta kontaktcenter', contributesTo: ['FO1.2'], owner: 'Kommunledningsförvaltningen', end: null, budget: '2.5 Mkr' },
      // "1.4": goal 1 has no fourth focus area, so the goal itself (and the report says so).
      { id: 'A03', title: 'Digitala fixare för seniorer', contributesTo: ['M1'], owner: 'Kultur- och fritidsförvaltningen', end: null, budget: null },
      // "2025-02-30" is no date, and its "30" never joins "800 000 kr".
      { id: 'A04', title: 'Ledningssystem för informationssäkerhet', contributesTo: ['FO2.1'], owner: 'IT-enheten', end: null, budget: '800000 kr' },
      { id: 'A05', title: 'Utbildning för chefer', contributesTo: ['M3'], owner: null, end: null, budget: null },
      // "7": the document has no goal 7, so no link, never the goal above the table.
      { id: 'A06', title: 'Öppna data', contributesTo: [], owner: 'IT-enheten', end: '2027-12-31', budget: null },
    ]);
  });

  it('lists under Osäkert each cell it could not read as a link, and each end date and budget kept as body text', async () => {
    const { result, planned } = await imported(format);
    const report = importReport(result, planned, 'plans/import');
    const unsure = report.slice(report.indexOf('## Osäkert'), report.indexOf('## Noder'));
    expect(unsure).not.toContain('Inget.');
    expect(unsure).toContain('Aktiviteten A03 bidrar enligt kolumnen "Mål" till "1.4": målet M1 har inget fokusområde 1.4. Valt: målet M1.');
    expect(unsure).toContain('Aktiviteten A06 bidrar enligt kolumnen "Mål" till "7", men dokumentet har inget mål 7. Valt: ingen koppling (bidrar_till saknas i filen).');
    expect(unsure).toContain('Aktiviteten A02: "Klart: Q4 2026" är inget datum (ÅÅÅÅ-MM-DD); det står i aktivitetens brödtext, och slut är inte ifyllt.');
    expect(unsure).toContain('Aktiviteten A04: "Klart: 2025-02-30" är ett datum som inte finns i kalendern;');
    expect(unsure).toContain('Aktiviteten A05: "Klart: löpande" är inget datum');
    expect(unsure).toContain('Aktiviteten A03: "Budget: Inom ram" är inget belopp;');
    expect(unsure).not.toMatch(/lästes som ett mål/);
    expect(planned.missing.filter((m) => m.key === 'bidrar_till').map((m) => `${m.file} ${m.required}`)).toEqual(['plan/aktiviteter/A06.md true']);
  });
});

describe('reading an action table', () => {
  it('never takes an amount from a date or number before it', () => {
    expect(findMoney('2025-02-30 800 000 kr')).toMatchObject({ belopp: 800000, enhet: 'kr' });
    expect(findMoney('2026 1 500 tkr')).toMatchObject({ belopp: 1500, enhet: 'tkr' });
    expect(findMoney('Kostnad:5 Mkr')).toMatchObject({ belopp: 5, enhet: 'Mkr' });
  });

  it('reads tab-separated lines as table rows with their empty cells in place, and a lone tabbed line as text', () => {
    const lines = readText('Nr\tAktivitet\tMål\tAnsvarig\t\n\n1\tBygglov\t\tIT-enheten\t\n\nSlut på tabellen\n\nAnsvarig:\tKS\tsenast 2026\n', false);
    expect(lines.map((l) => l.cells ?? l.text)).toEqual([['Nr', 'Aktivitet', 'Mål', 'Ansvarig'], ['1', 'Bygglov', '', 'IT-enheten'], 'Slut på tabellen', 'Ansvarig:    KS    senast 2026']);
    expect(lines[0]!.headerRow).toBe(true);
  });

  it('ends the goals at a numbered line that names the next chapter, and links its table to no goal of its own', async () => {
    const text = ['Plan för Hby kommun 2025–2028', '', 'Mål', '', '1. Trygg IT-drift', '2. Nöjda invånare', '3. Handlingsplan', '', 'Aktivitet\tAnsvarig\tKlart\t', 'Nytt nät\tIT-enheten\t2026-12-31\t', ''].join('\n');
    const { result } = await importFile('hby.txt', text);
    expect(result.plan!.goals.map((g) => `${g.id} ${g.title}`)).toEqual(['M1 Trygg IT-drift', 'M2 Nöjda invånare']);
    expect(result.plan!.actions.map((a) => [a.title, a.owner, a.end, a.contributesTo])).toEqual([['Nytt nät', 'IT-enheten', '2026-12-31', []]]);
  });

  it('lists a heading read as a goal only for where it stands', async () => {
    const shape: ShapeBlock[] = [
      { h: 'Plan för Gby kommun 2025–2028', level: 0 },
      { h: 'Övergripande mål', level: 1 },
      { h: 'Trygg IT-drift', level: 2 },
      { p: 'Driften ska vara stabil.' },
    ];
    const { result, planned } = await importFile('gby.docx', await toDocx(shape));
    expect(planned.nodes.filter((n) => n.type === 'mål').map((n) => n.id)).toEqual(['M1']);
    expect(importReport(result, planned, 'plans/import')).toContain('Rubriken "Trygg IT-drift" lästes som ett mål för att den står bland målen. Valt: målet M1.');
  });
});

describe('sparbar importera of a plan without its policy', () => {
  it('says that check shows the warnings the report lists once the error is fixed', async () => {
    const work = tempFolder('sparbar-numbered-');
    const doc = path.join(work, 'plan.txt');
    // Without the row that links to no goal: the plan's missing policy is the one error.
    writeFileSync(doc, asCopiedFromWord(NUMBERED_PLAN.filter((b) => !('row' in b && b.row[0] === '6'))));
    const r = await runCli(['importera', doc, path.join(work, 'txt-plan')]);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toMatch(/: 1 fel, \d+ varningar; \d+ uppgifter saknas i dokumentet \(se rapporten\)\.\nRätta felet först: check visar fler varningar \(rapporten listar \d+\) när det är rättat\.\n/);
    expect(readFileSync(path.join(work, 'importrapport-txt-plan.md'), 'utf8')).toContain('| `policy` | plan/plan.md | fel |');
  });
});
