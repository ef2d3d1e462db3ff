// sparbar importera on the command line: a new folder and the report beside it, never into a plan,
// --torrkörning writes nothing, clear Swedish errors.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { snapshotTree } from '../helpers/tree.js';
import { runCli } from '../helpers/cli.js';
import { toExtractedText } from './render.js';
import { POLICY_AND_PLAN } from './shapes.js';
import { tempFolder } from '../helpers/temp-folder.js';

function setup() {
  const work = tempFolder('sparbar-importera-');
  const doc = path.join(work, 'it-policy.txt');
  writeFileSync(doc, toExtractedText(POLICY_AND_PLAN, { header: 'Åby kommun – IT-policy och plan', split: { miljöbelastning: 'milj öbelastning' } }));
  return { work, doc };
}

describe('sparbar importera', () => {
  it('writes a new plan folder and importrapport-<mapp>.md beside it, and says what check finds', async () => {
    const { work, doc } = setup();
    const folder = path.join(work, 'plans');
    const r = await runCli(['importera', doc, folder]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Skrev 8 filer i ${folder} och rapporten ${path.join(work, 'importrapport-plans.md')}.`);
    expect(r.stdout).toMatch(/: \d+ fel, \d+ varningar; 5 uppgifter saknas i dokumentet \(se rapporten\)\./);
    expect(Object.keys(snapshotTree(folder))).toEqual([
      'organisationer/aby.md',
      'plan/aktiviteter/A01.md',
      'plan/aktiviteter/A02.md',
      'plan/aktiviteter/A03.md',
      'plan/mal/M1.md',
      'plan/mal/M2.md',
      'plan/plan.md',
      'policy/policy.md',
    ]);
    const report = readFileSync(path.join(work, 'importrapport-plans.md'), 'utf8');
    for (const heading of ['## Nästa steg', '## Saknas i dokumentet', '## Osäkert', '## Noder', '## Text som behölls som brödtext', '## Reparationer av texten']) expect(report).toContain(heading);
    expect(report).toContain('| Planen it-och-digitaliseringspolicy-med-strategisk-plan-2025-2028-for-aby-kommun-2 | datum då planen antogs | `antagen` | plan/plan.md | varning |');
    expect(report).toMatch(/\| SP3 \| Styrprincip \| Gemensamma lösningar går före enhetsspecifika \| rad \d+ \| policy\/policy\.md \|/);
    expect(report).toContain('"milj öbelastning" lästes som "miljöbelastning" ("milj" kan inte vara ett eget ord). Alternativ: "milj öbelastning".');
    // Titles round-trip exactly through the yaml package, including a colon and quotes.
    expect(readFileSync(path.join(folder, 'plan/mal/M1.md'), 'utf8')).toMatch(/^---\ntyp: mål\nid: M1\ntitel: IT-styrning\nstyrprinciper: \[SP3, SP4\]\n/);
  });

  it('with --torrkörning writes nothing and prints what it would write', async () => {
    const { work, doc } = setup();
    const before = snapshotTree(work);
    const r = await runCli(['importera', doc, path.join(work, 'plans'), '--torrkörning']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Torrkörning: inget skrevs.');
    expect(r.stdout).toContain(path.join(work, 'plans', 'policy/policy.md'));
    expect(r.stdout).toContain('# Importrapport: it-policy.txt');
    expect(snapshotTree(work)).toEqual(before);
  });

  it('never writes into a folder that has files, nor over an earlier report', async () => {
    const { work, doc } = setup();
    mkdirSync(path.join(work, 'plans'));
    writeFileSync(path.join(work, 'plans', 'plan.md'), 'en plan');
    const before = snapshotTree(work);
    const r = await runCli(['importera', doc, path.join(work, 'plans')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('finns redan och är inte tom; importen skriver bara en ny mapp');
    writeFileSync(path.join(work, 'importrapport-ny.md'), 'tidigare');
    const again = await runCli(['importera', doc, path.join(work, 'ny')]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('importrapport-ny.md finns redan');
    expect(existsSync(path.join(work, 'ny'))).toBe(false);
    expect(readFileSync(path.join(work, 'importrapport-ny.md'), 'utf8')).toBe('tidigare');
    expect(snapshotTree(work)).toEqual({ ...before, 'importrapport-ny.md': snapshotTree(work)['importrapport-ny.md']! });
  });

  it('names the report after its folder, so two imports side by side each keep their own', async () => {
    const { work, doc } = setup();
    const first = await runCli(['importera', doc, path.join(work, 'docx-plan')]);
    const second = await runCli(['importera', doc, path.join(work, 'txt-plan')]);
    expect([first.code, second.code, first.stderr + second.stderr]).toEqual([0, 0, '']);
    expect(second.stdout).toContain(`och rapporten ${path.join(work, 'importrapport-txt-plan.md')}.`);
    expect(readFileSync(path.join(work, 'importrapport-docx-plan.md'), 'utf8')).toContain(`skrev 8 filer i ${path.join(work, 'docx-plan')}`);
    expect(readFileSync(path.join(work, 'importrapport-txt-plan.md'), 'utf8')).toContain(`skrev 8 filer i ${path.join(work, 'txt-plan')}`);
  });

  it('never puts the report in the new plan folder', async () => {
    const { work, doc } = setup();
    const r = await runCli(['importera', doc, path.join(work, 'plans'), '--rapport', path.join(work, 'plans', 'importrapport.md')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('skulle hamna i den nya planmappen');
    expect(existsSync(path.join(work, 'plans'))).toBe(false);
  });

  it('says which formats it reads, and that a missing file is missing', async () => {
    const { work } = setup();
    writeFileSync(path.join(work, 'plan.odt'), 'x');
    const odt = await runCli(['importera', path.join(work, 'plan.odt'), path.join(work, 'ut')]);
    expect(odt.code).toBe(2);
    expect(odt.stderr).toContain('okänt format ".odt". Spårbar importerar .docx, .pdf, .txt, .md');
    const missing = await runCli(['importera', path.join(work, 'finns-inte.pdf')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('finns inte');
  });

  it('says in one Swedish sentence that a damaged .docx or .pdf cannot be read, without a library\'s console output or the usage line (tester9 U4)', () => {
    const { work } = setup();
    writeFileSync(path.join(work, 'plan.docx'), 'inte en zip\n');
    writeFileSync(path.join(work, 'plan.pdf'), '%PDF-1.4\n%skräp\n');
    // As a child process: pdf.js writes its warnings to the console, which an in-process run does not capture.
    const cli = (file: string) => spawnSync(process.execPath, ['lib/src/cli/main.js', 'importera', path.join(work, file), path.join(work, `ut-${file}`)], { encoding: 'utf8', timeout: 120_000, env: { ...process.env, NO_COLOR: '1' } });
    const docx = cli('plan.docx');
    expect(docx.status).toBe(2);
    expect(docx.stdout).toBe('');
    expect(docx.stderr).toBe('sparbar importera: plan.docx är inget Word-dokument (.docx) eller är skadat (filen är inget zip-arkiv, vilket en .docx är). Öppna det i Word eller LibreOffice och spara om det som .docx.\n');
    const pdf = cli('plan.pdf');
    expect(pdf.status).toBe(2);
    expect(pdf.stdout).toBe('');
    expect(pdf.stderr).toMatch(/^sparbar importera: plan\.pdf är ingen PDF eller är skadad \([^)\n]+\)\. Öppna den i ett PDF-program och spara om den, eller importera Word-originalet\.\n$/);
    expect(existsSync(path.join(work, 'ut-plan.docx'))).toBe(false);
    expect(existsSync(path.join(work, 'ut-plan.pdf'))).toBe(false);
  });
});
