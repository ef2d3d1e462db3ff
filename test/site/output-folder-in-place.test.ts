// `sparbar build` into an output folder that exists is replaced in place (replaceOutputFolder,
// src/files/swap-folder-contents.ts): the folder itself stays. Before, the build renamed it aside and renamed a new
// folder in, which
// - ended in an internal error (EBUSY) when --out was a mount point, as a Docker volume is;
// - was refused when --out's parent could not be written (/var/www/html under a root-owned /var/www), although the
//   folder itself could;
// - gave the published folder this process's owner, group and umask instead of its own.
// Mounting and changing owners need root (CI runs as root); without it those cases cannot be made and are skipped.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { OUTPUT_MARKER } from '../../src/files/write-safety.js';
import { AS_NOBODY, packageForNobody, SETPRIV } from '../helpers/nobody.js';

// Whole builds of the example plan as child processes: a minute or more each on a busy 2-core machine.
vi.setConfig({ testTimeout: 600_000, hookTimeout: 600_000 });

const root = path.resolve(import.meta.dirname, '../..');
const cli = path.join(root, 'lib', 'src', 'cli', 'main.js');
const GONE = 999_999_999; // above Linux's largest process id (2^22)

// Run as root with setpriv, from where user nobody reaches the package (helpers/nobody.ts).
const forNobody = packageForNobody(root);

let outside: string;
let canMount = false;
let canMakeImmutable = false;
const mounted: string[] = [];
const immutable: string[] = [];

/** Runs a command; true when it exits 0. */
function ran(command: string, args: string[]): boolean {
  return spawnSync(command, args, { stdio: 'ignore' }).status === 0;
}

beforeAll(() => {
  outside = mkdtempSync(path.join(tmpdir(), 'sparbar-in-place-'));
  const probe = path.join(outside, 'probe');
  mkdirSync(probe);
  canMount = process.getuid?.() === 0 && ran('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'none', probe]) && ran('umount', [probe]);
  canMakeImmutable = process.getuid?.() === 0 && ran('chattr', ['+i', probe]) && ran('chattr', ['-i', probe]);
});
afterAll(() => {
  for (const dir of immutable) ran('chattr', ['-i', dir]);
  for (const dir of mounted) ran('umount', [dir]);
  rmSync(outside, { recursive: true, force: true });
});

/** `sparbar build` of the example plan into `out`. */
function build(out: string) {
  return spawnSync(process.execPath, [cli, 'build', path.join(root, 'plans'), '--out', out], {
    encoding: 'utf8',
    env: { ...process.env, SPARBAR_CACHE_DIR: path.join(outside, 'cache'), NO_COLOR: '1' },
  });
}

/** Every file under `dir` (relative paths, sorted). */
function files(dir: string): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const entry of readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const r = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(r);
      else out.push(r);
    }
  };
  walk('');
  return out.sort();
}

/** `sparbar build` of the example plan into `out`, as a child process left running. */
function startBuild(out: string) {
  const child = spawn(process.execPath, [cli, 'build', path.join(root, 'plans'), '--out', out], {
    env: { ...process.env, SPARBAR_CACHE_DIR: path.join(outside, 'cache'), NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
  return new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => child.on('close', (status) => resolve({ status, stdout, stderr })));
}

/** A successful build: exit 0, nothing on stderr, the site and only the site in `out`. */
function expectBuilt(run: ReturnType<typeof build>, out: string): void {
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  expect(existsSync(path.join(out, 'index.html'))).toBe(true);
  expect(existsSync(path.join(out, 'pagefind', 'pagefind.js'))).toBe(true);
  expect(readdirSync(out).filter((n) => n.startsWith('.')).sort()).toEqual([OUTPUT_MARKER]);
}

describe('sparbar build replaces an existing output folder in place', () => {
  it('keeps the folder itself, its permissions, and nothing of the old site or the build beside or inside it', () => {
    const folder = path.join(outside, 'mode');
    const out = path.join(folder, 'dist');
    mkdirSync(out, { recursive: true });
    chmodSync(out, 0o2750);
    const first = statSync(out);
    expectBuilt(build(out), out);
    writeFileSync(path.join(out, 'planer', 'gammal-sida.html'), 'gammal');
    expectBuilt(build(out), out);
    const after = statSync(out);
    expect([after.ino, after.mode & 0o7777]).toEqual([first.ino, 0o2750]);
    expect(existsSync(path.join(out, 'planer', 'gammal-sida.html'))).toBe(false);
    expect(readdirSync(folder)).toEqual(['dist']);
  });

  it('takes an output folder that holds nothing but a killed build’s folders as empty, and removes them', () => {
    const out = path.join(outside, 'stale', 'dist');
    mkdirSync(path.join(out, `.bygge-${GONE}-0123456789ab`, 'mal'), { recursive: true });
    mkdirSync(path.join(out, `.gammal-${GONE}-0123456789ab`));
    expectBuilt(build(out), out);
  });

  it.runIf(process.getuid?.() === 0)('keeps the owner and group of the folder (run as root)', () => {
    const out = path.join(outside, 'owner', 'dist');
    mkdirSync(out, { recursive: true });
    chownSync(out, 65534, 65534);
    expectBuilt(build(out), out);
    expectBuilt(build(out), out);
    expect([statSync(out).uid, statSync(out).gid]).toEqual([65534, 65534]);
  });

  it('builds into a mount point (a Docker volume), twice (run as root with mount)', (context) => {
    if (!canMount) context.skip('mounting a tmpfs needs root and CAP_SYS_ADMIN');
    const folder = path.join(outside, 'mount');
    const out = path.join(folder, 'dist');
    mkdirSync(out, { recursive: true });
    expect(ran('mount', ['-t', 'tmpfs', '-o', 'size=64m,mode=0755', 'none', out])).toBe(true);
    mounted.push(out);
    expectBuilt(build(out), out);
    expectBuilt(build(out), out);
    // Still the mount: another file system than its parent's.
    expect(statSync(out).dev).not.toBe(statSync(folder).dev);
    expect(readdirSync(folder)).toEqual(['dist']);
  });

  it('builds into a folder whose parent cannot be written (run as root with chattr)', (context) => {
    if (!canMakeImmutable) context.skip('chattr +i needs root and a file system with immutable folders');
    const folder = path.join(outside, 'locked');
    const out = path.join(folder, 'html');
    mkdirSync(out, { recursive: true });
    expect(ran('chattr', ['+i', folder])).toBe(true);
    immutable.push(folder);
    expectBuilt(build(out), out);
    expectBuilt(build(out), out);
    expect(readFileSync(path.join(out, OUTPUT_MARKER), 'utf8')).toMatch(/byggdes av Spårbar/);
  });

  it('two builds into the same folder at once: both end well and the site in place is whole (the one that ends last)', async () => {
    const out = path.join(outside, 'together', 'dist');
    const alone = path.join(outside, 'together', 'alone');
    expectBuilt(build(alone), alone);
    mkdirSync(out, { recursive: true });
    expectBuilt(build(out), out);
    const first = startBuild(out);
    // The second starts once the first is rendering into its staging folder inside `out`.
    for (;;) {
      const staging = readdirSync(out).find((n) => n.startsWith('.bygge-'));
      if (staging && readdirSync(path.join(out, staging)).length > 0) break;
      await new Promise((r) => setTimeout(r, 10));
    }
    const second = startBuild(out);
    const runs = await Promise.all([first, second]);
    for (const run of runs) {
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
    }
    expect(files(out)).toEqual(files(alone));
    // Each says how many pages its own site has.
    for (const run of runs) expect(run.stdout).toContain(`Webbplatsen byggdes: ${files(alone).filter((f) => f.endsWith('.html')).length} sidor`);
  });

  it('never takes a folder someone named like a build folder for one: refused in a folder it did not build, named as removed in one it did', () => {
    const out = path.join(outside, 'lookalike', 'dist');
    mkdirSync(path.join(out, '.gammal-2024-arkiv'), { recursive: true });
    writeFileSync(path.join(out, '.gammal-2024-arkiv', 'protokoll.txt'), 'viktigt');
    const refused = build(out);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('innehåller filer som Spårbar inte har byggt (.gammal-2024-arkiv)');
    expect(files(out)).toEqual(['.gammal-2024-arkiv/protokoll.txt']);
    rmSync(out, { recursive: true });
    expectBuilt(build(out), out);
    mkdirSync(path.join(out, '.bygge-1-anteckningar'));
    writeFileSync(path.join(out, '.bygge-1-anteckningar', 'a.txt'), 'anteckning');
    const run = build(out);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('.bygge-1-anteckningar/a.txt');
  });

  it.runIf(forNobody !== undefined)('names a folder in --out it may not move, and leaves --out as it was (another user’s folder; run as root)', () => {
    const folder = path.join(outside, 'foreign');
    const out = path.join(folder, 'dist');
    const plans = path.join(folder, 'plans');
    mkdirSync(out, { recursive: true });
    cpSync(path.join(root, 'plans'), plans, { recursive: true });
    mkdirSync(path.join(folder, 'cache'));
    // nobody must reach the plans: the test's folder is mkdtemp's, 0700.
    chmodSync(outside, 0o755);
    spawnSync('chmod', ['-R', 'a+rX', folder]);
    chownSync(out, 65534, 65534);
    chownSync(path.join(folder, 'cache'), 65534, 65534);
    const asNobody = () =>
      spawnSync(SETPRIV!, [...AS_NOBODY, process.execPath, path.join(forNobody!, 'lib', 'src', 'cli', 'main.js'), 'build', plans, '--out', out], {
        // In a folder nobody can enter: the build refuses to start in one it cannot (Pagefind's process starts there).
        cwd: folder,
        encoding: 'utf8',
        env: { ...process.env, SPARBAR_CACHE_DIR: path.join(folder, 'cache'), NO_COLOR: '1' },
      });
    expectBuilt(asNobody(), out);
    // root's folder, with a file, in nobody's output folder.
    mkdirSync(path.join(out, 'extra'));
    writeFileSync(path.join(out, 'extra', 'f.txt'), 'roots');
    const before = files(out).map((f) => [f, readFileSync(path.join(out, f), 'utf8')]);
    const run = asNobody();
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`Utmappen ${out} kunde inte ersättas: ${path.join(out, 'extra')} går inte att flytta eller ta bort, behörighet saknas (EACCES)`);
    expect(run.stderr).not.toMatch(/internt fel|\n\s+at /);
    expect(files(out).map((f) => [f, readFileSync(path.join(out, f), 'utf8')])).toEqual(before);
    // The same deeper down, in a folder of the site: refused before anything moves, not after the new site is in place
    // with the old one left in a hidden folder.
    rmSync(path.join(out, 'extra'), { recursive: true });
    const deep = path.join(out, 'ekby-it-policy', 'rotmapp');
    mkdirSync(deep);
    writeFileSync(path.join(deep, 'x.txt'), 'roots');
    const kept = files(out).map((f) => [f, readFileSync(path.join(out, f), 'utf8')]);
    const again = asNobody();
    expect(again.status).toBe(2);
    expect(again.stderr).toContain(`Utmappen ${out} kunde inte ersättas: ${deep} går inte att flytta eller ta bort, behörighet saknas (EACCES)`);
    expect(files(out).map((f) => [f, readFileSync(path.join(out, f), 'utf8')])).toEqual(kept);
    expect(readdirSync(out).filter((n) => n.startsWith('.')).sort()).toEqual([OUTPUT_MARKER]);
    // root's file in root's sticky folder (mode 1777): nobody may write in the folder but not remove the file.
    rmSync(deep, { recursive: true });
    const sticky = path.join(out, 'ekby-it-policy', 'delad');
    mkdirSync(sticky);
    chmodSync(sticky, 0o1777);
    writeFileSync(path.join(sticky, 'x.txt'), 'roots');
    const before3 = files(out).map((f) => [f, readFileSync(path.join(out, f), 'utf8')]);
    const third = asNobody();
    expect(third.status).toBe(2);
    expect(third.stderr).toContain(`Utmappen ${out} kunde inte ersättas: ${path.join(sticky, 'x.txt')} går inte att flytta eller ta bort`);
    expect(files(out).map((f) => [f, readFileSync(path.join(out, f), 'utf8')])).toEqual(before3);
  });
});
