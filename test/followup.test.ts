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
const POLICY_PERIOD_DIR = 'ekby/policy/uppfoljning/2027-08';

describe('uppfoljning ny 2027-08 on the example plan', async () => {
  const dir = path.join(tmp, 'open');
  cpSync('plans', dir, { recursive: true });
  const before = files(dir);
  const first = await cli(['uppfoljning', 'ny', '2027-08', dir]);
  const after = files(dir);
  const created = Object.keys(after).filter((f) => !(f in before));
  const { graph } = checkPlans('plans');

  const inPlan = created.filter((f) => f.startsWith(`${PERIOD_DIR}/`));
  const inPolicy = created.filter((f) => f.startsWith(`${POLICY_PERIOD_DIR}/`));

  it('writes one file per principle, goal, focus area and action still open after 2026-08, and changes no existing file', () => {
    expect(first.code).toBe(0);
    const open = graph.derived.actionStatus.filter((r) => r.period === '2026-08' && r.status !== 'klar' && r.status !== 'avbruten').map((r) => r.node.split(':')[1]);
    const goalsAndFocusAreas = graph.nodes.filter((n) => n.type === 'mål' || n.type === 'fokusområde').length;
    expect(goalsAndFocusAreas).toBe(30);
    expect(inPlan).toHaveLength(goalsAndFocusAreas + open.length);
    // The policy is followed up broadly on its principles, in the policy's folder under its ansvarig.
    expect(inPolicy).toHaveLength(12);
    expect(inPolicy.every((f) => f.startsWith(`${POLICY_PERIOD_DIR}/kommunstyrelsen/sp`))).toBe(true);
    expect(created).toHaveLength(inPlan.length + inPolicy.length);
    for (const f of Object.keys(before)) expect(after[f], f).toBe(before[f]);
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
    expect(readFileSync(path.join(dir, a23), 'utf8')).toContain(`# Skriv författare: namn och roll (ansvarig: ${owner}).`);
  });

  it("writes no status, assessment or author: last period's value is a comment, and the result checks with one warning per file", () => {
    const a23 = readFileSync(path.join(dir, created.find((f) => f.endsWith('/a23.md'))!), 'utf8');
    expect(a23).toMatch(/^---\ntyp: uppföljning\navser: A23\nperiod: 2027-08\n# Status förra perioden \(2026-08: försenad\)/);
    const m1 = readFileSync(path.join(dir, created.find((f) => f.endsWith('/m1.md'))!), 'utf8');
    expect(m1).toContain('# Bedömning förra perioden (2026-08: uppfyllt)');
    expect(m1).toContain('<!-- sparbar: ej ifylld.');
    for (const f of created) {
      const frontmatter = readFileSync(path.join(dir, f), 'utf8').split('---')[1]!;
      expect(frontmatter, f).not.toMatch(/^(status|bedömning|prognos|författare):/m);
    }
    const { messages, graph: opened } = checkPlans(dir);
    expect(messages.filter((m) => m.fatal)).toEqual([]);
    const unfilled = messages.filter((m) => m.ruleId === 'followup-unfilled');
    expect(unfilled.map((m) => m.file).sort()).toEqual(created.map((f) => f).sort());
    expect(opened.followUps.filter((f) => f.period === '2027-08').every((f) => !f.submitted && f.assessment === null && f.status === null && f.author === null)).toBe(true);
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
    // The plan's goals, focus areas and actions; the principles are followed up, not required.
    expect(outstanding).toHaveLength(inPlan.length);
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
    const unfilled = (messages as { ruleId: string; severity: string; file: string }[]).filter((m) => m.ruleId === 'followup-unfilled');
    // An error for each of the period's required files (not also a warning), a warning for each principle's.
    expect(unfilled).toHaveLength(created.length);
    const errors = unfilled.filter((m) => m.severity === 'error').map((m) => path.relative(dir, m.file).split(path.sep).join('/'));
    expect(errors.sort()).toEqual([...inPlan].sort());
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

  it('a period outside every plan\'s period is said plainly, with exit 2, by ny, status and check --require-period', async () => {
    const dir = path.join(tmp, 'outside');
    cpSync('plans', dir, { recursive: true });
    const before = files(dir);
    for (const args of [['uppfoljning', 'ny', '2031-08', dir], ['uppfoljning', 'status', '2031-08', dir], ['check', dir, '--require-period', '2031-08']]) {
      const run = await cli(args);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr, args.join(' ')).toContain('Perioden 2031-08 ligger utanför varje plans period (Strategisk plan för digitalisering 2024–2027: 2024–2027)');
    }
    expect(files(dir)).toEqual(before);
  });

  it('a bad period or subcommand is a usage error (exit 2)', async () => {
    expect((await cli(['uppfoljning', 'ny', '2027-8'])).code).toBe(2);
    expect((await cli(['uppfoljning', 'visa', '2027-08'])).code).toBe(2);
    expect((await cli(['check', '--require-period', 'augusti'])).code).toBe(2);
  });
});
