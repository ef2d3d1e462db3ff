// Never delete or overwrite what is not ours (issue 10): the cases of the attack report, each as a test
// that asserts the refusal and that the plans folder and every folder that is not ours are unchanged.
import { cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { OUTPUT_MARKER } from '../src/files/write-safety.js';
import { runCli } from './helpers/cli.js';
import { snapshotTree } from './helpers/tree.js';

const root = path.resolve(import.meta.dirname, '..');
const tmp = mkdtempSync(path.join(tmpdir(), 'sparbar-safe-writes-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
afterEach(() => vi.unstubAllEnvs());

function copyPlans(name: string): { dir: string; plans: string } {
  const dir = path.join(tmp, name);
  const plans = path.join(dir, 'plans');
  cpSync(path.join(root, 'plans'), plans, { recursive: true });
  return { dir, plans };
}

const POLICY = 'ekby/policy/policy.md';

describe('sparbar build never replaces a folder it did not build', () => {
  it('refuses www/ with the municipality’s own files (exit 2) and touches nothing', async () => {
    const { dir, plans } = copyPlans('www');
    const www = path.join(dir, 'www');
    mkdirSync(path.join(www, 'bilder'), { recursive: true });
    writeFileSync(path.join(www, 'index.html'), '<!doctype html><title>Ekby kommun</title>');
    writeFileSync(path.join(www, 'budget-2027.xlsx'), 'PK\u0003\u0004');
    writeFileSync(path.join(www, 'bilder', 'logo.png'), '\u0089PNG');
    const before = { www: snapshotTree(www), plans: snapshotTree(plans) };
    const r = await runCli(['build', plans, '--out', www]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('innehåller filer som Spårbar inte har byggt (bilder, budget-2027.xlsx, index.html)');
    expect(r.stderr).toContain('Inget rördes');
    expect(snapshotTree(www)).toEqual(before.www);
    expect(snapshotTree(plans)).toEqual(before.plans);
    expect(readdirSync(dir).sort()).toEqual(['plans', 'www']);
  });

  it('refuses --out under a symbolic link into the plans folder (exit 2), writing nothing there', async () => {
    const { dir, plans } = copyPlans('link');
    symlinkSync(path.join(plans, 'ekby'), path.join(dir, 'l'));
    const before = snapshotTree(plans);
    const r = await runCli(['build', plans, '--out', path.join(dir, 'l', 'webb')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/ligger i planmappen .* \(genom en symbolisk länk: .*plans\/ekby\/webb\)/);
    expect(snapshotTree(plans)).toEqual(before);
    expect(existsSync(path.join(plans, 'ekby', 'webb'))).toBe(false);
    expect(readdirSync(path.join(plans, 'ekby')).filter((n) => n.startsWith('.'))).toEqual([]);
  });
});

describe('sparbar rapport never writes into the plans folder or over a file that is not a PDF', () => {
  it.each([
    ['the policy itself', (plans: string) => path.join(plans, POLICY), /ligger i planmappen/],
    ['the policy through a link', (plans: string) => path.join(plans, '..', 'l', 'policy', 'policy.md'), /genom en symbolisk länk/],
    ['a link to the policy', (plans: string) => path.join(plans, '..', 'rapport.pdf'), /ligger i planmappen/],
    ['a text file beside the plans', (plans: string) => path.join(plans, '..', 'anteckningar.txt'), /finns redan och är ingen PDF/],
  ])('refuses --pdf %s (exit 2), leaving every file as it was', async (name, target, message) => {
    const { dir, plans } = copyPlans(`pdf-${name.replace(/\W+/g, '-')}`);
    symlinkSync(path.join(plans, 'ekby'), path.join(dir, 'l'));
    symlinkSync(path.join(plans, POLICY), path.join(dir, 'rapport.pdf'));
    writeFileSync(path.join(dir, 'anteckningar.txt'), 'mina anteckningar');
    vi.stubEnv('SPARBAR_CHROMIUM', '/bin/true');
    const before = snapshotTree(dir);
    const r = await runCli(['rapport', '2026-08', plans, '--pdf', target(plans)]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(snapshotTree(dir)).toEqual(before);
    expect(lstatSync(path.join(dir, 'rapport.pdf')).isSymbolicLink()).toBe(true);
  });
});

describe('a site Spårbar built', () => {
  it('is marked, has normal permissions, and is replaced as a whole by the next build', async () => {
    const { dir, plans } = copyPlans('built');
    const before = snapshotTree(plans);
    const out = path.join(dir, 'dist');
    // Under a umask other than the one Spårbar was installed with: the compiled stylesheet kept the package's 0644.
    const umask = process.umask(0o027);
    let first: Awaited<ReturnType<typeof runCli>>;
    try {
      mkdirSync(out); // an empty folder may be used
      first = await runCli(['build', plans, '--out', out]);
    } finally {
      process.umask(umask);
    }
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(readFileSync(path.join(out, OUTPUT_MARKER), 'utf8')).toMatch(/byggdes av Spårbar/);
    // Every published file and folder has the permissions a normal new one gets under that umask, not 0700.
    const fileMode = 0o640;
    const dirMode = 0o750;
    const wrong: string[] = [];
    const walk = (d: string) => {
      if ((lstatSync(d).mode & 0o777) !== dirMode) wrong.push(`${path.relative(dir, d)}/ ${(lstatSync(d).mode & 0o777).toString(8)}`);
      for (const e of readdirSync(d, { withFileTypes: true })) {
        const p = path.join(d, e.name);
        if (e.isDirectory()) walk(p);
        else if ((lstatSync(p).mode & 0o777) !== fileMode) wrong.push(`${path.relative(dir, p)} ${(lstatSync(p).mode & 0o777).toString(8)}`);
      }
    };
    walk(out);
    expect(wrong).toEqual([]);
    // The next build replaces it, including a file someone left in it.
    writeFileSync(path.join(out, 'kvar.html'), 'gammal');
    const second = await runCli(['build', plans, '--out', out]);
    expect(second.code).toBe(0);
    expect(existsSync(path.join(out, 'kvar.html'))).toBe(false);
    expect(existsSync(path.join(out, 'index.html'))).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(['dist', 'plans']);
    expect(snapshotTree(plans)).toEqual(before);
  }, 600_000);
});
