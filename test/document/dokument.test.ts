// sparbar dokument: the example plan and policy as Word documents with real headings, lists and tables.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import mammoth from 'mammoth';
import { afterAll, describe, expect, it } from 'vitest';
import { checkPlans } from '../../src/check/check-plans.js';
import { planDocument, policyDocument } from '../../src/document/decision-document.js';
import { writeDocx } from '../../src/document/write-docx.js';
import { writeHtml } from '../../src/document/write-html.js';
import { runCli } from '../helpers/cli.js';

const graph = checkPlans('plans').graph;
const PLAN = 'ekby-digplan-2024-2027';
const work = mkdtempSync(path.join(tmpdir(), 'sparbar-dokument-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the plan as a decision document', () => {
  const doc = planDocument(graph, PLAN);

  it('has the title page facts of the plan file', () => {
    expect(doc.organisation).toBe('Ekby kommun');
    expect(doc.title).toBe('Strategisk plan för digitalisering 2024–2027');
    expect(doc.facts).toEqual([
      { label: 'Antagen av', value: 'Kommunstyrelsen' },
      { label: 'Antagen', value: '14 februari 2024' },
      { label: 'Diarienummer', value: 'KS 2024/38' },
      { label: 'Planperiod', value: '2024–2027' },
      { label: 'Förverkligar', value: 'IT- och digitaliseringspolicy för Ekby kommun' },
    ]);
  });

  it('has a heading per goal in id order, each with its focus areas and expected result', () => {
    const headings = doc.blocks.filter((b) => b.kind === 'heading').map((b) => (b.kind === 'heading' ? `${b.level} ${b.text}` : ''));
    expect(headings.filter((h) => /^2 M\d/.test(h))).toEqual(['2 M1 IT-styrning', '2 M2 Digitalisering', '2 M3 Verksamhetssystem', '2 M4 IT-infrastruktur']);
    expect(headings.filter((h) => h.startsWith('3 Förväntat resultat'))).toEqual(Array(4).fill('3 Förväntat resultat 2027'));
    const tables = doc.blocks.filter((b) => b.kind === 'table');
    const focus = tables.filter((t) => t.kind === 'table' && t.header[1] === 'Fokusområde').flatMap((t) => (t.kind === 'table' ? t.rows.map((r) => r[0]) : []));
    expect(focus).toHaveLength(26);
    expect(focus.slice(0, 6)).toEqual(['FO1.1', 'FO1.2', 'FO1.3', 'FO1.4', 'FO1.5', 'FO2.1']);
    const actions = tables.find((t) => t.kind === 'table' && t.caption === 'Aktiviteter');
    expect(actions?.kind === 'table' && actions.rows.length).toBe(36);
    expect(actions?.kind === 'table' && actions.rows.find((r) => r[0] === 'A05')).toEqual([
      'A05',
      'Ny e-tjänsteplattform och Mina sidor',
      'FO2.1, FO2.2',
      'Kommunledningsförvaltningen – Digitaliseringsenheten',
      '1 mars 2024',
      '31 december 2025',
      'ej påbörjad',
      '4,5\u00a0Mkr investering',
    ]);
  });

  it('lists the principles of the policy by area, with their sub-points nested', () => {
    const lists = doc.blocks.filter((b) => b.kind === 'list');
    const items = lists.flatMap((l) => (l.kind === 'list' ? l.items : []));
    expect(items.map((i) => i.runs[0]!.text.split(' ')[0])).toEqual(['SP1', 'SP2', 'SP3', 'SP4', 'SP5', 'SP6', 'SP7', 'SP8', 'SP9', 'SP10', 'SP11', 'SP12']);
    expect(items[7]!.children?.map((c) => c.runs[0]!.text)).toEqual([
      'Gemensamma lösningar går före enhetsspecifika',
      'Tidigare investeringar återanvänds innan nya görs',
      'Standardlösningar från marknaden går före egenutveckling',
    ]);
  });
});

describe('writeDocx', () => {
  it('writes real Word headings, nested lists and header rows, the same bytes every time', async () => {
    const doc = planDocument(graph, PLAN);
    const a = await writeDocx(doc);
    const b = await writeDocx(doc);
    expect(Buffer.compare(a, b)).toBe(0);
    const html = (await mammoth.convertToHtml({ buffer: a })).value;
    expect(html).toContain('<h2>M1 IT-styrning</h2>');
    expect(html).toContain('<h3>Förväntat resultat 2027</h3>');
    expect(html).toMatch(/<ul><li>SP1 Digitalt först[^<]*<ul><li>Självservice dygnet runt där det är möjligt<\/li>/);
    expect(html).toContain('<th><p><strong>Bidrar till</strong></p></th>');
    const xml = (await import('jszip')).default;
    const zip = await xml.loadAsync(a);
    const documentXml = await zip.file('word/document.xml')!.async('string');
    expect(documentXml).toContain('<w:pStyle w:val="Heading1"/>');
    expect(documentXml).toContain('<w:tblHeader/>');
    expect(documentXml).toContain('w:orient="landscape"');
    const styles = await zip.file('word/styles.xml')!.async('string');
    expect(styles).toContain('w:val="sv-SE"');
  });

  it('writes the policy with its vision, areas, principles and the principle written in its own file', async () => {
    const html = (await mammoth.convertToHtml({ buffer: await writeDocx(policyDocument(graph, 'ekby-it-policy')) })).value;
    expect(html).toContain('<h1>Vision</h1>');
    expect(html).toContain('<h2>O2 Tydliga och transparenta strukturer för IT-arbetet</h2>');
    expect(html).toContain('<h3>SP9 Informationssäkerheten anpassas efter informationens värde</h3>');
    expect(html).toContain('<strong>Giltighet: </strong>1 januari 2024–31 december 2028');
  });
});

describe('writeHtml', () => {
  it('is a Swedish page with the title as h1 and the sections one level below', () => {
    const html = writeHtml(planDocument(graph, PLAN));
    expect(html).toContain('<html lang="sv">');
    expect(html).toContain('<h1>Strategisk plan för digitalisering 2024–2027</h1>');
    expect(html).toContain('<h3>M1 IT-styrning</h3>');
    expect(html).toContain('<th scope="col">Bidrar till</th>');
    expect(html).not.toMatch(/<script/);
  });

  it('prints the action plan on a wide page together with its heading', () => {
    const html = writeHtml(planDocument(graph, PLAN));
    expect(html).toMatch(/<div class="wide"><h2>Handlingsplan<\/h2>\n<table><caption>Aktiviteter<\/caption>/);
    expect(html.match(/class="wide"/g)).toHaveLength(1);
    expect(html).not.toMatch(/<h2>Handlingsplan<\/h2>\n<div/);
  });
});

describe('sparbar dokument', () => {
  it('writes the only plan as Word and says so', async () => {
    const out = path.join(work, 'plan.docx');
    const r = await runCli(['dokument', 'plans', '--docx', out]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`Skrev ${out} (Word): Strategisk plan för digitalisering 2024–2027.\n`);
    expect(readFileSync(out).subarray(0, 2).toString('latin1')).toBe('PK');
  });

  it('refuses an unknown document and lists the choices', async () => {
    const r = await runCli(['dokument', 'plans', '--docx', path.join(work, 'x.docx'), '--plan', 'nope']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('ingen policy eller plan har id "nope"');
    expect(r.stderr).toContain('ekby-it-policy');
  });

  it('never writes the document into the plans folder', async () => {
    const r = await runCli(['dokument', 'plans', '--docx', 'plans/plan.docx']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('ligger i planmappen plans');
    expect(existsSync('plans/plan.docx')).toBe(false);
  });

  it('asks for a file', async () => {
    const r = await runCli(['dokument', 'plans']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--docx <fil>');
  });
});
