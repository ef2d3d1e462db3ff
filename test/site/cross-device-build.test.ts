// `sparbar build` with the temporary folder on another file system than --out: a /tmp in memory (tmpfs, the default
// on Fedora, Arch and Debian 13) and the site written to disk. The search index is made in the build's work folder
// in the temporary folder and moved into the site; a rename across file systems fails with EXDEV, which made the
// build end with an internal error (src/files/move-folder.ts). Here /dev/shm (memory) is the temporary folder and
// the site goes to the usual temporary folder; where the two are one file system the test cannot show the case.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

// A whole build of the example plan as a child process: a minute or more on a busy 2-core machine.
vi.setConfig({ testTimeout: 600_000, hookTimeout: 600_000 });

const root = path.resolve(import.meta.dirname, '../..');
const memory = '/dev/shm';
const crossDevice = existsSync(memory) && statSync(memory).dev !== statSync(tmpdir()).dev;

let temporary: string;
let outside: string;
beforeAll(() => {
  outside = mkdtempSync(path.join(tmpdir(), 'sparbar-cross-device-'));
  if (crossDevice) temporary = mkdtempSync(path.join(memory, 'sparbar-cross-device-tmp-'));
});
afterAll(() => {
  rmSync(outside, { recursive: true, force: true });
  if (temporary) rmSync(temporary, { recursive: true, force: true });
});

describe('sparbar build across file systems', () => {
  it.skipIf(!crossDevice)('builds the site with its search index when the temporary folder is on another file system than --out', () => {
    const out = path.join(outside, 'dist');
    const run = spawnSync(process.execPath, [path.join(root, 'lib', 'src', 'cli', 'main.js'), 'build', path.join(root, 'plans'), '--out', out], {
      encoding: 'utf8',
      env: { ...process.env, TMPDIR: temporary, SPARBAR_CACHE_DIR: path.join(outside, 'cache') },
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/Webbplatsen byggdes: \d+ sidor/);
    expect(existsSync(path.join(out, 'pagefind', 'pagefind.js'))).toBe(true);
    expect(existsSync(path.join(out, 'index.html'))).toBe(true);
    // Nothing is left behind: no work folder in the temporary folder, no staging folder beside --out.
    expect(readdirSync(temporary)).toEqual([]);
    expect(readdirSync(outside).sort()).toEqual(['cache', 'dist']);
  });
});
