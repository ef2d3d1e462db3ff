// Folders are made without Node 20's recursive mkdir, which never returns where mkdir says ENOENT although the
// parent exists (procfs, a stale mount; tester8 T4), and a folder that cannot be made is the user's problem, told
// in Swedish, not an internal error with a stack (T5). The commands run as child processes: a hang is then a
// failed test at its time limit, not a test run that never ends.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeFolders } from '../src/files/make-folders.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'sparbar-make-folders-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const PROC = existsSync('/proc/self');
const cli = (args: string[], env: NodeJS.ProcessEnv = {}) =>
  spawnSync(process.execPath, ['lib/src/cli/main.js', ...args], { encoding: 'utf8', timeout: 120_000, env: { ...process.env, NO_COLOR: '1', ...env } });

describe('makeFolders', () => {
  it('makes a folder and its missing parents, and accepts one that exists', () => {
    const deep = path.join(tmp, 'a', 'b', 'c');
    makeFolders(deep);
    expect(statSync(deep).isDirectory()).toBe(true);
    makeFolders(deep);
    makeFolders(path.join(tmp, 'a'));
  });

  it('says ENOTDIR when a part of the path is a file', () => {
    writeFileSync(path.join(tmp, 'fil'), 'x');
    expect(() => makeFolders(path.join(tmp, 'fil', 'under'))).toThrow(expect.objectContaining({ code: 'ENOTDIR' }));
  });

  it.runIf(PROC)('gives the error where mkdir says ENOENT under an existing parent (procfs)', () => {
    expect(() => makeFolders('/proc/sparbar-test/cache')).toThrow(expect.objectContaining({ code: 'ENOENT' }));
  });
});

describe('folders that cannot be made', () => {
  it.runIf(PROC)('check with its cache folder under /proc checks as without a cache', { timeout: 180_000 }, () => {
    const r = cli(['check', 'plans'], { SPARBAR_CACHE_DIR: '/proc/sparbar-test' });
    expect(r.signal).toBeNull();
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Inga problem');
  });

  it.runIf(PROC)('build --out under /proc is refused in Swedish (exit 2), without a stack', { timeout: 180_000 }, () => {
    const r = cli(['build', 'plans', '--out', '/proc/sparbar-test/site']);
    expect(r.signal).toBeNull();
    expect([r.status, r.stderr]).toEqual([2, expect.stringContaining('Utmappen /proc/sparbar-test/site går inte att skapa eller skriva i: mappen går inte att skapa där (ENOENT).')]);
    expect(r.stderr).not.toMatch(/internt fel|\n\s+at /);
  });

  it('build --out below a file is refused in Swedish (exit 2), without a stack', { timeout: 180_000 }, () => {
    const file = path.join(tmp, 'inte-en-mapp');
    writeFileSync(file, 'x');
    const r = cli(['build', 'plans', '--out', path.join(file, 'site')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('en del av sökvägen är en fil, inte en mapp (ENOTDIR)');
    expect(r.stderr).not.toMatch(/internt fel|\n\s+at /);
  });
});
