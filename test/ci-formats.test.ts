// The CI outputs of `sparbar check` against their documented formats: GitHub Actions workflow commands
// (::error file=…,line=…,col=…,title=…::message, with %25 %0D %0A escaping, and %3A %2C in properties) and
// GitLab's Code Quality report (a JSON array of description, check_name, fingerprint, severity, location.path,
// location.lines.begin; severity one of info, minor, major, critical, blocker; fingerprints unique).
import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { formatCodeQuality } from '../src/cli/format/codequality.js';
import { formatGithub } from '../src/cli/format/github.js';
import { formatHuman } from '../src/cli/format/human.js';
import { formatJson } from '../src/cli/format/json.js';
import { MessageSink } from '../src/messages/report.js';
import { runCli } from './helpers/cli.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'sparbar-ci-formats-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** The example plan with two errors (a bad value, an unknown reference) and a warning, in a folder relative to the working folder (as CI runs it). */
function brokenPlan(): string {
  const dir = path.join(tmp, `plan-${Math.random().toString(36).slice(2)}`);
  cpSync('plans', dir, { recursive: true });
  writeFileSync(path.join(dir, 'README.md'), 'Om planerna.\n');
  writeFileSync(
    path.join(dir, 'ekby/plan-2024-2027/aktiviteter/trasig.md'),
    '---\ntyp: aktivitet\nid: X1\ntitel: Trasig\nbidrar_till: [FO1.1]\nstatus: pågående\nansvarig: IT\nslut: 2026-01-01\n---\n',
  );
  writeFileSync(
    path.join(dir, 'ekby/plan-2024-2027/aktiviteter/lankfel.md'),
    '---\ntyp: aktivitet\nid: X2\ntitel: Länkfel\nbidrar_till: [FO9.9]\nstatus: pågår\nansvarig: IT\nslut: 2026-01-01\n---\n',
  );
  return path.relative(process.cwd(), dir);
}

// GitLab: https://docs.gitlab.com/ci/testing/code_quality/#code-quality-report-format; GitLab reads a subset of the
// Code Climate spec (https://github.com/codeclimate/platform/blob/master/spec/analyzers/SPEC.md), whose `content.body`
// is "a markdown snippet describing the issue, including deeper explanations and links to other resources".
const codeQualityReport = z.array(
  z.strictObject({
    description: z.string().min(1),
    check_name: z.string().min(1),
    fingerprint: z.string().min(1),
    severity: z.enum(['info', 'minor', 'major', 'critical', 'blocker']),
    location: z.strictObject({ path: z.string().min(1), lines: z.strictObject({ begin: z.number().int().min(1), end: z.number().int().min(1).optional() }) }),
    other_locations: z.array(z.strictObject({ path: z.string().min(1), lines: z.strictObject({ begin: z.number().int().min(1) }) })).optional(),
    content: z.strictObject({ body: z.string().min(1) }),
  }),
);

// GitHub: https://docs.github.com/actions/reference/workflow-commands-for-github-actions#setting-an-error-message
const WORKFLOW_COMMAND = /^::(error|warning) file=([^,:]+),line=(\d+),col=(\d+)(?:,endLine=(\d+)(?:,endColumn=(\d+))?)?,title=([^,:]+)::(.*)$/;
const unescapeData = (s: string) => s.replace(/%0A/g, '\n').replace(/%0D/g, '\r').replace(/%25/g, '%');
const unescapeProperty = (s: string) => unescapeData(s.replace(/%3A/g, ':').replace(/%2C/g, ','));

describe('check --format codequality', () => {
  it('prints a Code Quality report: documented keys only, relative paths that exist, unique fingerprints', async () => {
    const dir = brokenPlan();
    const r = await runCli(['check', dir, '--format', 'codequality']);
    expect(r.code).toBe(1);
    const report = codeQualityReport.parse(JSON.parse(r.stdout));
    expect(report.length).toBe(3);
    expect(new Set(report.map((i) => i.fingerprint)).size).toBe(report.length);
    for (const issue of report) {
      expect(path.isAbsolute(issue.location.path)).toBe(false);
      expect(existsSync(issue.location.path), issue.location.path).toBe(true);
    }
    expect(report).toContainEqual({
      description: expect.stringContaining('"status" har värdet "pågående"'),
      check_name: 'sparbar/invalid-value',
      fingerprint: expect.stringMatching(/^[0-9a-f]{32}$/),
      severity: 'major',
      location: { path: `${dir}/ekby/plan-2024-2027/aktiviteter/trasig.md`, lines: { begin: 6, end: 6 } },
      content: { body: 'Om regeln invalid-value: docs/regler/invalid-value.md' },
    });
    expect(report.find((i) => i.check_name === 'sparbar/not-a-plan-file')?.severity).toBe('minor');
  });

  it('prints an empty array for a clean plan', async () => {
    const r = await runCli(['check', 'plans', '--format', 'codequality']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([]);
  });

  it('keeps fingerprints when lines move, and tells identical messages apart', () => {
    const at = (line: number) => {
      const sink = new MessageSink();
      sink.report('unknown-key', 'Okänd nyckel "x".', { file: 'a.md', line, column: 1 });
      sink.report('unknown-key', 'Okänd nyckel "x".', { file: 'a.md', line: line + 1, column: 1 });
      return codeQualityReport.parse(JSON.parse(formatCodeQuality(sink.messages, '/abs/olut/plans'.replace('/abs/olut', process.cwd()))));
    };
    const [a, b] = [at(3), at(9)];
    expect(a.map((i) => i.fingerprint)).toEqual(b.map((i) => i.fingerprint));
    expect(a[0]!.fingerprint).not.toBe(a[1]!.fingerprint);
    expect(a[0]!.location.path).toBe('plans/a.md');
  });
});

describe('check --format github', () => {
  it('prints one documented workflow command per message, escaped so it reads back exactly', async () => {
    const dir = brokenPlan();
    const r = await runCli(['check', dir, '--format', 'github']);
    expect(r.code).toBe(1);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    for (const line of lines) expect(line).toMatch(WORKFLOW_COMMAND);
    expect(lines.map((l) => WORKFLOW_COMMAND.exec(l)![1]).sort()).toEqual(['error', 'error', 'warning']);
  });

  it('escapes %, CR, LF in the message and also : and , in properties', () => {
    const sink = new MessageSink();
    const reason = 'Rad ett: 50 %, och\nrad två\r.';
    sink.report('yaml-syntax', reason, { file: 'mapp, med: komma/fil%.md', line: 2, column: 3 });
    const out = formatGithub(sink.messages, '');
    expect(out.endsWith('\n')).toBe(true);
    const m = WORKFLOW_COMMAND.exec(out.trimEnd());
    expect(m).not.toBeNull();
    expect(out.trimEnd().split('\n')).toHaveLength(1);
    expect(unescapeProperty(m![2]!)).toBe('mapp, med: komma/fil%.md');
    expect([m![3], m![4]]).toEqual(['2', '3']);
    expect(unescapeProperty(m![7]!)).toBe('sparbar yaml-syntax');
    expect(unescapeData(m![8]!)).toBe(reason);
  });
});

describe('ranges and related places in every format', () => {
  const sink = new MessageSink();
  sink.report('duplicate-id', 'Id "A1" används redan.', { file: 'p/A2.md', line: 3, column: 5, end: { line: 3, column: 7 } }, {
    related: [{ file: 'p/A1.md', line: 3, column: 1, note: 'här används id "A1" först' }],
  });

  it('json: endLine and endColumn, and the related place with its note', () => {
    const [m] = JSON.parse(formatJson(sink.messages, '')) as Record<string, unknown>[];
    expect(m).toMatchObject({ line: 3, column: 5, endLine: 3, endColumn: 7, related: [{ file: 'p/A1.md', line: 3, column: 1, message: 'här används id "A1" först' }] });
  });

  it('github: endLine and endColumn as properties, the related place in the text', () => {
    const line = formatGithub(sink.messages, '').trimEnd();
    const m = WORKFLOW_COMMAND.exec(line)!;
    expect([m[3], m[4], m[5], m[6]]).toEqual(['3', '5', '3', '7']);
    expect(unescapeData(m[8]!)).toBe('Id "A1" används redan.\nhär används id "A1" först: p/A1.md:3:1');
  });

  it('codequality: lines.end and other_locations', () => {
    const [issue] = codeQualityReport.parse(JSON.parse(formatCodeQuality(sink.messages, '')));
    expect(issue!.location.lines).toEqual({ begin: 3, end: 3 });
    expect(issue!.other_locations).toEqual([{ path: 'p/A1.md', lines: { begin: 3 } }]);
  });

  it('human: the related place on its own line under the message', () => {
    const out = formatHuman(sink.messages, { color: false, base: '', fileCount: 2 }).split('\n');
    expect(out[1]).toMatch(/^ {2}3:5 +fel +Id "A1" används redan\. +duplicate-id$/);
    expect(out[2]).toBe('       ↳ p/A1.md:3:1  här används id "A1" först');
  });
});
