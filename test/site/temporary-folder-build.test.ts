// `sparbar build` and the temporary folder (TMPDIR), where the build keeps its work folder (the graph, the texts, the
// search index) while the site is made beside --out:
// - on another file system than --out: a /tmp in memory (tmpfs, the default on Fedora, Arch and Debian 13) and the
//   site written to disk. The search index is moved into the site; a rename across file systems fails with EXDEV,
//   which made the build end with an internal error (src/files/move-folder.ts). Here /dev/shm (memory) is the
//   temporary folder and the site goes to the usual temporary folder; where the two are one file system the test
//   cannot show the case and is skipped.
// - missing: a Swedish message that names it, exit 2, and nothing made beside --out (before: an internal error, and
//   the staging folder left behind).
// - relative: taken from the working folder (before: the renderer, which runs in another working folder, waited ten
//   minutes for a graph it looked for in the wrong place).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

// Whole builds of the example plan as child processes: a minute or more each on a busy 2-core machine.
vi.setConfig({ testTimeout: 600_000, hookTimeout: 600_000 });

const root = path.resolve(import.meta.dirname, '../..');
const cli = path.join(root, 'lib', 'src', 'cli', 'main.js');
const memory = '/dev/shm';
const crossDevice = existsSync(memory) && statSync(memory).dev !== statSync(tmpdir()).dev;

let temporary: string;
let outside: string;
beforeAll(() => {
  outside = mkdtempSync(path.join(tmpdir(), 'sparbar-temporary-folder-'));
  if (crossDevice) temporary = mkdtempSync(path.join(memory, 'sparbar-cross-device-tmp-'));
});
afterAll(() => {
  rmSync(outside, { recursive: true, force: true });
  if (temporary) rmSync(temporary, { recursive: true, force: true });
});

/** `sparbar build plans --out <out>` of the example plan with TMPDIR set, in `cwd`. */
function build(out: string, tmp: string, cwd = root) {
  return spawnSync(process.execPath, [cli, 'build', path.join(root, 'plans'), '--out', out], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, TMPDIR: tmp, SPARBAR_CACHE_DIR: path.join(outside, 'cache') },
  });
}

describe('sparbar build and the temporary folder', () => {
  it.skipIf(!crossDevice)('builds the site with its search index when the temporary folder is on another file system than --out', () => {
    const folder = path.join(outside, 'cross');
    mkdirSync(folder);
    const out = path.join(folder, 'dist');
    const run = build(out, temporary);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/Webbplatsen byggdes: \d+ sidor/);
    expect(existsSync(path.join(out, 'pagefind', 'pagefind.js'))).toBe(true);
    expect(existsSync(path.join(out, 'index.html'))).toBe(true);
    // Nothing is left behind: no work folder in the temporary folder, no staging folder beside --out.
    expect(readdirSync(temporary)).toEqual([]);
    expect(readdirSync(folder)).toEqual(['dist']);
  });

  it('says in Swedish that a missing temporary folder cannot be used, exits 2 and makes nothing beside --out', () => {
    const folder = path.join(outside, 'missing');
    mkdirSync(folder);
    const missing = path.join(outside, 'finns-inte');
    const run = build(path.join(folder, 'dist'), missing);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`Den tillfälliga mappen ${missing} finns inte. Sätt TMPDIR till en mapp som finns och som du kan skriva i`);
    expect(run.stderr).not.toMatch(/internt fel|\n\s+at /);
    expect(readdirSync(folder)).toEqual([]);
  });

  it('takes a relative temporary folder from the working folder', () => {
    const folder = path.join(outside, 'relative');
    mkdirSync(path.join(folder, 'tillfalligt'), { recursive: true });
    const run = build('dist', 'tillfalligt', folder);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(existsSync(path.join(folder, 'dist', 'index.html'))).toBe(true);
    expect(readdirSync(path.join(folder, 'tillfalligt'))).toEqual([]);
  });
});
