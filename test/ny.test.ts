// sparbar ny <typ>: a new node file with its required keys and the next free id, that checks clean apart
// from the warnings for what the user must still fill in; never overwrites.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkPlans } from '../src/check/check-plans.js';
import { nextId } from '../src/scaffold/new-node.js';
import { runCli } from './helpers/cli.js';
import { snapshotTree } from './helpers/tree.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'sparbar-ny-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const copy = () => {
  const dir = path.join(tmp, Math.random().toString(36).slice(2));
  cpSync('plans', dir, { recursive: true });
  return dir;
};
const PLAN = 'ekby/plan-2024-2027';

const cases: { args: string[]; file: string; id: string; warnings: string[] }[] = [
  { args: ['aktivitet', '--till', 'FO2.1', '--titel', 'Chattbot för medborgarfrågor'], file: `${PLAN}/aktiviteter/A37.md`, id: 'A37', warnings: ['action-without-due-date', 'action-without-owner'] },
  {
    args: ['aktivitet', '--till', 'FO4.1,FO4.2', '--ansvarig', 'Servicenämnden – IT-enheten'],
    file: `${PLAN}/aktiviteter/it-enheten/A37.md`,
    id: 'A37',
    warnings: ['action-without-due-date'],
  },
  { args: ['mål', '--till', 'SP1'], file: `${PLAN}/mal/M5.md`, id: 'M5', warnings: ['goal-without-focus-area', 'no-indicator', 'goal-without-expected-result', 'goal-without-target-year'] },
  { args: ['fokusområde', '--till', 'M2'], file: `${PLAN}/fokusomraden/FO2.12.md`, id: 'FO2.12', warnings: ['focus-area-without-action', 'no-indicator'] },
  { args: ['fokusområde', '--till', 'M4'], file: `${PLAN}/fokusomraden/FO4.6.md`, id: 'FO4.6', warnings: ['focus-area-without-action', 'no-indicator'] },
  { args: ['indikator', '--till', 'FO2.1'], file: `${PLAN}/indikatorer/I21.md`, id: 'I21', warnings: ['indicator-without-target'] },
  { args: ['styrprincip', '--till', 'O2'], file: 'ekby/policy/styrprinciper/SP13.md', id: 'SP13', warnings: ['principle-uncovered'] },
  { args: ['organisation', '--titel', 'Kalmby kommun'], file: 'organisationer/ny-organisation.md', id: 'ny-organisation', warnings: [] },
  { args: ['policy'], file: 'ny-policy/policy.md', id: 'ny-policy', warnings: ['document-without-adopting-body', 'document-without-adoption-date', 'policy-without-validity', 'principle-uncovered'] },
];

describe('sparbar ny', () => {
  it.each(cases)('ny $args.0 writes $file with id $id, clean but for the expected warnings', async ({ args, file, id, warnings }) => {
    const dir = copy();
    const r = await runCli(['ny', args[0]!, dir, ...args.slice(1)]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Skapade ${dir}/${file}`);
    const text = readFileSync(path.join(dir, file), 'utf8');
    expect(text).toMatch(new RegExp(`^---\\n# .*\\n[\\s\\S]*^id: ${id.replace('.', '\\.')}$`, 'm'));
    const result = checkPlans(dir);
    expect(result.messages.map((m) => `${m.file} ${m.ruleId}`)).toEqual(warnings.map((w) => `${file} ${w}`));
    expect(result.graph.nodes.some((n) => n.id === id && n.source.file === file)).toBe(true);
  });

  it('a new plan goes in its own folder beside the other plans and checks clean but for the decision not yet written', async () => {
    const dir = copy();
    const r = await runCli(['ny', 'plan', dir, '--titel', 'Strategisk plan 2028–2031']);
    expect(r.code).toBe(0);
    const plan = checkPlans(dir).graph.nodes.find((n) => n.type === 'plan' && n.id !== 'ekby-digplan-2024-2027')!;
    expect(path.posix.dirname(path.posix.dirname(plan.source.file))).toBe('ekby');
    expect(plan.title).toBe('Strategisk plan 2028–2031');
    // No adoption is made up: the file says where to write it, and check names what is missing until then.
    expect(checkPlans(dir).messages.map((m) => `${m.file} ${m.ruleId}`)).toEqual([`${plan.source.file} document-without-adopting-body`, `${plan.source.file} document-without-adoption-date`]);
  });

  it('the guide and the links are right for an action', async () => {
    const dir = copy();
    await runCli(['ny', 'aktivitet', dir, '--till', 'FO2.1', '--titel', 'Chattbot: frågor och svar']);
    const text = readFileSync(path.join(dir, PLAN, 'aktiviteter/A37.md'), 'utf8');
    expect(text).toContain('titel: "Chattbot: frågor och svar"');
    expect(text).toContain('bidrar_till: [FO2.1]');
    expect(text).toContain('# status: ej påbörjad | pågår | klar | försenad | pausad | avbruten');
    expect(text).toContain('status: ej påbörjad\n');
    const r = await runCli(['ny', 'aktivitet', dir, '--till', 'FO2.1']);
    expect(r.stdout).toContain('(aktivitet A38)');
  });

  it('never overwrites a file', async () => {
    const dir = copy();
    const target = path.join(dir, PLAN, 'mal/M5.md');
    writeFileSync(target, 'mina anteckningar\n');
    const before = snapshotTree(dir);
    const r = await runCli(['ny', 'mål', dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/M5\.md finns redan och skrivs aldrig över/);
    expect(snapshotTree(dir)).toEqual(before);
  });

  it('refuses a plan with errors and writes nothing', async () => {
    const dir = copy();
    writeFileSync(path.join(dir, PLAN, 'aktiviteter/trasig.md'), '---\ntyp: aktivitet\nid: A99\n---\n');
    const before = snapshotTree(dir);
    const r = await runCli(['ny', 'aktivitet', dir, '--till', 'FO2.1']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/planen har fel; rätta dem först/);
    expect(snapshotTree(dir)).toEqual(before);
  });

  it('explains usage errors in Swedish, with what to choose, and writes nothing', async () => {
    const dir = copy();
    const before = snapshotTree(dir);
    const expectUsage = async (args: string[], message: RegExp) => {
      const r = await runCli(['ny', ...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(message);
    };
    await expectUsage([], /ange vilken typ av nod/);
    await expectUsage(['aktivitt', dir], /okänd typ "aktivitt"\. Menade du "aktivitet"\?/);
    await expectUsage(['uppföljning', dir], /sparbar uppfoljning ny <ÅÅÅÅ-MM>/);
    await expectUsage(['aktivitet', dir], /Ange fokusområdet \(eller målet\) som aktiviteten bidrar till med --till, t\.ex\. --till FO1\.1\. Att välja bland i ekby-digplan-2024-2027: FO1\.1/);
    await expectUsage(['aktivitet', dir, '--till', 'FO9.9'], /"FO9\.9" finns inte i ekby-digplan-2024-2027\. Menade du "FO2\.9"\?/);
    await expectUsage(['fokusområde', dir, '--till', 'FO2.1'], /"FO2\.1" är ett fokusområde, inte målet/);
    await expectUsage(['aktivitet', dir, '--till', 'FO2.1', '--plan', 'nej'], /"nej" är ingen plan\. Planer: ekby-digplan-2024-2027/);
    await expectUsage(['aktivitet', dir, '--till', 'FO2.1', '--titel', ''], /--titel ska vara en rad text/);
    await expectUsage(['aktivitet', dir, '--okand'], /okänd flagga --okand\. Flaggor: --till, --titel, --ansvarig, --plan\./);
    await expectUsage(['aktivitet', dir, '--tll', 'FO2.1'], /okänd flagga --tll\. Menade du --till\?/);
    expect(snapshotTree(dir)).toEqual(before);
    const missing = await runCli(['ny', 'mål', path.join(tmp, 'finns-inte')]);
    expect(missing.code).toBe(2);
    expect(existsSync(path.join(tmp, 'finns-inte'))).toBe(false);
  });

  it('spells a type as typ: does in a file: mal and fokusomrade are refused with the same suggestion check gives', async () => {
    for (const [ascii, right] of [['mal', 'mål'], ['fokusomrade', 'fokusområde'], ['Aktivitet', 'aktivitet']] as const) {
      const dir = copy();
      const before = snapshotTree(dir);
      const r = await runCli(['ny', ascii, dir]);
      expect(r.code, ascii).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain(`okänd typ "${ascii}". Menade du "${right}"? Tillåtna typer: "organisation"`);
      expect(snapshotTree(dir)).toEqual(before);
      // The same word as typ: in a file: check refuses it with the same suggestion.
      const file = path.join(dir, PLAN, 'mal/M1.md');
      writeFileSync(file, readFileSync(file, 'utf8').replace(/^typ: mål$/m, `typ: ${ascii}`));
      const typ = checkPlans(dir).messages.find((m) => m.file === `${PLAN}/mal/M1.md`)!;
      expect(typ.ruleId).toBe('invalid-value');
      expect(typ.reason).toContain(`Okänd typ "${ascii}". Menade du "${right}"?`);
    }
    const flag = await runCli(['ny', '--typ', 'mal']);
    expect(flag.code).toBe(2);
    expect(flag.stderr).toContain('okänd flagga --typ: typ skrivs utan flagga, som argument. Menade du "sparbar ny mål"?');
  });

  it('finds the next free id in the form the plan uses', () => {
    expect(nextId(['A01', 'A02', 'A36'], 'A')).toBe('A37');
    expect(nextId(['A1', 'A9'], 'A')).toBe('A10');
    expect(nextId(['A098', 'A099'], 'A')).toBe('A100');
    expect(nextId(['I1', 'I2', 'I6', 'I6.1', 'I6.2'], 'I')).toBe('I7');
    expect(nextId([], 'M')).toBe('M1');
    expect(nextId(['SP1', 'SP2'], 'SP', new Set(['SP1', 'SP2', 'SP3']))).toBe('SP4');
  });
});
