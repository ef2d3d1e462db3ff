// A full disk, on real file systems: small tmpfs mounts, filled. The temporary folder (TMPDIR) full gave exit code 13,
// a Pagefind (Rust) panic, a stack trace and the build's folders left behind; --out on a full disk gave exit 2 with the
// renderer's stack trace twice and no word of the disk. Now: a Swedish sentence naming the folder, that the disk is
// full and what to do, exit 2, nothing left. Mounting needs root (CAP_SYS_ADMIN); without it these are skipped and
// test/files/write-problem.test.ts and test/site/search-index-write.test.ts cover the same code with the failing calls
// stood in for.
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, rmdirSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';

// Whole builds of the example plan as child processes: a minute or more each on a busy 2-core machine.
vi.setConfig({ testTimeout: 600_000, hookTimeout: 600_000 });

const root = path.resolve(import.meta.dirname, '../..');
const cli = path.join(root, 'lib', 'src', 'cli', 'main.js');

/** True when this process may mount a tmpfs (root with CAP_SYS_ADMIN, as in the project's CI container). */
function canMount(): boolean {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return false;
  const probe = mkdtempSync(path.join(tmpdir(), 'sparbar-mount-probe-'));
  try {
    if (spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'none', probe]).status !== 0) return false;
    spawnSync('umount', [probe]);
    return true;
  } finally {
    rmSync(probe, { recursive: true, force: true });
  }
}
const mountable = canMount();
const hasChromium = existsSync('/usr/bin/chromium');

let outside: string;
const mounted: string[] = [];
beforeAll(() => {
  outside = mkdtempSync(path.join(tmpdir(), 'sparbar-full-disk-'));
});
afterEach(() => {
  // Every mount goes, also when a test failed.
  for (const dir of mounted.splice(0)) {
    spawnSync('umount', [dir]);
    rmdirSync(dir);
  }
});
afterAll(() => {
  rmSync(outside, { recursive: true, force: true });
});

/** A new tmpfs of `size` (e.g. `64k`, or `64m,nr_inodes=200` with more mount options), filled to the last byte with a file `fill` when `full`. */
function smallDisk(size: string, full: boolean): string {
  const dir = mkdtempSync(path.join(outside, 'disk-'));
  const mount = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'none', dir], { encoding: 'utf8' });
  if (mount.status !== 0) throw new Error(`mount: ${mount.stderr}`);
  mounted.push(dir);
  if (full) {
    const fd = openSync(path.join(dir, 'fill'), 'w');
    const block = Buffer.alloc(4096);
    try {
      for (;;) writeSync(fd, block);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
    } finally {
      closeSync(fd);
    }
  }
  return dir;
}

/** `sparbar <args>` in the repository with TMPDIR set, the caches in the test's folder. */
function sparbar(args: string[], tmp: string) {
  return spawnSync(process.execPath, [cli, ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, TMPDIR: tmp, SPARBAR_CACHE_DIR: path.join(outside, 'cache') },
  });
}

/** No stack trace, no panic, no internal error. */
function expectNoTrace(stderr: string): void {
  expect(stderr).not.toMatch(/internt fel|\n\s+at |panicked|RUST_BACKTRACE|sparbar-skrivning-nekad/);
}

describe.runIf(mountable)('sparbar build on a full disk (tmpfs mounts; skipped without root, which mounting needs)', () => {
  it('says the temporary folder’s disk is full, exits 2 and leaves nothing, when TMPDIR is full', () => {
    const tmp = smallDisk('64k', true);
    const folder = mkdtempSync(path.join(outside, 'out-'));
    const run = sparbar(['build', 'plans', '--out', path.join(folder, 'dist')], tmp);
    expect(run.stderr).toBe(
      `sparbar build: Den tillfälliga mappen ${tmp} går inte att skriva i: disken är full (ENOSPC; df -h visar utrymmet, df -i antalet filer). Frigör utrymme där eller sätt TMPDIR till en mapp på en annan disk (till exempel TMPDIR=/var/tmp).\n`,
    );
    expect(run.status).toBe(2);
    expect(readdirSync(tmp)).toEqual(['fill']);
    expect(readdirSync(folder)).toEqual([]);
  });

  it('builds when the temporary folder has room for the graph but not for the search index, which is written into the site', () => {
    // The example's graph, history and texts take some 700 kB in the work folder, its search index over 1 MB more: the
    // index went there first (a full temporary folder gave exit code 13) and is now written where the pages are.
    const tmp = smallDisk('1000k', false);
    const folder = mkdtempSync(path.join(outside, 'out-'));
    const run = sparbar(['build', 'plans', '--out', path.join(folder, 'dist')], tmp);
    expectNoTrace(run.stderr);
    expect(run.status).toBe(0);
    expect(existsSync(path.join(folder, 'dist', 'pagefind', 'pagefind-entry.json'))).toBe(true);
    expect(readdirSync(tmp)).toEqual([]);
  });

  // 3400k: room for the example's pages (some 3 MB) but not for its search index as well (over 1 MB), which this process
  // writes while the renderer writes the pages: whichever write is refused, the same sentence, and no exit code 13.
  // nr_inodes=200: room to spare but not for the site's some 400 files and folders; df shows free space, df -i none.
  for (const [size, full, described] of [
    ['64k', true, 'a full disk'],
    ['1000k', false, 'a disk of 1000k'],
    ['3400k', false, 'a disk of 3400k'],
    ['64m,nr_inodes=200', false, 'a disk of 64m with room for 200 files'],
  ] as const) {
    it(`says the output folder’s disk is full, exits 2 and leaves nothing, with --out on ${described}`, () => {
      const disk = smallDisk(size, full);
      const tmp = mkdtempSync(path.join(outside, 'tmp-'));
      const out = path.join(disk, 'dist');
      const run = sparbar(['build', 'plans', '--out', out], tmp);
      expectNoTrace(run.stderr);
      expect(run.stderr).toBe(`sparbar build: Utmappen ${out} går inte att skriva i: disken är full (ENOSPC; df -h visar utrymmet, df -i antalet filer). Frigör utrymme på disken, eller välj med --out en plats på en annan disk.\n`);
      expect(run.status).toBe(2);
      expect(readdirSync(disk)).toEqual(full ? ['fill'] : []);
      expect(readdirSync(tmp)).toEqual([]);
    });
  }

  it('sparbar dokument says the file cannot be written on a full disk, exits 2 and leaves nothing', () => {
    const disk = smallDisk('64k', true);
    const tmp = mkdtempSync(path.join(outside, 'tmp-'));
    const file = path.join(disk, 'plan.docx');
    const run = sparbar(['dokument', 'plans', '--docx', file], tmp);
    expectNoTrace(run.stderr);
    expect(run.stderr).toBe(`sparbar dokument: ${file} går inte att skriva: disken är full (ENOSPC; df -h visar utrymmet, df -i antalet filer). Frigör utrymme på disken, eller välj med --docx en plats på en annan disk. Ingen fil skrevs.\n`);
    expect(run.status).toBe(2);
    expect(readdirSync(disk)).toEqual(['fill']);
  });

  it.runIf(hasChromium)('sparbar rapport says the PDF cannot be written on a full disk, exits 2 and leaves nothing', () => {
    const disk = smallDisk('64k', true);
    const tmp = mkdtempSync(path.join(outside, 'tmp-'));
    mkdirSync(path.join(disk, 'rapporter'));
    const file = path.join(disk, 'rapporter', 'uppfoljning.pdf');
    const run = sparbar(['rapport', '2026-08', 'plans', '--pdf', file], tmp);
    expectNoTrace(run.stderr);
    expect(run.stderr).toBe(`sparbar rapport: ${file} går inte att skriva: disken är full (ENOSPC; df -h visar utrymmet, df -i antalet filer). Frigör utrymme på disken, eller välj med --pdf en plats på en annan disk. Ingen fil skrevs.\n`);
    expect(run.status).toBe(2);
    expect(readdirSync(path.join(disk, 'rapporter'))).toEqual([]);
    expect(readdirSync(tmp)).toEqual([]);
  });
});
