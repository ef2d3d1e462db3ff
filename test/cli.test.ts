import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';

const capture = runCli;

const tmp = mkdtempSync(path.join(os.tmpdir(), 'sparbar-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A copy of the example plan with one goal file broken in two ways and a README without typ. */
function brokenCopy(): string {
  const dir = path.join(tmp, `plan-${Math.random().toString(36).slice(2)}`);
  cpSync('plans', dir, { recursive: true });
  writeFileSync(path.join(dir, 'README.md'), '# Om mappen\n');
  writeFileSync(
    path.join(dir, 'ekby/plan-2024-2027/aktiviteter/trasig.md'),
    '---\ntyp: aktivitet\nid: X1\ntitel: Trasig\nbidrar_till: [FO1.1]\nstatus: pågående\nansvarig: IT\nslut: 2026-01-01\n---\n',
  );
  return dir;
}

describe('sparbar check', () => {
  it('exits 0 and says so on the example plan', async () => {
    const r = await capture(['check', 'plans']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^✓ Inga problem \(\d+ filer kontrollerade\)\.\n$/);
  });

  it('exits 1 on errors and groups messages by file with position, severity word and rule id', async () => {
    const dir = brokenCopy();
    const r = await capture(['check', dir]);
    expect(r.code).toBe(1);
    const lines = r.stdout.split('\n');
    const fileLine = lines.findIndex((l) => l.endsWith('ekby/plan-2024-2027/aktiviteter/trasig.md'));
    expect(fileLine).toBeGreaterThanOrEqual(0);
    expect(lines[fileLine + 1]).toMatch(/^ {2}6:9 {2}fel {6}"status" har värdet "pågående".*Menade du "pågår"\?.* {2}invalid-value$/);
    expect(r.stdout).toContain('README.md');
    expect(r.stdout).toMatch(/varning +Filen har inget frontmatter-block/);
    expect(r.stdout).toMatch(/✖ 1 fel och 1 varning i 2 filer/);
  });

  it('exits 0 with only warnings, and 1 with --strict', async () => {
    const dir = path.join(tmp, 'warn');
    cpSync('plans', dir, { recursive: true });
    writeFileSync(path.join(dir, 'README.md'), 'Planerna för Ekby.\n');
    expect((await capture(['check', dir])).code).toBe(0);
    const strict = await capture(['check', dir, '--strict']);
    expect(strict.code).toBe(1);
    expect(strict.stdout).toMatch(/fel +Filen har inget frontmatter-block/);
  });

  it('--format json gives ruleId, severity, file, line, column and message', async () => {
    const dir = brokenCopy();
    const r = await capture(['check', dir, '--format', 'json']);
    expect(r.code).toBe(1);
    const messages = JSON.parse(r.stdout) as Record<string, unknown>[];
    expect(messages).toContainEqual({
      ruleId: 'invalid-value',
      severity: 'error',
      file: `${dir}/ekby/plan-2024-2027/aktiviteter/trasig.md`,
      line: 6,
      column: 9,
      endLine: 6,
      endColumn: 17,
      message: expect.stringContaining('Tillåtna värden: "ej påbörjad", "pågår"'),
      suggestions: ['pågår'],
      url: 'docs/regler/invalid-value.md',
    });
  });

  it('the human format underlines the value a message is about, under its source line', async () => {
    const dir = brokenCopy();
    const r = await capture(['check', dir]);
    const lines = r.stdout.split('\n');
    const at = lines.findIndex((l) => l.includes('invalid-value'));
    expect(lines[at]).toMatch(/^ {2}6:9 +fel/);
    expect(lines[at + 1]).toMatch(/│ status: pågående$/);
    expect(lines[at + 2]).toMatch(/│ {9}\^{8}$/);
  });

  it('--format github prints one escaped workflow command per message', async () => {
    const dir = brokenCopy();
    const r = await capture(['check', dir, '--format', 'github']);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines).toContain(
      `::error file=${dir}/ekby/plan-2024-2027/aktiviteter/trasig.md,line=6,col=9,endLine=6,endColumn=17,title=sparbar invalid-value::"status" har värdet "pågående", som inte är tillåtet. Menade du "pågår"? Tillåtna värden: "ej påbörjad", "pågår", "klar", "försenad", "pausad", "avbruten".`,
    );
    expect(lines.find((l) => l.startsWith('::warning file='))).toMatch(/README\.md,line=1,col=1,title=sparbar not-a-plan-file::/);
  });

  it('exits 2 for usage errors: unknown command, unknown option, unknown format, missing folder', async () => {
    expect((await capture(['kontroll'])).code).toBe(2);
    expect((await capture(['check', '--snabb'])).code).toBe(2);
    expect((await capture(['check', '--format', 'xml'])).code).toBe(2);
    // GitLab's report is codequality; a transposed json is json.
    expect((await capture(['check', '--format', 'gitlab'])).stderr).toContain('okänt format "gitlab". Menade du "codequality"?');
    expect((await capture(['check', '--format', 'jsno'])).stderr).toContain('Menade du "json"?');
    const missing = await capture(['check', path.join(tmp, 'finns-inte')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('finns inte eller är ingen mapp');
    expect((await capture([])).code).toBe(2);
    expect((await capture(['help'])).code).toBe(0);
  });
});

describe('sparbar graph', () => {
  it('prints the same bytes on every run', async () => {
    const a = await capture(['graph', 'plans']);
    const b = await capture(['graph', 'plans']);
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    expect(JSON.parse(a.stdout)).toMatchObject({ format: 'sparbar-graph', version: 1 });
  });

  it('exits 1 and says why on stderr when the plan has errors', async () => {
    const r = await capture(['graph', brokenCopy()]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('planen har 1 fel');
  });
});

describe('the installed bin', () => {
  it('runs as `sparbar` with the documented exit code', async () => {
    const bin = path.resolve('lib/src/cli/main.js');
    const r = spawnSync(process.execPath, [bin, 'check', 'plans', '--format', 'json'], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([]);
  });
});
