// `sparbar rapport` and `sparbar dokument` asked to write into a folder the user may not write in: refused in Swedish
// with exit 2 before any work (before: `internt fel: EACCES` and a stack trace, for rapport only after the whole site
// had been built). As root every folder can be written, so the commands then run as the user nobody (setpriv); without
// root a folder without write permission does the same. That the refusal comes before the work is shown without
// timing: chromium is named missing (SPARBAR_CHROMIUM) and TMPDIR does not exist, either of which would be said first
// were the folder checked later.
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { AS_NOBODY, packageForNobody, SETPRIV } from './helpers/nobody.js';

// Each case starts the command line as a child process (two in the dokument case): seconds on a busy 2-core machine.
vi.setConfig({ testTimeout: 120_000 });

const root = path.resolve(import.meta.dirname, '..');
const isRoot = process.getuid?.() === 0;
// As root the commands run as nobody, from where nobody reaches the package (helpers/nobody.ts).
const reachable = isRoot ? packageForNobody(root) : root;
const cli = path.join(reachable ?? root, 'lib', 'src', 'cli', 'main.js');
const runnable = process.platform !== 'win32' && reachable !== undefined;

let folder: string;
beforeAll(() => {
  folder = mkdtempSync(path.join(tmpdir(), 'sparbar-unwritable-'));
  cpSync(path.join(root, 'plans'), path.join(folder, 'plans'), { recursive: true });
  mkdirSync(path.join(folder, 'stangd'));
  // Readable by everyone (nobody reads the plans), the output folder by no one but written by none.
  spawnSync('chmod', ['-R', 'a+rX', folder]);
  chmodSync(path.join(folder, 'stangd'), 0o555);
});
afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
});

/** `sparbar <args>` in the test's folder, as nobody when this process is root. */
function sparbar(args: string[]) {
  const command = isRoot ? [SETPRIV!, ...AS_NOBODY, process.execPath, cli, ...args] : [process.execPath, cli, ...args];
  return spawnSync(command[0]!, command.slice(1), {
    cwd: folder,
    encoding: 'utf8',
    env: { ...process.env, TMPDIR: path.join(folder, 'finns-inte'), SPARBAR_CHROMIUM: path.join(folder, 'finns-inte', 'chromium'), SPARBAR_CACHE_DIR: path.join(folder, 'cache') },
  });
}

describe.runIf(runnable && isRoot)('a working folder the user cannot enter', () => {
  it('sparbar build refuses to start in Swedish, exit 2, before any work (Pagefind would start its process there)', () => {
    const locked = path.join(folder, 'bara-root');
    mkdirSync(locked);
    chmodSync(locked, 0o700);
    const run = spawnSync(SETPRIV!, [...AS_NOBODY, process.execPath, cli, 'build', path.join(folder, 'plans'), '--out', path.join(folder, 'ut')], {
      cwd: locked,
      encoding: 'utf8',
      env: { ...process.env, SPARBAR_CACHE_DIR: path.join(folder, 'cache') },
    });
    expect(run.stderr).toBe(
      `sparbar build: Webbplatsen byggdes inte: Mappen du står i, ${locked}, går inte att nå för den här användaren (EACCES), och sökindexets program startas där. Byt till en mapp du kan gå in i (cd) och bygg igen, med planmappen och --out som hela sökvägar om de ligger någon annanstans.\n`,
    );
    expect(run.status).toBe(2);
    expect(existsSync(path.join(folder, 'ut'))).toBe(false);
  });
});

describe.runIf(runnable)('an output file in a folder that cannot be written in', () => {
  it('sparbar rapport refuses it in Swedish before building, exit 2', () => {
    const run = sparbar(['rapport', '2026-08', 'plans', '--pdf', 'stangd/rapport.pdf']);
    expect(run.stderr).toBe('sparbar rapport: stangd/rapport.pdf går inte att skriva: mappen stangd går inte att skriva i, behörighet saknas (EACCES). Välj med --pdf en plats som du kan skriva i. Ingen fil skrevs.\n');
    expect(run.status).toBe(2);
    expect(readdirSync(path.join(folder, 'stangd'))).toEqual([]);
  });

  it('sparbar dokument refuses it in Swedish before reading the plans, exit 2, for --docx and --pdf', () => {
    for (const [option, file] of [
      ['--docx', 'stangd/plan.docx'],
      ['--pdf', 'stangd/plan.pdf'],
    ] as const) {
      const run = sparbar(['dokument', 'plans', option, file]);
      expect(run.stderr).toBe(`sparbar dokument: ${file} går inte att skriva: mappen stangd går inte att skriva i, behörighet saknas (EACCES). Välj med ${option} en plats som du kan skriva i. Ingen fil skrevs.\n`);
      expect(run.status).toBe(2);
    }
    expect(readdirSync(path.join(folder, 'stangd'))).toEqual([]);
  });
});
