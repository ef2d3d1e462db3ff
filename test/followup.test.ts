import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkPlans } from '../src/check/check-plans.js';
import { fieldRecord } from '../src/graph/node-fields.js';
import { naturalCompare } from '../src/util/natural-compare.js';
import { runCli } from './helpers/cli.js';
import { snapshotTree } from './helpers/tree.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'sparbar-followup-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const cli = runCli;
const files = snapshotTree;

const PERIOD_DIR = 'ekby/plan-2024-2027/uppfoljning/2027-08';

describe('uppfoljning ny 2027-08 on the example plan', async () => {
  const dir = path.join(tmp, 'open');
  cpSync('plans', dir, { recursive: true });
  const before = files(dir);
  const first = await cli(['uppfoljning', 'ny', '2027-08', dir]);
  const after = files(dir);
  const created = Object.keys(after).filter((f) => !(f in before));
  const { graph } = checkPlans('plans');

  it('writes one file per goal, focus area and action still open after 2026-08, and changes no existing file', () => {
    expect(first.code).toBe(0);
    const open = graph.derived.actionStatus.filter((r) => r.period === '2026-08' && r.status !== 'klar' && r.status !== 'avbruten').map((r) => r.node.split(':')[1]);
    const goalsAndFocusAreas = graph.nodes.filter((n) => n.type === 'mål' || n.type === 'fokusområde').length;
    expect(goalsAndFocusAreas).toBe(30);
    expect(created).toHaveLength(goalsAndFocusAreas + open.length);
    for (const f of Object.keys(before)) expect(after[f], f).toBe(before[f]);
    expect(created.every((f) => f.startsWith(`${PERIOD_DIR}/`))).toBe(true);
    const avser = created.map((f) => /avser: (\S+)/.exec(readFileSync(path.join(dir, f), 'utf8'))![1]);
    for (const id of open) expect(avser).toContain(id);
    expect(avser).not.toContain('A26'); // klar in 2026-08
  });

  it('groups the files in one folder per owner', () => {
    const owners = new Set(created.map((f) => f.split('/')[4]));
    expect(owners.size).toBeGreaterThanOrEqual(3);
    const a23 = created.find((f) => f.endsWith('/a23.md'))!;
    const owner = fieldRecord(graph.nodes.find((n) => n.key.endsWith(':A23'))!)['ansvarig'] as string;
    expect(first.stdout).toContain(`${owner}\n`);
    expect(readFileSync(path.join(dir, a23), 'utf8')).toContain(`författare: ${owner}`);
  });

  it("prefills each file with the previous period's status or assessment, and the result still checks", () => {
    const a23 = readFileSync(path.join(dir, created.find((f) => f.endsWith('/a23.md'))!), 'utf8');
    expect(a23).toMatch(/^---\ntyp: uppföljning\navser: A23\nperiod: 2027-08\n# Status förra perioden \(2026-08: försenad\)/);
    expect(a23).toContain('\nstatus: försenad\n');
    const m1 = readFileSync(path.join(dir, created.find((f) => f.endsWith('/m1.md'))!), 'utf8');
    expect(m1).toContain('\nbedömning: uppfyllt\n');
    expect(m1).toContain('<!-- sparbar: ej ifylld.');
    expect(checkPlans(dir).messages.filter((m) => m.fatal)).toEqual([]);
  });

  it('running it again changes nothing', async () => {
    const second = await cli(['uppfoljning', 'ny', '2027-08', dir]);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('Inga nya filer');
    expect(files(dir)).toEqual(after);
  });

  it('uppfoljning status lists every new file as not filled in, per owner, and exits 1', async () => {
    const status = await cli(['uppfoljning', 'status', '2027-08', dir, '--format', 'json']);
    expect(status.code).toBe(1);
    const report = JSON.parse(status.stdout) as { complete: boolean; owners: { owner: string; outstanding: { id: string; state: string }[] }[] };
    expect(report.complete).toBe(false);
    const outstanding = report.owners.flatMap((o) => o.outstanding);
    expect(outstanding).toHaveLength(created.length);
    expect(new Set(outstanding.map((o) => o.state))).toEqual(new Set(['ej ifylld']));
  });

  it('uppfoljning ny and status list ids in natural order (FO2.2 before FO2.10), as sparbar ny numbers them', async () => {
    const listed = (text: string) => [...text.matchAll(/\b(FO2\.(?:2|10))\b/g)].map((m) => m[1]);
    const status = await cli(['uppfoljning', 'status', '2027-08', dir]);
    expect(listed(status.stdout)).toEqual(['FO2.2', 'FO2.10']);
    const json = JSON.parse((await cli(['uppfoljning', 'status', '2027-08', dir, '--format', 'json'])).stdout) as { owners: { owner: string; outstanding: { id: string }[] }[] };
    for (const owner of json.owners) {
      const ids = owner.outstanding.map((o) => o.id);
      expect(ids, owner.owner).toEqual([...ids].sort(naturalCompare));
    }
    expect(json.owners.map((o) => o.owner)).toEqual(json.owners.map((o) => o.owner).sort(naturalCompare));
    const printed = first.stdout.match(/fo2-(?:2|10)\.md/g);
    expect(printed).toEqual(['fo2-2.md', 'fo2-10.md']);
  });

  it('check --require-period 2027-08 fails on each unfilled file; a missing file is reported as missing', async () => {
    const required = await cli(['check', dir, '--require-period', '2027-08', '--format', 'json']);
    expect(required.code).toBe(1);
    const messages = JSON.parse(required.stdout) as { ruleId: string }[];
    expect(messages.filter((m) => m.ruleId === 'followup-unfilled')).toHaveLength(created.length);
    rmSync(path.join(dir, created.find((f) => f.endsWith('/m1.md'))!));
    const status = await cli(['uppfoljning', 'status', '2027-08', dir]);
    expect(status.stdout).toMatch(/ {2}saknas {5}mål M1 IT-styrning\n/);
  });
});

describe('uppfoljning on complete periods and bad input', () => {
  it('2026-08 in the example plan is complete: exit 0', async () => {
    const status = await cli(['uppfoljning', 'status', '2026-08', 'plans']);
    expect(status.code).toBe(0);
    expect(status.stdout).toContain('Uppföljningen för 2026-08 är komplett.');
    expect((await cli(['check', 'plans', '--require-period', '2026-08'])).code).toBe(0);
  });

  it('a bad period or subcommand is a usage error (exit 2)', async () => {
    expect((await cli(['uppfoljning', 'ny', '2027-8'])).code).toBe(2);
    expect((await cli(['uppfoljning', 'visa', '2027-08'])).code).toBe(2);
    expect((await cli(['check', '--require-period', 'augusti'])).code).toBe(2);
  });
});
